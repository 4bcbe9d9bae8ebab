package timex_test

import (
	"context"
	"github.com/newsgraph/newsgraph/extract/timex"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/article"
)

// BenchmarkProcess measures the recogniser alone on a parsed document: the
// sample articles of testdata/articles, repeated to some ten thousand
// tokens, dated like the first of them.
func BenchmarkProcess(b *testing.B) {
	paths, err := filepath.Glob(filepath.Join("..", "..", "testdata", "articles", "*.txt"))
	if err != nil || len(paths) == 0 {
		b.Fatalf("no sample articles: %v", err)
	}
	var texts []string
	var arts []article.Article
	for _, p := range paths {
		a, errs := article.ReadFile(p, article.Options{})
		if len(errs) > 0 {
			b.Fatal(errs)
		}
		arts = append(arts, a...)
	}
	for _, a := range arts {
		texts = append(texts, a.Text)
	}
	one := strings.Join(texts, "\n\n")
	doc := analyse(b, strings.Repeat(one+"\n\n", 10), arts[0].Date)
	if len(doc.Times) == 0 {
		b.Fatal("no time expression in the benchmark document")
	}
	rec := timex.New()
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if err := rec.Process(ctx, doc); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(doc.Tokens))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
	b.ReportMetric(float64(len(doc.Tokens)), "tokens/doc")
	b.ReportMetric(float64(len(doc.Times)), "times/doc")
}
