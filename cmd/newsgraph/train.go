package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/extract/conllu"
	"github.com/newsgraph/newsgraph/extract/morph"
	"github.com/newsgraph/newsgraph/extract/ner"
	"github.com/newsgraph/newsgraph/extract/parse"
	"github.com/newsgraph/newsgraph/extract/pipeline"
	"github.com/newsgraph/newsgraph/extract/segment"
	"github.com/newsgraph/newsgraph/extract/tag"
	"github.com/newsgraph/newsgraph/extract/tokenize"
)

var trainable = []string{"segment", "tagger", "morph", "parser", "ner"}

// jackknifeFolds is how many taggers tag the parser's training data, each
// the part it did not see.
const jackknifeFolds = 10

func runTrain(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "train", "[flags]",
		"Rebuilds the models newsgraph ships (sentence splitter, tagger, lemmatiser, parser,\n"+
			"named-entity recogniser) from UD English-EWT and UniversalNER English-EWT in the data\n"+
			"directory, deterministically, writes them to the\n"+
			"model directory (embedded by the next build) and prints the pipeline's scores on\n"+
			"EWT dev and test. Run it from the repository root.",
		"newsgraph train --data ../shared/data --only tagger,parser")
	data := fs.String("data", filepath.Join("..", "shared", "data"), "training data `DIR` (holding ud-ewt/)")
	out := fs.String("out", pipeline.ModelDir, "write models to `DIR`")
	only := fs.String("only", strings.Join(trainable, ","), "comma-separated `LIST` of models to train")
	seed := fs.Uint64("seed", 1, "random seed for shuffling and exploration")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	want := map[string]bool{}
	for _, name := range strings.Split(*only, ",") {
		if !slices.Contains(trainable, name) {
			return fmt.Errorf("unknown model %q (models: %s)", name, strings.Join(trainable, ", "))
		}
		want[name] = true
	}
	ewt := filepath.Join(*data, "ud-ewt")
	read := func(split string) ([]conllu.Sentence, error) {
		return conllu.ReadFile(filepath.Join(ewt, "en_ewt-ud-"+split+".conllu"))
	}
	train, err := read("train")
	if err != nil {
		return err
	}
	dev, err := read("dev")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return err
	}
	start := time.Now()
	log := e.log

	if want["segment"] {
		m, err := segment.Train(ctx, train, dev, tokenize.New(), segment.TrainOptions{Seed: *seed}, log.With("model", "segment"))
		if err != nil {
			return fmt.Errorf("sentence splitter: %w", err)
		}
		if err := save(filepath.Join(*out, pipeline.SegmenterFile), m); err != nil {
			return err
		}
	}
	var tagger *tag.Model
	tagOpts := tag.TrainOptions{Seed: *seed}
	if want["tagger"] {
		if tagger, err = tag.Train(ctx, train, dev, tagOpts, log.With("model", "tagger")); err != nil {
			return fmt.Errorf("tagger: %w", err)
		}
		if err := save(filepath.Join(*out, pipeline.TaggerFile), tagger); err != nil {
			return err
		}
	}
	if want["morph"] {
		m, err := morph.Train(ctx, train, dev, log.With("model", "morph"))
		if err != nil {
			return fmt.Errorf("lemmatiser: %w", err)
		}
		if err := save(filepath.Join(*out, pipeline.MorphFile), m); err != nil {
			return err
		}
	}
	if want["parser"] {
		if tagger == nil {
			if tagger, err = loadTagger(filepath.Join(*out, pipeline.TaggerFile)); err != nil {
				return err
			}
		}
		// The parser learns from the tags it will see: jack-knifed tags on
		// its training data, and the tagger's own tags on dev.
		log.Info("jack-knifing tags for the parser", "folds", jackknifeFolds)
		jk, err := tag.Jackknife(ctx, train, jackknifeFolds, tagOpts, log.With("model", "tagger"))
		if err != nil {
			return err
		}
		m, err := parse.Train(ctx, jk, tagger.TagSentences(dev), parse.TrainOptions{Seed: *seed, Augment: 0.05}, log.With("model", "parser"))
		if err != nil {
			return fmt.Errorf("parser: %w", err)
		}
		if err := save(filepath.Join(*out, pipeline.ParserFile), m); err != nil {
			return err
		}
	}
	if want["ner"] {
		if tagger == nil {
			if tagger, err = loadTagger(filepath.Join(*out, pipeline.TaggerFile)); err != nil {
				return err
			}
		}
		if err := trainNER(ctx, *data, *out, tagger, *seed, e); err != nil {
			return fmt.Errorf("recogniser: %w", err)
		}
	}
	log.Info("training done", "elapsed", time.Since(start).Round(time.Second))

	models, err := pipeline.LoadDir(*out)
	if err != nil {
		return err
	}
	for _, split := range []string{"dev", "test"} {
		gold, err := read(split)
		if err != nil {
			return err
		}
		if err := printEvaluation(ctx, e.stdout, models, "EWT "+split, gold); err != nil {
			return err
		}
	}
	return nil
}

func loadTagger(path string) (*tag.Model, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("the parser needs a tagger: %w", err)
	}
	defer f.Close()
	return tag.Load(f)
}

// save writes a model to path atomically: a crash leaves the old file.
func save(path string, m io.WriterTo) error {
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	if _, err := m.WriteTo(f); err != nil {
		f.Close()
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return err
	}
	return os.Rename(tmp, path)
}

// readNER reads a UniversalNER file with its words tagged by tagger: the
// recogniser learns from the tags it will see.
func readNER(path string, tagger *tag.Model) ([]ner.Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sents, err := ner.ReadIOB2(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	ner.Tag(sents, func(forms []string) []string { upos, _ := tagger.Tag(forms); return upos })
	return sents, nil
}

// trainNER trains the recogniser on UniversalNER EWT, saves it and prints
// its scores on dev and test.
func trainNER(ctx context.Context, data, out string, tagger *tag.Model, seed uint64, e *env) error {
	dir := filepath.Join(data, "uner-ewt")
	var splits [3][]ner.Sentence
	for i, name := range []string{"train", "dev", "test"} {
		var err error
		if splits[i], err = readNER(filepath.Join(dir, "uner_en_ewt-"+name+".iob2"), tagger); err != nil {
			return err
		}
	}
	m, err := ner.Train(ctx, splits[0], splits[1], ner.TrainOptions{Seed: seed}, e.log.With("model", "ner"))
	if err != nil {
		return err
	}
	if err := save(filepath.Join(out, pipeline.NERFile), m); err != nil {
		return err
	}
	for i, name := range []string{"dev", "test"} {
		if err := printNER(e.stdout, "UNER EWT "+name, splits[i+1], m); err != nil {
			return err
		}
	}
	return nil
}

// printNER scores the recogniser on gold sentences.
func printNER(w io.Writer, name string, gold []ner.Sentence, m *ner.Model) error {
	ev, err := ner.Evaluate(gold, m.Predict(gold))
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "%s, named entities (exact span and type):\n%-8s %9s %9s %9s %7s %7s\n", name, "type", "precision", "recall", "F1", "gold", "found")
	for _, s := range append(ev.ByType, ev.Overall) {
		t := s.Type
		if t == "" {
			t = "overall"
		}
		fmt.Fprintf(w, "%-8s %9.2f %9.2f %9.2f %7d %7d\n", t, 100*s.Precision(), 100*s.Recall(), 100*s.F1(), s.Gold, s.Predicted)
	}
	fmt.Fprintln(w)
	return nil
}
