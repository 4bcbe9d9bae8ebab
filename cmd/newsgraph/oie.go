package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/newsgraph/newsgraph/extract/carb"
	"github.com/newsgraph/newsgraph/extract/openie"
)

func runOIE(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "oie", "[flags] [FILE]",
		"Open information extraction: reads one tokenised sentence a line (white-space\n"+
			"separated tokens, Penn Treebank escapes such as -LRB- allowed; standard input if no\n"+
			"FILE) and writes its relation tuples in CaRB's tabbed format: sentence, confidence,\n"+
			"relation, arguments, in the input's tokenisation.",
		"newsgraph oie ../shared/data/carb/dev.txt > dev.tsv && newsgraph eval carb --gold ../shared/data/carb/gold-dev.tsv dev.tsv")
	models := modelsFlag(fs)
	out := fs.String("o", "", "write to `FILE` instead of standard output")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 1 {
		fs.Usage()
		return errUsage
	}
	var in io.Reader = os.Stdin
	if fs.NArg() == 1 {
		f, err := os.Open(fs.Arg(0))
		if err != nil {
			return err
		}
		defer f.Close()
		in = f
	}
	m, err := loadModels(*models)
	if err != nil {
		return err
	}
	var lines []string
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		if line := strings.TrimSpace(sc.Text()); line != "" {
			lines = append(lines, line)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read sentences: %w", err)
	}
	ex, err := openie.Sentences(ctx, m.Analysis(), lines)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return err
	}
	return writeOutput(e, *out, func(w *bufio.Writer) error { return carb.WriteSystem(w, ex) })
}
