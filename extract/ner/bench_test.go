package ner_test

import (
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/conllu"
	"github.com/newsgraph/newsgraph/extract/ner"
)

// Paths of the shared data, relative to this package.
var (
	unerDir = filepath.Join("..", "..", "..", "shared", "data", "uner-ewt")
	udDir   = filepath.Join("..", "..", "..", "shared", "data", "ud-ewt")
)

// readTagged reads a UniversalNER file and gives its sentences the gold
// UPOS tags of the EWT treebank file with the same sentences, matched by
// sentence ID and words; it skips the test when the data is absent.
func readTagged(tb testing.TB, unerFile, udFile string) []ner.Sentence {
	tb.Helper()
	f, err := os.Open(filepath.Join(unerDir, unerFile))
	if err != nil {
		tb.Skipf("UniversalNER data not found (needs ../shared): %v", err)
	}
	defer f.Close()
	sents, err := ner.ReadIOB2(f)
	if err != nil {
		tb.Fatal(err)
	}
	ud, err := conllu.ReadFile(filepath.Join(udDir, udFile))
	if err != nil {
		tb.Skipf("EWT data not found (needs ../shared): %v", err)
	}
	byID := make(map[string]*conllu.Sentence, len(ud))
	for i := range ud {
		byID[ud[i].ID] = &ud[i]
	}
	for i := range sents {
		s := &sents[i]
		u := byID[s.ID]
		if u == nil || len(u.Words) != len(s.Forms) {
			continue
		}
		tags := make([]string, len(u.Words))
		for k, w := range u.Words {
			if w.Form != s.Forms[k] {
				tags = nil
				break
			}
			tags[k] = w.UPOS
		}
		s.UPOS = tags
	}
	return sents
}

func trainFull(tb testing.TB) *ner.Model {
	tb.Helper()
	train := readTagged(tb, "uner_en_ewt-train.iob2", "en_ewt-ud-train.conllu")
	model.Do(func() {
		model.m, model.err = ner.Train(context.Background(), train, nil, ner.TrainOptions{Seed: 1}, slog.New(slog.NewTextHandler(io.Discard, nil)))
	})
	if model.err != nil {
		tb.Fatal(model.err)
	}
	return model.m
}

var model struct {
	sync.Once
	m   *ner.Model
	err error
}

// BenchmarkProcess measures the recogniser alone on the documents of EWT
// test, tokenised and tagged (gold tags), one goroutine, document by
// document. The model is trained on the full training data first, which
// takes two to three minutes.
func BenchmarkProcess(b *testing.B) {
	m := trainFull(b)
	gold, err := conllu.ReadFile(filepath.Join(udDir, "en_ewt-ud-test.conllu"))
	if err != nil {
		b.Skipf("EWT data not found (needs ../shared): %v", err)
	}
	var docs []*extract.Document
	words := 0
	for start := 0; start < len(gold); {
		end := start + 1
		for end < len(gold) && !gold[end].NewDoc {
			end++
		}
		d := conllu.ToDocument(gold[start:end])
		docs = append(docs, d)
		words += len(d.Tokens)
		start = end
	}
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			if err := m.Process(ctx, d); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}
