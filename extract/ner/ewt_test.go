package ner_test

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/extract/ner"
	"github.com/newsgraph/newsgraph/extract/pipeline"
)

// readUNER reads a UniversalNER EWT file, skipping the test without it.
func readUNER(t testing.TB, name string) []ner.Sentence {
	t.Helper()
	f, err := os.Open(filepath.Join(unerDir, name))
	if err != nil {
		t.Skipf("UniversalNER data not found (needs ../shared): %v", err)
	}
	defer f.Close()
	sents, err := ner.ReadIOB2(f)
	if err != nil {
		t.Fatal(err)
	}
	return sents
}

// TestEWT trains the recogniser on UniversalNER EWT train, tagged by the
// pipeline's tagger as text will be at run time, and reports precision,
// recall and F1 on dev and test, tagged the same way. It takes two to
// three minutes. With NER_MODEL_OUT set, it writes the model there.
func TestEWT(t *testing.T) {
	if testing.Short() {
		t.Skip("trains on UniversalNER EWT: skipped in -short mode")
	}
	train := readUNER(t, "uner_en_ewt-train.iob2")
	dev := readUNER(t, "uner_en_ewt-dev.iob2")
	test := readUNER(t, "uner_en_ewt-test.iob2")
	models, err := pipeline.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	tagger := func(forms []string) []string {
		upos, _ := models.Tagger.Tag(forms)
		return upos
	}
	for _, sents := range [][]ner.Sentence{train, dev, test} {
		ner.Tag(sents, tagger)
	}
	start := time.Now()
	m, err := ner.Train(context.Background(), train, dev, ner.TrainOptions{Seed: 1}, slog.New(slog.NewTextHandler(os.Stderr, nil)))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("trained in %v", time.Since(start).Round(time.Second))
	if out := os.Getenv("NER_MODEL_OUT"); out != "" {
		f, err := os.Create(out)
		if err != nil {
			t.Fatal(err)
		}
		n, err := m.WriteTo(f)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s: %d bytes", out, n)
	}
	for _, split := range []struct {
		name  string
		sents []ner.Sentence
		floor float64
	}{{"dev", dev, 0.68}, {"test", test, 0.73}} {
		ev, err := ner.Evaluate(split.sents, m.Predict(split.sents))
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range append(ev.ByType, ev.Overall) {
			t.Logf("%-4s %v", split.name, s)
		}
		if f1 := ev.Overall.F1(); f1 < split.floor {
			t.Errorf("%s F1 %.2f, want at least %.2f", split.name, 100*f1, 100*split.floor)
		}
	}
}
