package article

import (
	"html"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html/atom"
)

// Markdown is read in two passes, as CommonMark does: a line pass that
// finds the blocks (headings, paragraphs, list items, quotes, code, tables)
// and drops the lines that are only syntax (fences, rules, reference
// definitions, table delimiter rows), then an inline pass over each block
// that keeps the words and drops the markup around them. Every pass is
// linear in the input, whatever brackets or backticks it holds.

// mdBlock is one block of a Markdown document.
type mdBlock struct {
	text    string // raw inline text; lines joined with " " (soft wrap) or "\n"
	heading int    // heading level, 0 for other blocks
	code    bool   // fenced code: kept verbatim
}

var (
	mdATX        = regexp.MustCompile(`^(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$`)
	mdSetext1    = regexp.MustCompile(`^=+$`)
	mdSetext2    = regexp.MustCompile(`^-+$`)
	mdRule       = regexp.MustCompile(`^([-*_])[ \t]*(?:[-*_][ \t]*){2,}$`)
	mdFence      = regexp.MustCompile("^(`{3,}|~{3,})")
	mdTableDelim = regexp.MustCompile(`^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?$|^\|[ \t]*:?-+:?[ \t]*\|$`)
	mdRefDef     = regexp.MustCompile(`^\[([^\]^][^\]]*)\]:[ \t]*\S+`)
	mdFootDef    = regexp.MustCompile(`^\[\^[^\]]+\]:[ \t]*(.*)$`)
	mdListItem   = regexp.MustCompile(`^(?:([-*+])|(\d{1,9})[.)])(?:[ \t]+(.*))?$`)
	mdTaskBox    = regexp.MustCompile(`^\[[ xX]\][ \t]+`)
	multiSpace   = regexp.MustCompile(` {2,}`)
)

// markdownParagraphs strips Markdown syntax from s and returns its
// paragraphs, and the text of the first block if it is a level-1 heading
// (the article's title).
func markdownParagraphs(s string) (paras []string, title string) {
	blocks, refs := markdownBlocks(s)
	for i, b := range blocks {
		text := b.text
		if !b.code {
			// Dropped markup leaves double spaces: "a ![img](x) b".
			if text = mdInline(text, refs); strings.Contains(text, "  ") {
				text = multiSpace.ReplaceAllString(text, " ")
			}
		}
		if i == 0 && b.heading == 1 {
			title = collapseSpace(text)
		}
		paras = append(paras, splitBlank(text)...)
	}
	return paras, title
}

// mdBlockParser is the state of the line pass.
type mdBlockParser struct {
	blocks  []mdBlock
	para    []string // lines of the open paragraph
	hard    []bool   // hard[i]: line i of para ends in a hard line break
	list    bool     // the open paragraph is a list item
	table   bool     // inside a table (after its delimiter row)
	quote   int      // block quote depth of the open paragraph
	fence   string   // opening fence of the open code block, "" outside code
	code    []string // lines of the open code block
	comment bool     // inside an HTML comment that spans lines
	refs    map[string]bool
}

// markdownBlocks is the line pass: it returns the blocks of s and the
// labels of its link reference definitions (lower case).
func markdownBlocks(s string) ([]mdBlock, map[string]bool) {
	p := &mdBlockParser{refs: map[string]bool{}}
	for _, line := range strings.Split(s, "\n") {
		p.line(line)
	}
	p.flush()
	if p.fence != "" {
		p.blocks = append(p.blocks, mdBlock{text: strings.Join(p.code, "\n"), code: true})
	}
	return p.blocks, p.refs
}

