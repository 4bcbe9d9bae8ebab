package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/conllu"
	"github.com/newsgraph/newsgraph/extract/pipeline"
)

// defaultMaxInput bounds the size of one article: a file, or a line of a
// JSON Lines file, which is read a line at a time. Larger ones are refused
// rather than read whole into memory.
const defaultMaxInput = 32 << 20

// maxBytesUsage is the help of the --max-bytes flag of the commands that
// read articles.
const maxBytesUsage = "refuse articles larger than this many bytes: a file, or a line of a JSON Lines file"

func runParse(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "parse", "[flags] [FILE|DIR...]",
		"Runs the NLP pipeline (tokenizer, sentence splitter, tagger, lemmatiser, parser) on\n"+
			"every article of the files and directories given (text, Markdown, HTML, JSON Lines;\n"+
			"plain text from standard input if none) and prints the analysis as CoNLL-U.\n"+
			"Inputs that cannot be read are reported by name and the others still processed.",
		"newsgraph parse testdata/articles/*.txt")
	out := fs.String("o", "", "write to `FILE` instead of standard output")
	models := modelsFlag(fs)
	maxBytes := fs.Int64("max-bytes", defaultMaxInput, maxBytesUsage)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	m, err := loadModels(*models)
	if err != nil {
		return err
	}
	w := e.stdout
	var file *os.File
	if *out != "" {
		if file, err = os.Create(*out); err != nil {
			return err
		}
		defer file.Close()
		w = file
	}
	bw := bufio.NewWriter(w)
	docs, failed, err := readInputs(e, fs.Args(), *maxBytes)
	if err != nil {
		return err
	}
	p := m.Pipeline()
	for i, perr := range p.ProcessBatch(ctx, docs) {
		if perr != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			e.log.Error("input refused", "input", docs[i].Name, "err", perr)
			failed = append(failed, docs[i].Name)
			continue
		}
		fmt.Fprintf(bw, "# newdoc id = %s\n", docs[i].Name)
		if err := conllu.Write(bw, conllu.FromDocument(docs[i])); err != nil {
			return err
		}
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if file != nil {
		if err := file.Close(); err != nil {
			return err
		}
	}
	if len(failed) > 0 {
		return fmt.Errorf("%d input(s) refused: %s", len(failed), strings.Join(failed, "; "))
	}
	return nil
}

// readInputs reads the articles of the given files and directories (plain
// text from standard input if there are none) as documents. Inputs that
// cannot be read are logged and listed in failed; the rest are returned.
func readInputs(e *env, paths []string, maxBytes int64) (docs []*extract.Document, failed []string, err error) {
	if len(paths) == 0 {
		data, err := io.ReadAll(io.LimitReader(os.Stdin, maxBytes+1))
		if err != nil {
			return nil, nil, fmt.Errorf("read standard input: %w", err)
		}
		if int64(len(data)) > maxBytes {
			return nil, nil, fmt.Errorf("standard input: larger than %d bytes (see --max-bytes)", maxBytes)
		}
		return []*extract.Document{{Name: "-", Text: string(data)}}, nil, nil
	}
	src := newSource(e, paths, maxBytes)
	for in := range src.articles {
		docs = append(docs, in.doc)
	}
	return docs, src.failed, nil
}

// loadModels returns the embedded models, or those of dir if it is set.
func loadModels(dir string) (*pipeline.Models, error) {
	if dir != "" {
		return pipeline.LoadDir(dir)
	}
	return pipeline.Embedded()
}
