package article

import (
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// readText reads a plain-text or Markdown article: an optional header block
// (or, in Markdown, YAML front matter), then the body.
func readText(s string, markdown bool) (Article, error) {
	s = normalizeSpace(s)
	h, body, found := splitHeader(s)
	if markdown && !found {
		h, body, found = splitFrontMatter(s)
	}
	var a Article
	if found {
		h.apply(&a)
	}
	var paras []string
	if markdown {
		var title string
		paras, title = markdownParagraphs(body)
		if a.Title == "" {
			a.Title = title
		}
	} else {
		paras = splitParagraphs(body)
	}
	if len(paras) == 0 && found {
		return a, fmt.Errorf("%w (only a header)", ErrNoText)
	}
	if a.Date.IsZero() {
		a.Date, a.RawDate = dateLine(paras)
	}
	return a, a.setText(paras)
}

// dateLabels are words that introduce a dateline in copied article text.
var dateLabels = map[string]bool{"date": true, "published": true, "updated": true, "posted": true, "on": true}

// dateLine finds the publication date of an article without a header in
// its first lines, where pages copied as text put it: a short line that
// is a date ("June 14, 2025"), perhaps after a label ("Published
// 2025-06-14") or before a section name ("date 2025-06-14 WORLD"). It
// returns the zero time when there is none.
func dateLine(paras []string) (time.Time, string) {
	n := 0
	for _, p := range paras {
		for _, line := range strings.Split(p, "\n") {
			if n++; n > 8 {
				return time.Time{}, ""
			}
			words := strings.Fields(strings.TrimRight(line, ":"))
			if len(words) == 0 || len(words) > 6 {
				continue
			}
			if dateLabels[strings.ToLower(strings.TrimRight(words[0], ":"))] {
				words = words[1:]
			}
			for _, cand := range [][]string{words, words[:max(len(words)-1, 0)]} {
				if len(cand) == 0 {
					continue
				}
				if t, ok := parseDate(strings.Join(cand, " ")); ok {
					return t, strings.Join(cand, " ")
				}
			}
		}
	}
	return time.Time{}, ""
}

// header holds the fields of a header block or front matter.
type header struct {
	title, date, url, source string
}

// set records a header line; it reports whether key is one of the known
// fields (case-insensitively).
func (h *header) set(key, value string) bool {
	switch strings.ToLower(key) {
	case "title":
		h.title = value
	case "date":
		h.date = value
	case "url":
		h.url = value
	case "source":
		h.source = value
	default:
		return false
	}
	return true
}

func (h *header) apply(a *Article) {
	a.Title = collapseSpace(h.title)
	a.URL = strings.TrimSpace(h.url)
	a.Publisher = collapseSpace(h.source)
	a.setDate(h.date)
}

// headerLine matches "Key: value" with a one-word key.
var headerLine = regexp.MustCompile(`^([A-Za-z][A-Za-z0-9_-]*)[ \t]*:[ \t]*(.*)$`)

// splitHeader splits off a header block: the lines at the top of s up to
// the first blank line, each of the form "Key: value", at least one of
// them a known key (Title, Date, URL, Source). Other keys (Author, Tags)
// are allowed and ignored, so that such headers do not end up in the body;
// requiring a known key keeps a first paragraph like "Update: …" in the
// body.
func splitHeader(s string) (h header, body string, found bool) {
	rest := strings.TrimLeft(s, "\n")
	known := false
	for rest != "" {
		line, after, _ := strings.Cut(rest, "\n")
		if strings.TrimSpace(line) == "" {
			break
		}
		m := headerLine.FindStringSubmatch(strings.TrimSpace(line))
		if m == nil {
			return header{}, s, false
		}
		if h.set(m[1], strings.TrimSpace(m[2])) {
			known = true
		}
		rest = after
	}
	if !known {
		return header{}, s, false
	}
	return h, rest, true
}

// splitFrontMatter splits off Markdown front matter: "---" on the first
// line, "key: value" lines, and "---" or "..." closing it. Only the known
// keys are used; values may be quoted.
func splitFrontMatter(s string) (h header, body string, found bool) {
	first, rest, ok := strings.Cut(s, "\n")
	if !ok || strings.TrimSpace(first) != "---" {
		return header{}, s, false
	}
	for rest != "" {
		line, after, _ := strings.Cut(rest, "\n")
		rest = after
		if t := strings.TrimSpace(line); t == "---" || t == "..." {
			return h, rest, true
		}
		if m := headerLine.FindStringSubmatch(strings.TrimSpace(line)); m != nil {
			h.set(m[1], unquote(strings.TrimSpace(m[2])))
		}
	}
	return header{}, s, false // never closed: not front matter
}

// unquote removes one pair of matching YAML quotes.
func unquote(v string) string {
	if len(v) >= 2 && (v[0] == '"' || v[0] == '\'') && v[len(v)-1] == v[0] {
		return v[1 : len(v)-1]
	}
	return v
}

// normalizeSpace makes line ends "\n" (from "\r\n", "\r", form feeds,
// vertical tabs and the Unicode line separators; the paragraph separator
// becomes a blank line) and drops the other control characters, which are
// not text.
func normalizeSpace(s string) string {
	clean := true
	for _, r := range s {
		if (unicode.IsControl(r) && r != '\n' && r != '\t') || r == '\u2028' || r == '\u2029' {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range s {
		switch {
		case r == '\r':
			if !strings.HasPrefix(s[i+1:], "\n") {
				b.WriteByte('\n')
			}
		case r == '\f', r == '\v', r == '\u2028':
			b.WriteByte('\n')
		case r == '\u2029':
			b.WriteString("\n\n")
		case unicode.IsControl(r) && r != '\n' && r != '\t':
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// splitParagraphs splits normalised plain text into paragraphs with their
// lines trimmed. Blank lines separate paragraphs. Text without any blank
// line is usually scraped text with one paragraph per line, but may be
// hard-wrapped: there a line ends its paragraph when it ends a sentence,
// or when it is a short line (a heading, a dateline) followed by one that
// starts like a sentence; other lines continue their paragraph.
func splitParagraphs(s string) []string {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	lines := strings.Split(s, "\n")
	blank := false
	longest := 0
	for i, l := range lines {
		lines[i] = strings.TrimSpace(l)
		if lines[i] == "" {
			blank = true
		}
		longest = max(longest, utf8.RuneCountInString(lines[i]))
	}
	if blank {
		return groupLines(lines)
	}
	var paras []string
	start := 0
	for i, l := range lines {
		last := i == len(lines)-1
		if last || endsSentence(l) ||
			utf8.RuneCountInString(l)*10 < longest*6 && startsSentence(lines[i+1]) {
			paras = append(paras, strings.Join(lines[start:i+1], "\n"))
			start = i + 1
		}
	}
	return paras
}

// endsSentence tells whether a line ends with sentence-final punctuation,
// possibly followed by closing quotes or brackets.
func endsSentence(l string) bool {
	l = strings.TrimRight(l, "\"'”’»)]")
	r, _ := utf8.DecodeLastRuneInString(l)
	return strings.ContainsRune(".!?:…", r)
}

// startsSentence tells whether a line starts like a sentence: with a
// capital letter, a digit or an opening quote.
func startsSentence(l string) bool {
	r, _ := utf8.DecodeRuneInString(l)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"'“‘«(", r)
}

// splitBlank splits text into the paragraphs its blank lines separate,
// with their lines trimmed.
func splitBlank(s string) []string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSpace(l)
	}
	return groupLines(lines)
}

// groupLines joins runs of non-empty trimmed lines into paragraphs.
func groupLines(lines []string) []string {
	var paras []string
	start := -1
	for i, l := range lines {
		switch {
		case l != "" && start < 0:
			start = i
		case l == "" && start >= 0:
			paras = append(paras, strings.Join(lines[start:i], "\n"))
			start = -1
		}
	}
	if start >= 0 {
		paras = append(paras, strings.Join(lines[start:], "\n"))
	}
	return paras
}

// collapseSpace turns every run of white space into one space and trims
// the ends: titles and header values are one line.
func collapseSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// setText lays out the article's text: the title, a blank line and the
// paragraphs. A body whose first paragraph is the title already is not
// given the title twice. It fails when there is no body.
func (a *Article) setText(paras []string) error {
	// Entities and JSON escapes can smuggle in control characters and
	// line breaks: every reader's output is cleaned here.
	var clean []string
	for _, p := range paras {
		clean = append(clean, splitBlank(normalizeSpace(p))...)
	}
	paras = clean
	a.Title = collapseSpace(normalizeSpace(a.Title))
	if len(paras) == 0 {
		return ErrNoText
	}
	body := strings.Join(paras, "\n\n")
	switch {
	case a.Title == "":
		a.Text, a.TextStart = body, 0
	case strings.EqualFold(collapseSpace(paras[0]), a.Title):
		if len(paras) == 1 {
			return fmt.Errorf("%w (only the title)", ErrNoText)
		}
		a.Text, a.TextStart = body, len(paras[0])+2
	default:
		a.Text, a.TextStart = a.Title+"\n\n"+body, len(a.Title)+2
	}
	return nil
}

// setDate records a publication date as written and, if it is understood,
// as a time; a date that is not understood is a warning.
func (a *Article) setDate(raw string) {
	raw = collapseSpace(raw)
	if raw == "" {
		return
	}
	a.RawDate = raw
	if t, ok := parseDate(raw); ok {
		a.Date = t
		return
	}
	a.warnf("date %q not understood; Date left zero", raw)
}

func (a *Article) warnf(format string, args ...any) {
	a.Warnings = append(a.Warnings, fmt.Sprintf(format, args...))
}