func (p *mdBlockParser) line(line string) {
	if p.fence != "" {
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, p.fence) && strings.Trim(t, p.fence[:1]) == "" {
			p.blocks = append(p.blocks, mdBlock{text: strings.Join(p.code, "\n"), code: true})
			p.fence, p.code = "", nil
			return
		}
		p.code = append(p.code, strings.TrimRight(line, " \t"))
		return
	}
	if p.comment {
		if _, after, ok := strings.Cut(line, "-->"); ok {
			p.comment = false
			if strings.TrimSpace(after) != "" {
				p.line(after)
			}
		}
		return
	}
	hardBreak := strings.HasSuffix(line, "  ") || strings.HasSuffix(line, "\\")
	t := strings.TrimSpace(line)
	depth := 0
	for strings.HasPrefix(t, ">") {
		depth++
		t = strings.TrimSpace(t[1:])
	}
	if depth != p.quote {
		p.flush()
		p.quote = depth
	}
	if t == "" {
		p.flush()
		p.table = false
		return
	}
	// Most lines are prose: only a line starting with a syntax character
	// (or a digit, for ordered lists) is matched against the patterns.
	if !p.table && strings.IndexByte("#=-*_`~|[+<0123456789", t[0]) < 0 && !strings.Contains(t, "|") {
		p.add(t, hardBreak)
		return
	}
	switch {
	case mdFence.MatchString(t):
		p.flush()
		p.fence = mdFence.FindString(t)
	case strings.HasPrefix(t, "<!--") && !strings.Contains(t[4:], "-->"):
		p.flush()
		p.comment = true
	case mdATX.MatchString(t):
		p.flush()
		m := mdATX.FindStringSubmatch(t)
		p.blocks = append(p.blocks, mdBlock{text: m[2], heading: len(m[1])})
	case len(p.para) > 0 && !p.list && !p.table && mdSetext1.MatchString(t):
		p.flushHeading(1)
	case len(p.para) > 0 && !p.list && !p.table && mdSetext2.MatchString(t):
		p.flushHeading(2)
	case mdRule.MatchString(t) && strings.Count(t, t[:1]) >= 3:
		p.flush()
	case mdTableDelim.MatchString(t):
		if n := len(p.para); n > 0 { // the line before is the header row
			p.para[n-1] = tableRow(p.para[n-1])
			p.hard[n-1] = true
		}
		p.table = true
	case p.table || strings.HasPrefix(t, "|"):
		if !p.table && len(p.para) > 0 && !p.hardEnd() {
			p.flush() // a table starts a block of its own
		}
		p.table = true
		p.add(tableRow(t), true)
	case len(p.para) == 0 && mdRefDef.MatchString(t):
		label := mdRefDef.FindStringSubmatch(t)[1]
		p.refs[normalizeLabel(label)] = true
	case mdFootDef.MatchString(t):
		p.flush()
		p.add(mdFootDef.FindStringSubmatch(t)[1], hardBreak)
	case p.listItem(t):
		p.flush()
		m := mdListItem.FindStringSubmatch(t)
		p.add(mdTaskBox.ReplaceAllString(m[3], ""), hardBreak)
		p.list = true
	default:
		p.add(t, hardBreak)
	}
}

// listItem tells whether t starts a list item here. As in CommonMark, only
// a bullet or "1." may interrupt a paragraph, so that a line of text that
// happens to start with "2024." is not taken for a list item.
func (p *mdBlockParser) listItem(t string) bool {
	m := mdListItem.FindStringSubmatch(t)
	if m == nil {
		return false
	}
	return len(p.para) == 0 || p.list || m[1] != "" || m[2] == "1"
}

func (p *mdBlockParser) add(line string, hard bool) {
	p.para = append(p.para, line)
	p.hard = append(p.hard, hard)
}

func (p *mdBlockParser) hardEnd() bool { return len(p.hard) > 0 && p.hard[len(p.hard)-1] }

// flushHeading closes the open paragraph as a Setext heading.
func (p *mdBlockParser) flushHeading(level int) {
	p.hard[len(p.hard)-1] = false
	text := p.joined()
	p.para, p.hard, p.list = p.para[:0], p.hard[:0], false
	p.blocks = append(p.blocks, mdBlock{text: text, heading: level})
}

// flush closes the open paragraph.
func (p *mdBlockParser) flush() {
	if len(p.para) > 0 {
		p.blocks = append(p.blocks, mdBlock{text: p.joined()})
	}
	p.para, p.hard, p.list = p.para[:0], p.hard[:0], false
}

// joined joins the paragraph's lines: soft line breaks become spaces, hard
// ones (two trailing spaces, a backslash, table rows) stay line breaks.
func (p *mdBlockParser) joined() string {
	var b strings.Builder
	for i, l := range p.para {
		if i > 0 {
			if p.hard[i-1] {
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
			}
		}
		if p.hard[i] {
			l = strings.TrimSuffix(l, "\\")
		}
		b.WriteString(l)
	}
	return b.String()
}

// tableRow turns a table row into its cells separated by tabs.
func tableRow(t string) string {
	t = strings.TrimSpace(t)
	t = strings.TrimPrefix(t, "|")
	if strings.HasSuffix(t, "|") && !strings.HasSuffix(t, "\\|") {
		t = t[:len(t)-1]
	}
	var cells []string
	start := 0
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case '\\':
			i++
		case '|':
			cells = append(cells, strings.TrimSpace(t[start:i]))
			start = i + 1
		}
	}
	cells = append(cells, strings.TrimSpace(t[start:]))
	return strings.Join(cells, "\t")
}

// normalizeLabel is the form in which link labels are compared.
func normalizeLabel(s string) string { return strings.ToLower(collapseSpace(s)) }

