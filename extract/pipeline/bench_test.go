package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/conllu"
	"github.com/newsgraph/newsgraph/extract/segment"
)

// benchTexts returns the raw texts the benchmarks run on: the documents of
// EWT test when ../shared is there (web and news text, 25k words), the
// bundled sample articles otherwise.
func benchTexts(b *testing.B) []string {
	b.Helper()
	path := filepath.Join("..", "..", "..", "shared", "data", "ud-ewt", "en_ewt-ud-test.conllu")
	if gold, err := conllu.ReadFile(path); err == nil {
		var texts []string
		for _, part := range documents(gold) {
			texts = append(texts, segment.RawText(part))
		}
		return texts
	}
	paths, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "articles", "*.txt"))
	var texts []string
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(data))
	}
	return texts
}

// BenchmarkPipeline measures the whole pipeline, raw text to parsed
// sentences, on one goroutine, document by document.
func BenchmarkPipeline(b *testing.B) {
	benchmarkStages(b, func(m *Models) extract.Pipeline { return m.Pipeline() }, nil)
}

// BenchmarkPipelineBatch measures the whole pipeline, raw text to parsed
// sentences, on one goroutine, over the documents as one batch
// (Pipeline.ProcessBatch), the way ingest runs it.
func BenchmarkPipelineBatch(b *testing.B) {
	benchmarkBatch(b, (*Models).Pipeline)
}

// BenchmarkExtractionBatch measures the whole extraction, raw text to
// relations, events and quotes, on one goroutine over the documents as one
// batch, the way ingest runs it on each processor.
func BenchmarkExtractionBatch(b *testing.B) {
	benchmarkBatch(b, (*Models).Extraction)
}

// benchmarkBatch times the stages built by run over the benchmark texts as
// one batch.
func benchmarkBatch(b *testing.B, run func(*Models) extract.Pipeline) {
	m := models(b)
	texts := benchTexts(b)
	p := run(m)
	ctx := context.Background()
	docs := make([]*extract.Document, len(texts))
	words := 0
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for k, text := range texts {
			docs[k] = &extract.Document{Text: text}
		}
		for _, err := range p.ProcessBatch(ctx, docs) {
			if err != nil {
				b.Fatal(err)
			}
		}
		if i == 0 {
			for _, d := range docs {
				words += len(d.Tokens)
			}
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkStage measures each stage alone, on documents already
// processed up to it.
func BenchmarkStage(b *testing.B) {
	m := models(b)
	stages := []struct {
		name  string
		stage extract.Stage
		prep  extract.Pipeline
	}{
		{"tokenize", m.Tokenizer, nil},
		{"segment", m.Segmenter, extract.Pipeline{m.Tokenizer}},
		{"tag", m.Tagger, extract.Pipeline{m.Tokenizer, m.Segmenter}},
		{"morph", m.Morph, extract.Pipeline{m.Tokenizer, m.Segmenter, m.Tagger}},
		{"parse", m.Parser, extract.Pipeline{m.Tokenizer, m.Segmenter, m.Tagger, m.Morph}},
	}
	// The fact stages, each on documents processed up to it.
	ex := m.Extraction()
	core := len(m.Pipeline())
	for k, name := range []string{"ner", "timex", "clause", "entity", "fact"} {
		stages = append(stages, struct {
			name  string
			stage extract.Stage
			prep  extract.Pipeline
		}{name, ex[core+k], ex[:core+k]})
	}
	for _, s := range stages {
		b.Run(s.name, func(b *testing.B) {
			benchmarkStages(b, func(*Models) extract.Pipeline { return extract.Pipeline{s.stage} }, s.prep)
		})
	}
}

// benchmarkStages times the stages built by run over the benchmark texts,
// after prep has been applied to fresh copies outside the timer.
func benchmarkStages(b *testing.B, run func(*Models) extract.Pipeline, prep extract.Pipeline) {
	m := models(b)
	texts := benchTexts(b)
	p := run(m)
	ctx := context.Background()
	prepared := make([]extract.Document, len(texts))
	words := 0
	for i, text := range texts {
		prepared[i] = extract.Document{Text: text}
		if err := prep.Process(ctx, &prepared[i]); err != nil {
			b.Fatal(err)
		}
		probe := extract.Document{Text: text}
		if err := m.Pipeline().Process(ctx, &probe); err != nil {
			b.Fatal(err)
		}
		words += len(probe.Tokens)
	}
	docs := make([]extract.Document, len(texts))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		for k := range docs {
			docs[k] = prepared[k]
			docs[k].Tokens = append([]extract.Token(nil), prepared[k].Tokens...)
			docs[k].Sentences = append([]extract.Sentence(nil), prepared[k].Sentences...)
		}
		b.StartTimer()
		for k := range docs {
			if err := p.Process(ctx, &docs[k]); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}
