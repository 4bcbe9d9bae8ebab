package article

import (
	"fmt"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// readHTMLFlat reads a page that the parser refused (nested too deeply)
// from its stream of tokens: the metadata as readHTML does, and the text
// outside scripts, navigation, headers, footers, asides and strong
// boilerplate, without choosing a main element (that needs the tree).
func readHTMLFlat(s string, parseErr error) (Article, error) {
	paras, m := flatText(s)
	m.warnings = append(m.warnings, fmt.Sprintf("HTML not parsed as a tree (%v): text read without choosing the main content", parseErr))
	if len(paras) == 0 && m.ldBody != "" {
		paras = splitParagraphs(normalizeSpace(m.ldBody))
	}
	a := m.article(m.timeIn(nil))
	return a, a.setText(paras)
}

// flatText is readHTMLFlat's pass over the tokens: it returns the
// paragraphs and the metadata.
func flatText(s string) ([]string, *pageMeta) {
	var (
		m         = &pageMeta{}
		tb        textBuilder
		skip      string // name of the element whose content is skipped
		skipDepth int    // open elements of that name
		capture   atom.Atom
		captured  strings.Builder
		pre       int
	)
	z := html.NewTokenizer(strings.NewReader(s))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break // io.EOF: the tokenizer reads from memory and fails on nothing else
		}
		switch tt {
		case html.TextToken:
			text := string(z.Text())
			if capture != 0 {
				captured.WriteString(text)
			}
			if skip == "" {
				tb.text(text, pre > 0)
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			m.element(tok.DataAtom, tok.Attr)
			if tok.DataAtom == atom.Time {
				if dt := attr(tok.Attr, "datetime"); dt != "" {
					m.times = append(m.times, timeTag{datetime: dt})
				}
			}
			if capture == 0 && (tok.DataAtom == atom.Title && m.title == "" ||
				tok.DataAtom == atom.H1 && m.h1 == "" ||
				tok.DataAtom == atom.Script && isJSONLD(tok.Attr)) {
				capture = tok.DataAtom
				captured.Reset()
			}
			if skip != "" {
				if tok.Data == skip && tt == html.StartTagToken {
					skipDepth++
				}
				continue
			}
			if void(tok.DataAtom) || tt == html.SelfClosingTagToken {
				tb.startElement(tok.DataAtom)
				continue
			}
			if (hardSkip(tok.DataAtom) && tok.DataAtom != atom.Head) || flatSkip(tok.DataAtom, tok.Attr) {
				skip, skipDepth = tok.Data, 1
				continue
			}
			tb.startElement(tok.DataAtom)
			if tok.DataAtom == atom.Pre {
				pre++
			}
		case html.EndTagToken:
			tok := z.Token()
			if capture != 0 && tok.DataAtom == capture {
				m.endCapture(capture, captured.String())
				capture = 0
			}
			if skip != "" {
				if tok.Data == skip {
					if skipDepth--; skipDepth == 0 {
						skip = ""
					}
				}
				continue
			}
			tb.endElement(tok.DataAtom)
			if tok.DataAtom == atom.Pre && pre > 0 {
				pre--
			}
		}
	}
	return tb.paragraphs(), m
}

// endCapture records the text of a <title>, <h1> or JSON-LD script read by
// readHTMLFlat.
func (m *pageMeta) endCapture(a atom.Atom, text string) {
	switch a {
	case atom.Title:
		m.title = collapseSpace(text)
	case atom.H1:
		m.h1 = collapseSpace(text)
	case atom.Script:
		m.jsonLD(text)
	}
}

// flatSkip tells the elements whose content readHTMLFlat leaves out: with
// no tree to measure, the strong and sure boilerplate and <header>, but
// not the weak signs (<form> may wrap a whole page).
func flatSkip(a atom.Atom, attrs []html.Attribute) bool {
	switch a {
	case atom.Header:
		return true
	}
	return boilerplate(a, attrs) >= strongBoilerplate
}

// void tells the elements that have no content and no end tag.
func void(a atom.Atom) bool {
	switch a {
	case atom.Area, atom.Base, atom.Br, atom.Col, atom.Embed, atom.Hr, atom.Img, atom.Input,
		atom.Keygen, atom.Link, atom.Meta, atom.Param, atom.Source, atom.Track, atom.Wbr:
		return true
	}
	return false
}