// mdInline strips inline Markdown from one block: emphasis marks, code
// span backticks, link targets (the link text stays), images (dropped with
// their alternative text), footnote references, HTML tags and comments,
// backslash escapes; it decodes HTML entities.
func mdInline(s string, refs map[string]bool) string {
	codeEnd := codeSpans(s)
	closeOf := matchPairs(s, codeEnd, '[', ']')
	parenOf := matchPairs(s, codeEnd, '(', ')')
	var b strings.Builder
	b.Grow(len(s))
	// pending is an open link: the ']' that ends its text, and the end of
	// its target, where reading resumes.
	type pending struct{ at, resume int }
	var links []pending
	noComment := false // no "-->" after here: "<!--" is text
	for i := 0; i < len(s); {
		if n := len(links); n > 0 && links[n-1].at <= i {
			// The ']' of the innermost open link: skip its target. (A tag
			// or comment that ran past the ']' loses the target's skip.)
			if links[n-1].at == i {
				i = links[n-1].resume
			}
			links = links[:n-1]
			continue
		}
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]):
			b.WriteByte(s[i+1])
			i += 2
		case c == '`':
			if end, ok := codeEnd[i]; ok {
				n := runLen(s, i, '`')
				b.WriteString(codeText(s[i+n : end-n]))
				i = end
			} else {
				n := runLen(s, i, '`')
				b.WriteString(s[i : i+n])
				i += n
			}
		case c == '!' && i+1 < len(s) && s[i+1] == '[':
			if end, ok := linkTarget(s, i+1, closeOf, parenOf, refs); ok {
				i = end // images are dropped with their alternative text
			} else {
				b.WriteByte('!')
				i++
			}
		case c == '[':
			if close, ok := closeOf[i]; ok && i+1 < len(s) && s[i+1] == '^' {
				i = close + 1 // footnote reference
			} else if end, ok := linkTarget(s, i, closeOf, parenOf, refs); ok {
				links = append(links, pending{at: closeOf[i], resume: end})
				i++
			} else {
				b.WriteByte('[')
				i++
			}
		case c == '<':
			if strings.HasPrefix(s[i:], "<!--") && !noComment {
				if k := strings.Index(s[i+4:], "-->"); k >= 0 {
					i += 4 + k + 3
					break
				}
				noComment = true
			}
			if text, end, ok := angle(s, i); ok {
				b.WriteString(text)
				i = end
				break
			}
			b.WriteByte('<')
			i++
		case c == '*' || c == '_' || c == '~':
			n := runLen(s, i, c)
			if !dropDelimiters(s, i, n) {
				b.WriteString(s[i : i+n])
			}
			i += n
		case c == '&':
			if end := strings.IndexByte(s[i:min(len(s), i+40)], ';'); end > 0 {
				if dec := html.UnescapeString(s[i : i+end+1]); dec != s[i:i+end+1] {
					b.WriteString(dec)
					i += end + 1
					break
				}
			}
			b.WriteByte('&')
			i++
		default:
			b.WriteByte(c)
			i++
		}
	}
	return b.String()
}

// codeSpans maps the opening backtick run of each code span to the end of
// its closing run: an opening run is closed by the next run of the same
// length; backticks in between are literal. Escaped backticks do not
// open a span.
func codeSpans(s string) map[int]int {
	type run struct{ start, n int }
	var runs []run
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '`':
			n := runLen(s, i, '`')
			runs = append(runs, run{i, n})
			i += n - 1
		}
	}
	// next[k] is the index of the next run after k with the same length.
	next := make([]int, len(runs))
	last := map[int]int{}
	for k := len(runs) - 1; k >= 0; k-- {
		next[k] = -1
		if j, ok := last[runs[k].n]; ok {
			next[k] = j
		}
		last[runs[k].n] = k
	}
	spans := map[int]int{}
	for k := 0; k < len(runs); {
		j := next[k]
		if j < 0 {
			k++
			continue
		}
		spans[runs[k].start] = runs[j].start + runs[j].n
		k = j + 1
	}
	return spans
}

// codeText is the content of a code span: line breaks are spaces, and one
// space is stripped from each end when both ends have one.
func codeText(s string) string {
	s = strings.ReplaceAll(s, "\n", " ")
	if len(s) >= 2 && s[0] == ' ' && s[len(s)-1] == ' ' && strings.TrimSpace(s) != "" {
		s = s[1 : len(s)-1]
	}
	return s
}

// matchPairs matches open and close characters outside code spans and
// escapes, by nesting, and maps each matched opening position to its
// closing one.
func matchPairs(s string, codeEnd map[int]int, open, close byte) map[int]int {
	pairs := map[int]int{}
	var stack []int
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '`':
			if end, ok := codeEnd[i]; ok {
				i = end - 1
			} else {
				i += runLen(s, i, '`') - 1
			}
		case open:
			stack = append(stack, i)
		case close:
			if n := len(stack); n > 0 {
				pairs[stack[n-1]] = i
				stack = stack[:n-1]
			}
		}
	}
	return pairs
}

