package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/newsgraph/newsgraph/extract/carb"
	"github.com/newsgraph/newsgraph/extract/conllu"
	"github.com/newsgraph/newsgraph/extract/pipeline"
)

func runEval(ctx context.Context, e *env, args []string) error {
	if len(args) > 0 && args[0] == "carb" {
		return runEvalCaRB(e, args[1:])
	}
	if len(args) > 0 && args[0] == "ner" {
		return runEvalNER(e, args[1:])
	}
	if len(args) == 0 || args[0] != "ud" {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help") {
			fmt.Fprintln(e.stderr, "Usage: newsgraph eval ud [flags] FILE.conllu\n       newsgraph eval ner [flags] FILE.iob2\n       newsgraph eval carb --gold GOLD.tsv SYSTEM.tsv")
			return nil
		}
		fmt.Fprintln(e.stderr, "Usage: newsgraph eval ud [flags] FILE.conllu\n       newsgraph eval ner [flags] FILE.iob2\n       newsgraph eval carb --gold GOLD.tsv SYSTEM.tsv")
		return errUsage
	}
	fs := newFlags(e, "eval ud", "[flags] FILE.conllu",
		"Scores the pipeline on a UD treebank with the CoNLL 2018 shared-task measures,\n"+
			"twice: from the treebank's raw text (the # text lines, paragraphs separated by\n"+
			"blank lines), and from its gold tokens and sentences.",
		"newsgraph eval ud ../shared/data/ud-ewt/en_ewt-ud-test.conllu")
	models := modelsFlag(fs)
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errUsage
	}
	gold, err := conllu.ReadFile(fs.Arg(0))
	if err != nil {
		return err
	}
	m, err := loadModels(*models)
	if err != nil {
		return err
	}
	return printEvaluation(ctx, e.stdout, m, fs.Arg(0), gold)
}

// printEvaluation scores the models on gold from raw text and from gold
// tokens, and prints both reports with the pipeline's speed.
func printEvaluation(ctx context.Context, w io.Writer, m *pipeline.Models, name string, gold []conllu.Sentence) error {
	raw, err := m.EvaluateRaw(ctx, gold)
	if err != nil {
		return err
	}
	tok, err := m.EvaluateGoldTokens(ctx, gold)
	if err != nil {
		return err
	}
	for _, run := range []struct {
		title string
		ev    pipeline.Evaluation
	}{
		{"raw text → tokens, sentences, tags, lemmas, parse", raw},
		{"gold tokens and sentences → tags, lemmas, parse", tok},
	} {
		fmt.Fprintf(w, "%s, %s:\n", name, run.title)
		if err := run.ev.Report.Write(w); err != nil {
			return err
		}
		fmt.Fprintf(w, "(%d words in %.2fs: %.0f words/s)\n\n", run.ev.Words, run.ev.Elapsed.Seconds(), float64(run.ev.Words)/run.ev.Elapsed.Seconds())
	}
	return nil
}

func runEvalCaRB(e *env, args []string) error {
	fs := newFlags(e, "eval carb", "--gold GOLD.tsv SYSTEM.tsv",
		"Scores Open IE extractions in CaRB's tabbed format (as `newsgraph oie` writes them)\n"+
			"against CaRB gold extractions, as the reference CaRB scorer does: precision, recall\n"+
			"and F1 at the best confidence threshold, and the area under the PR curve.",
		"newsgraph eval carb --gold ../shared/data/carb/gold-dev.tsv dev.tsv")
	goldPath := fs.String("gold", "", "gold extractions `FILE`")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *goldPath == "" || fs.NArg() != 1 {
		fs.Usage()
		return errUsage
	}
	gf, err := os.Open(*goldPath)
	if err != nil {
		return err
	}
	defer gf.Close()
	gold, err := carb.ReadGold(gf)
	if err != nil {
		return fmt.Errorf("%s: %w", *goldPath, err)
	}
	sf, err := os.Open(fs.Arg(0))
	if err != nil {
		return err
	}
	defer sf.Close()
	sys, err := carb.ReadSystem(sf)
	if err != nil {
		return fmt.Errorf("%s: %w", fs.Arg(0), err)
	}
	r := carb.Score(gold, sys)
	fmt.Fprintf(e.stdout, "precision %.3f  recall %.3f  F1 %.3f  AUC %.3f  (best threshold %.3f; %d extractions)\n",
		r.Precision, r.Recall, r.F1, r.AUC, r.Threshold, len(sys))
	return nil
}

func runEvalNER(e *env, args []string) error {
	fs := newFlags(e, "eval ner", "[flags] FILE.iob2",
		"Scores the named-entity recogniser on an IOB2 file (UniversalNER format) with the\n"+
			"words tagged by the shipped tagger: precision, recall and F1 per type and overall,\n"+
			"an entity counting only when its span and type are exactly right.",
		"newsgraph eval ner ../shared/data/uner-ewt/uner_en_ewt-test.iob2")
	models := modelsFlag(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errUsage
	}
	m, err := loadModels(*models)
	if err != nil {
		return err
	}
	gold, err := readNER(fs.Arg(0), m.Tagger)
	if err != nil {
		return err
	}
	return printNER(e.stdout, fs.Arg(0), gold, m.NER)
}
