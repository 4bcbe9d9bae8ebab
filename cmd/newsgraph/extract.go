package main

import (
	"bufio"
	"context"
	"fmt"
	"strings"

	"github.com/cayleygraph/quad/nquads"
	"github.com/newsgraph/newsgraph/graph/merge"
	"github.com/newsgraph/newsgraph/graph/store"
	"github.com/newsgraph/newsgraph/graph/vocab"
)

func runExtract(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "extract", "[flags] FILE|DIR...",
		"Extracts the facts of the articles given, as ingest does, and writes them as N-Quads\n"+
			"(each quad labelled with its article's graph) without touching any store.",
		"newsgraph extract testdata/articles/leaders-call.txt")
	base := baseFlag(fs)
	models := modelsFlag(fs)
	maxBytes := fs.Int64("max-bytes", defaultMaxInput, maxBytesUsage)
	maxWords := fs.Int("max-sentence-words", defaultMaxSentenceWords, "cut sentences longer than this many words into pieces (0: no limit)")
	format := fs.String("format", "nquads", "output format (nquads)")
	out := fs.String("o", "", "write to `FILE` instead of standard output")
	aliasFile := fs.String("aliases", "", "alias `FILE` of NAME<TAB>IRI lines giving entities their IRI")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	if *format != "nquads" {
		return fmt.Errorf("unknown format %q (supported: nquads)", *format)
	}
	m, err := loadModels(*models)
	if err != nil {
		return err
	}
	aliases, err := readAliases(*aliasFile)
	if err != nil {
		return err
	}
	v := vocab.New(*base)
	merger := merge.New(nil, v, aliases)
	src := newSource(e, fs.Args(), *maxBytes)
	bar := newProgress(e, "extract", src.files)
	err = writeOutput(e, *out, func(w *bufio.Writer) error {
		nw := nquads.NewWriter(w)
		err := extractWith(ctx, extraction(m, *maxWords), v, src.articles, nil, func(x extracted) error {
			bar.step(x.in.file, x.in.end, x.tokens)
			if x.err != nil {
				src.fail(x.err)
				return nil
			}
			graphs, err := merger.Merge(ctx, []store.Graph{{Label: x.label, Quads: x.quads}})
			if err != nil {
				return err
			}
			_, err = nw.WriteQuads(graphs[0].Quads)
			return err
		})
		if err != nil {
			return err
		}
		return nw.Close()
	})
	bar.finish()
	if err != nil {
		return err
	}
	if len(src.failed) > 0 {
		return fmt.Errorf("%d input(s) refused, the others were extracted: %s", len(src.failed), strings.Join(src.failed, "; "))
	}
	return nil
}