// linkTarget recognises a link or image whose text starts with the '[' at
// i: "[text](target)", "[text][label]", "[text][]", or "[text]" with a
// defined label. It returns the end of the whole construct.
func linkTarget(s string, i int, closeOf, parenOf map[int]int, refs map[string]bool) (int, bool) {
	close, ok := closeOf[i]
	if !ok {
		return 0, false
	}
	after := close + 1
	if after < len(s) && s[after] == '(' {
		if end, ok := parenOf[after]; ok {
			return end + 1, true
		}
		return 0, false
	}
	if after < len(s) && s[after] == '[' {
		if end, ok := closeOf[after]; ok {
			label := s[after+1 : end]
			if label == "" {
				label = s[i+1 : close]
			}
			if refs[normalizeLabel(label)] {
				return end + 1, true
			}
		}
		return 0, false
	}
	return after, refs[normalizeLabel(s[i+1:close])]
}

// angle recognises what starts with the '<' at i: an autolink
// ("<https://…>", "<name@host>"), whose address is the text, or an HTML
// tag, which is dropped ("<br>" becomes a line break). Anything else is
// text ("a < b").
func angle(s string, i int) (text string, end int, ok bool) {
	j := i + 1
	for j < len(s) && s[j] != '>' && s[j] != '<' && s[j] != '\n' {
		j++
	}
	if j >= len(s) || s[j] != '>' {
		return "", 0, false
	}
	inner := s[i+1 : j]
	if !strings.ContainsAny(inner, " \t") && (strings.Contains(inner, "://") || strings.Contains(inner, "@")) && !strings.HasPrefix(inner, "/") {
		return inner, j + 1, true
	}
	name := strings.TrimPrefix(inner, "/")
	if k := strings.IndexAny(name, " \t/"); k >= 0 {
		name = name[:k]
	}
	a := atom.Lookup([]byte(strings.ToLower(name)))
	if a == 0 || a.String() != strings.ToLower(name) || !isTagName(a) {
		return "", 0, false
	}
	if a == atom.Br {
		return "\n", j + 1, true
	}
	return "", j + 1, true
}

// isTagName tells the element names among the atoms, which also hold
// attribute names.
func isTagName(a atom.Atom) bool {
	switch a {
	case atom.A, atom.Abbr, atom.B, atom.Br, atom.Cite, atom.Code, atom.Del, atom.Details, atom.Div,
		atom.Em, atom.Font, atom.I, atom.Img, atom.Ins, atom.Kbd, atom.Mark, atom.P, atom.Q, atom.S,
		atom.Small, atom.Span, atom.Strong, atom.Sub, atom.Summary, atom.Sup, atom.U, atom.Var,
		atom.Center, atom.Figure, atom.Figcaption, atom.Picture, atom.Source, atom.Video, atom.Audio,
		atom.Iframe, atom.Table, atom.Tr, atom.Td, atom.Th, atom.Thead, atom.Tbody, atom.Ul, atom.Ol,
		atom.Li, atom.Dl, atom.Dt, atom.Dd, atom.Blockquote, atom.Pre, atom.Hr, atom.Section:
		return true
	}
	return false
}

// dropDelimiters decides whether the run of n emphasis characters at i is
// markup, using CommonMark's flanking rules: a run that opens or closes
// emphasis goes, while "5 * 3", snake_case and a lone "~" stay.
func dropDelimiters(s string, i, n int) bool {
	before, after := ' ', ' '
	if i > 0 {
		before, _ = utf8.DecodeLastRuneInString(s[:i])
	}
	if i+n < len(s) {
		after, _ = utf8.DecodeRuneInString(s[i+n:])
	}
	left := !unicode.IsSpace(after) && (!isPunct(after) || unicode.IsSpace(before) || isPunct(before))
	right := !unicode.IsSpace(before) && (!isPunct(before) || unicode.IsSpace(after) || isPunct(after))
	switch s[i] {
	case '~':
		return n == 2 && (left || right)
	case '_':
		return left != right // intraword underscores are text
	default: // '*'
		if left && right {
			return n >= 2 // "un**believ**able", but not "5*3"
		}
		return left || right
	}
}

func isPunct(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }

func isASCIIPunct(c byte) bool {
	return c < utf8.RuneSelf && (unicode.IsPunct(rune(c)) || unicode.IsSymbol(rune(c)))
}

// runLen is the length of the run of c starting at i.
func runLen(s string, i int, c byte) int {
	n := 0
	for i+n < len(s) && s[i+n] == c {
		n++
	}
	return n
}
