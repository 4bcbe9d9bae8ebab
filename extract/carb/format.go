package carb

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// maxLine bounds the length of one line of input.
const maxLine = 16 << 20

// ReadGold reads CaRB gold extractions, one a line:
// sentence, relation, then the arguments, separated by tabs. The result maps
// each sentence, stripped of surrounding white space, to its extractions in
// file order, with confidence 1.
//
// It reads the file as the reference does, since that changes the figures:
// a line is stripped of white space before it is split at tabs, so empty
// final columns vanish; relation and arguments are stripped; an argument
// containing "C: " anywhere (a context argument) is dropped. Lines whose
// sentences differ only in surrounding white space belong to one sentence
// (the dev split has three sentences written both with and without a
// trailing space). When distinct sentences differ only in spaces,
// punctuation or bracket escapes, only the extractions of the one that
// first appears last are kept, as the reference keeps them. Blank lines are
// skipped.
func ReadGold(r io.Reader) (map[string][]Extraction, error) {
	var order []string
	bySentence := make(map[string][]Extraction)
	err := readLines(r, func(line string) error {
		cols := strings.Split(line, "\t")
		if len(cols) < 2 {
			return fmt.Errorf("want sentence and relation, have %d column(s)", len(cols))
		}
		e := Extraction{Sentence: pyStrip(cols[0]), Confidence: 1, Relation: pyStrip(cols[1])}
		for _, a := range cols[2:] {
			if !strings.Contains(a, "C: ") {
				e.Args = append(e.Args, pyStrip(a))
			}
		}
		if _, ok := bySentence[e.Sentence]; !ok {
			order = append(order, e.Sentence)
		}
		bySentence[e.Sentence] = append(bySentence[e.Sentence], e)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading CaRB gold: %w", err)
	}
	last := make(map[string]string) // normalised key -> sentence kept
	for _, s := range order {
		last[normalizeKey(s)] = s
	}
	gold := make(map[string][]Extraction, len(last))
	for _, s := range last {
		gold[s] = bySentence[s]
	}
	return gold, nil
}

// ReadSystem reads system extractions in CaRB's "tabbed" format, one a line:
// sentence, confidence, relation, then the arguments, separated by tabs.
// As in the reference, a line is stripped of white space before it is split,
// so an empty final argument is lost; other fields are kept as they are.
// Blank lines are skipped.
func ReadSystem(r io.Reader) ([]Extraction, error) {
	var out []Extraction
	err := readLines(r, func(line string) error {
		cols := strings.Split(line, "\t")
		if len(cols) < 3 {
			return fmt.Errorf("want sentence, confidence and relation, have %d column(s)", len(cols))
		}
		c, err := strconv.ParseFloat(pyStrip(cols[1]), 64)
		if err != nil || math.IsNaN(c) {
			return fmt.Errorf("confidence %q is not a number", cols[1])
		}
		e := Extraction{Sentence: cols[0], Confidence: c, Relation: cols[2]}
		if len(cols) > 3 {
			e.Args = cols[3:]
		}
		out = append(out, e)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading CaRB system output: %w", err)
	}
	return out, nil
}

// WriteSystem writes extractions in the "tabbed" format that ReadSystem and
// the reference scorer read. Final arguments that are empty or white space
// are left out: the reference would drop them anyway when it strips the
// line, so the file scores the same, and no line ends in an empty column.
// A field containing a tab or line break, an empty sentence, a NaN
// confidence, or an empty relation with no argument after it cannot be
// written so that it reads back the same, and is an error.
func WriteSystem(w io.Writer, ex []Extraction) error {
	bw := bufio.NewWriter(w)
	for i, e := range ex {
		args := e.Args
		for len(args) > 0 && pyStrip(args[len(args)-1]) == "" {
			args = args[:len(args)-1]
		}
		if err := checkWritable(e, args); err != nil {
			return fmt.Errorf("writing CaRB extraction %d: %w", i+1, err)
		}
		bw.WriteString(e.Sentence)
		bw.WriteByte('\t')
		bw.WriteString(strconv.FormatFloat(e.Confidence, 'g', -1, 64))
		bw.WriteByte('\t')
		bw.WriteString(e.Relation)
		for _, a := range args {
			bw.WriteByte('\t')
			bw.WriteString(a)
		}
		bw.WriteByte('\n')
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("writing CaRB extractions: %w", err)
	}
	return nil
}

// checkWritable reports why e, with its trailing empty arguments trimmed to
// args, would not read back as written.
func checkWritable(e Extraction, args []string) error {
	switch {
	case pyStrip(e.Sentence) == "":
		return fmt.Errorf("empty sentence")
	case math.IsNaN(e.Confidence):
		return fmt.Errorf("NaN confidence")
	case len(args) == 0 && pyStrip(e.Relation) == "":
		return fmt.Errorf("empty relation and no argument")
	}
	for _, f := range append([]string{e.Sentence, e.Relation}, args...) {
		if strings.ContainsAny(f, "\t\n\r") {
			return fmt.Errorf("field %q contains a tab or line break", f)
		}
	}
	return nil
}

// readLines calls fn with every non-blank line of r, stripped of surrounding
// white space. Lines end at "\n", "\r\n" or "\r", as in Python's text mode.
func readLines(r io.Reader, fn func(line string) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), maxLine)
	sc.Split(scanUniversalLines)
	for n := 1; sc.Scan(); n++ {
		if !utf8.Valid(sc.Bytes()) {
			return fmt.Errorf("line %d: invalid UTF-8", n)
		}
		line := pyStrip(sc.Text())
		if line == "" {
			continue
		}
		if err := fn(line); err != nil {
			return fmt.Errorf("line %d: %w", n, err)
		}
	}
	return sc.Err()
}

// scanUniversalLines is a bufio.SplitFunc for lines ended by "\n", "\r\n"
// or "\r".
func scanUniversalLines(data []byte, atEOF bool) (advance int, token []byte, err error) {
	i := bytes.IndexAny(data, "\r\n")
	switch {
	case i < 0:
		if atEOF && len(data) > 0 {
			return len(data), data, nil
		}
		return 0, nil, nil
	case data[i] == '\n':
		return i + 1, data[:i], nil
	case i+1 < len(data):
		if data[i+1] == '\n' {
			return i + 2, data[:i], nil
		}
		return i + 1, data[:i], nil
	case atEOF:
		return i + 1, data[:i], nil
	}
	return 0, nil, nil // a final "\r": wait to see whether "\n" follows
}
