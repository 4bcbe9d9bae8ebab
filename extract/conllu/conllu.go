// Package conllu reads and writes the CoNLL-U format of Universal
// Dependencies treebanks, and converts between it and extract.Document.
//
// Only what newsgraph trains and evaluates on is kept: the ten columns of
// every word, multi-word token lines, and the sentence comments that give
// the raw text and document/paragraph breaks. Empty nodes (IDs like "8.1"),
// which belong to enhanced dependencies, are skipped.
package conllu

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// Word is one syntactic word line.
type Word struct {
	ID                             int
	Form, Lemma, UPOS, XPOS, Feats string
	Head                           int
	DepRel, Deps, Misc             string
	SpaceAfter                     bool // false when MISC has SpaceAfter=No
}

// MultiWord is a multi-word token line ("3-4 don't"): words First..Last
// (1-based IDs, inclusive) are written together as Form.
type MultiWord struct {
	First, Last int
	Form        string
	Misc        string
	SpaceAfter  bool
}

// Sentence is one sentence block.
type Sentence struct {
	ID     string // sent_id
	Text   string // the "# text" comment: the sentence's raw text
	NewDoc bool   // a "# newdoc" comment starts a new document here
	NewPar bool   // a "# newpar" comment starts a new paragraph here
	Words  []Word
	Multi  []MultiWord
}

// Tokens returns the sentence's surface tokens in order: multi-word tokens
// as one token, other words as themselves. Each token is reported as the
// range of word indices (0-based, end exclusive) it covers.
func (s *Sentence) Tokens() []TokenSpan {
	spans := make([]TokenSpan, 0, len(s.Words))
	m := 0
	for i := 0; i < len(s.Words); {
		if m < len(s.Multi) && s.Multi[m].First == i+1 {
			mw := s.Multi[m]
			spans = append(spans, TokenSpan{First: i, Last: mw.Last, Form: mw.Form, SpaceAfter: mw.SpaceAfter})
			i = mw.Last
			m++
			continue
		}
		w := s.Words[i]
		spans = append(spans, TokenSpan{First: i, Last: i + 1, Form: w.Form, SpaceAfter: w.SpaceAfter})
		i++
	}
	return spans
}

// TokenSpan is a surface token: words First..Last-1 of a sentence.
type TokenSpan struct {
	First, Last int
	Form        string
	SpaceAfter  bool
}

// ReadFile reads every sentence of a CoNLL-U file.
func ReadFile(path string) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sents, err := Read(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return sents, nil
}

// Read reads every sentence from r.
func Read(r io.Reader) ([]Sentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	var (
		sents  []Sentence
		cur    Sentence
		lineNo int
		open   bool
	)
	flush := func() {
		if open && len(cur.Words) > 0 {
			sents = append(sents, cur)
		}
		cur = Sentence{}
		open = false
	}
	for sc.Scan() {
		lineNo++
		line := strings.TrimRight(sc.Text(), "\r")
		if line == "" {
			flush()
			continue
		}
		open = true
		if strings.HasPrefix(line, "#") {
			key, val, _ := strings.Cut(strings.TrimSpace(line[1:]), "=")
			key, val = strings.TrimSpace(key), strings.TrimSpace(val)
			switch {
			case key == "sent_id":
				cur.ID = val
			case key == "text":
				cur.Text = val
			case strings.HasPrefix(key, "newdoc"):
				cur.NewDoc = true
			case strings.HasPrefix(key, "newpar"):
				cur.NewPar = true
			}
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 10 {
			return nil, fmt.Errorf("line %d: %d columns, want 10", lineNo, len(cols))
		}
		id := cols[0]
		if strings.Contains(id, ".") {
			continue // empty node of the enhanced graph
		}
		spaceAfter := !hasMisc(cols[9], "SpaceAfter=No")
		if a, b, ok := strings.Cut(id, "-"); ok {
			first, err1 := strconv.Atoi(a)
			last, err2 := strconv.Atoi(b)
			if err1 != nil || err2 != nil || last < first {
				return nil, fmt.Errorf("line %d: bad range %q", lineNo, id)
			}
			cur.Multi = append(cur.Multi, MultiWord{First: first, Last: last, Form: cols[1], Misc: cols[9], SpaceAfter: spaceAfter})
			continue
		}
		n, err := strconv.Atoi(id)
		if err != nil || n != len(cur.Words)+1 {
			return nil, fmt.Errorf("line %d: word ID %q out of sequence", lineNo, id)
		}
		head := 0
		if cols[6] != "_" {
			if head, err = strconv.Atoi(cols[6]); err != nil {
				return nil, fmt.Errorf("line %d: bad head %q", lineNo, cols[6])
			}
		}
		cur.Words = append(cur.Words, Word{
			ID: n, Form: cols[1], Lemma: cols[2], UPOS: cols[3], XPOS: cols[4], Feats: cols[5],
			Head: head, DepRel: cols[7], Deps: cols[8], Misc: cols[9], SpaceAfter: spaceAfter,
		})
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	flush()
	return sents, nil
}

func hasMisc(misc, item string) bool {
	for f := range strings.SplitSeq(misc, "|") {
		if f == item {
			return true
		}
	}
	return false
}

// Write writes sentences in CoNLL-U, with sent_id and text comments when set.
func Write(w io.Writer, sents []Sentence) error {
	bw := bufio.NewWriter(w)
	for _, s := range sents {
		if s.NewDoc {
			bw.WriteString("# newdoc\n")
		}
		if s.NewPar {
			bw.WriteString("# newpar\n")
		}
		if s.ID != "" {
			fmt.Fprintf(bw, "# sent_id = %s\n", s.ID)
		}
		if s.Text != "" {
			fmt.Fprintf(bw, "# text = %s\n", s.Text)
		}
		m := 0
		for _, wd := range s.Words {
			if m < len(s.Multi) && s.Multi[m].First == wd.ID {
				mw := s.Multi[m]
				fmt.Fprintf(bw, "%d-%d\t%s\t_\t_\t_\t_\t_\t_\t_\t%s\n", mw.First, mw.Last, field(mw.Form), field(mw.Misc))
				m++
			}
			fmt.Fprintf(bw, "%d\t%s\t%s\t%s\t%s\t%s\t%d\t%s\t%s\t%s\n", wd.ID, field(wd.Form), field(wd.Lemma),
				field(wd.UPOS), field(wd.XPOS), field(wd.Feats), wd.Head, field(wd.DepRel), field(wd.Deps), field(wd.Misc))
		}
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// field makes a value safe for one CoNLL-U column: empty becomes "_", and
// tabs and newlines (which would break the line) become spaces.
func field(s string) string {
	if s == "" {
		return "_"
	}
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}
