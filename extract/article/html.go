package article

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// An HTML page is read in four steps:
//
//  1. metadata: Open Graph and article meta tags, <link rel=canonical>,
//     <time datetime>, JSON-LD, <title> and the first <h1>;
//  2. boilerplate removal: scripts, styles, form controls, navigation,
//     footers, asides and menus always go; headers, forms, figures, share
//     widgets, cookie banners, comment sections and the like go unless they
//     hold most of the page's paragraph text (a page wrapped in one <form>,
//     or a <body class="has-sidebar">, must not lose its text);
//  3. the main content: the [itemprop=articleBody] or <article> holding at
//     least half the paragraph text, else, from <main> or <body>, the
//     smallest element that still holds most of it;
//  4. its text, with one paragraph per block element and entities decoded.
//
// Every walk over the tree is iterative, so no page can exhaust the stack.
// x/net/html refuses pages nested deeper than 512 elements; those are read
// by a flat pass over the tokens instead (readHTMLFlat), with a warning.

// readHTML reads an HTML page as an article.
func readHTML(s string) (Article, error) {
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		return readHTMLFlat(s, err)
	}
	var m pageMeta
	body := m.collect(doc)
	if body == nil {
		body = doc
	}
	counts := countText(body)
	removeBoilerplate(body, counts)
	counts = countText(body)
	root := mainContent(body, counts)
	paras := textOf(root)
	if len(paras) == 0 && m.ldBody != "" {
		paras = splitParagraphs(normalizeSpace(m.ldBody))
	}
	a := m.article(m.timeIn(articleOf(root)))
	return a, a.setText(paras)
}

// textContent is the text of the nodes under n, leaving out the content
// of elements that never hold text (scripts inside a heading, say).
func textContent(n *html.Node) string {
	var b strings.Builder
	var stack []*html.Node
	for c := n.LastChild; c != nil; c = c.PrevSibling {
		stack = append(stack, c)
	}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		switch {
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
			continue
		case n.Type == html.ElementNode && hardSkip(n.DataAtom):
			continue
		}
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, c)
		}
	}
	return b.String()
}

// hardSkip tells the elements whose content is never article text.
func hardSkip(a atom.Atom) bool {
	switch a {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg, atom.Math, atom.Canvas,
		atom.Iframe, atom.Object, atom.Embed, atom.Button, atom.Select, atom.Textarea, atom.Input,
		atom.Head, atom.Title, atom.Audio, atom.Video, atom.Img, atom.Picture:
		return true
	}
	return false
}

// Boilerplate found by class or id. Names are compared with the parts of
// each class or id, split at '-', '_' and camelCase humps, so that
// "share-buttons" and "cookieBanner" match while "shadow" and
// "commentary" do not. Strong names are almost never article text; weak
// ones sometimes wrap it.
var (
	strongNames = map[string]bool{
		"comment": true, "comments": true, "cookie": true, "cookies": true, "consent": true, "gdpr": true,
		"share": true, "sharing": true, "social": true, "newsletter": true, "subscribe": true,
		"subscription": true, "related": true, "recommended": true, "promo": true, "advert": true,
		"advertisement": true, "ad": true, "ads": true, "sponsored": true, "popup": true, "modal": true,
		"breadcrumb": true, "breadcrumbs": true, "outbrain": true, "taboola": true,
	}
	weakNames = map[string]bool{
		"nav": true, "navbar": true, "navigation": true, "menu": true, "header": true, "footer": true,
		"sidebar": true, "masthead": true, "toolbar": true, "widget": true, "banner": true,
	}
	weakRoles = map[string]bool{
		"navigation": true, "banner": true, "contentinfo": true, "complementary": true, "search": true,
		"menu": true, "menubar": true, "dialog": true, "alertdialog": true,
	}
)

// How sure it is that an element is boilerplate.
const (
	notBoilerplate = iota
	weakBoilerplate
	strongBoilerplate
	alwaysBoilerplate
)

// boilerplate rates an element as boilerplate. Navigation, footers, asides
// and menus are always boilerplate; headers, forms and figures (with
// their captions) are weak signs (a <form> may wrap a whole page), and so
// are classes, ids and roles like
// "sidebar" or "navigation" and hidden elements; classes and ids like
// "share" or "cookie" are strong ones. The page's frame (html, body, main,
// article, the article body) is never boilerplate.
func boilerplate(a atom.Atom, attrs []html.Attribute) int {
	switch a {
	case atom.Html, atom.Body, atom.Main, atom.Article:
		return notBoilerplate
	case atom.Nav, atom.Footer, atom.Aside, atom.Menu, atom.Dialog:
		return alwaysBoilerplate
	}
	if strings.EqualFold(attr(attrs, "itemprop"), "articleBody") {
		return notBoilerplate
	}
	level := notBoilerplate
	if a == atom.Header || a == atom.Form || a == atom.Figure {
		level = weakBoilerplate
	}
	for _, name := range []string{attr(attrs, "class"), attr(attrs, "id")} {
		for _, part := range nameParts(name) {
			if strongNames[part] {
				return strongBoilerplate
			}
			if weakNames[part] {
				level = weakBoilerplate
			}
		}
	}
	if weakRoles[strings.ToLower(strings.TrimSpace(attr(attrs, "role")))] ||
		strings.EqualFold(attr(attrs, "aria-hidden"), "true") || hasAttr(attrs, "hidden") ||
		displayNone.MatchString(attr(attrs, "style")) {
		level = weakBoilerplate
	}
	return level
}

var displayNone = regexp.MustCompile(`(?i)display\s*:\s*none|visibility\s*:\s*hidden`)

func hasAttr(attrs []html.Attribute, key string) bool {
	for _, a := range attrs {
		if a.Namespace == "" && a.Key == key {
			return true
		}
	}
	return false
}

// nameParts splits class or id values into lower-case words at spaces,
// '-', '_' and lower-to-upper case changes.
func nameParts(s string) []string {
	var parts []string
	start := -1
	prev := rune(0)
	for i, r := range s + " " {
		letter := unicode.IsLetter(r) || unicode.IsDigit(r)
		hump := unicode.IsUpper(r) && unicode.IsLower(prev)
		if start >= 0 && (!letter || hump) {
			parts = append(parts, strings.ToLower(s[start:i]))
			start = -1
		}
		if letter && start < 0 {
			start = i
		}
		prev = r
	}
	return parts
}

// textCount is the amount of text under an element, in non-space bytes:
// all of it, and the part inside <p> elements.
type textCount struct{ all, p int }

// metric is what "most of the text" is measured in: paragraph text, or
// all text on pages that have no <p> at all.
func (c textCount) metric(usePara bool) int {
	if usePara {
		return c.p
	}
	return c.all
}

// countText counts the text under every element of the tree at root,
// skipping the elements that never hold article text.
func countText(root *html.Node) map[*html.Node]textCount {
	var order []*html.Node // pre-order: parents before children
	stack := []*html.Node{root}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Type == html.ElementNode && hardSkip(n.DataAtom) {
			continue
		}
		order = append(order, n)
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, c)
		}
	}
	counts := make(map[*html.Node]textCount, len(order))
	for i := len(order) - 1; i >= 0; i-- {
		n := order[i]
		c := counts[n]
		if n.Type == html.TextNode {
			c.all = nonSpace(n.Data)
		}
		if n.DataAtom == atom.P && n.Type == html.ElementNode {
			c.p = c.all
		}
		counts[n] = c
		if n != root && n.Parent != nil {
			pc := counts[n.Parent]
			pc.all += c.all
			pc.p += c.p
			counts[n.Parent] = pc
		}
	}
	return counts
}

func nonSpace(s string) int {
	n := 0
	for _, r := range s {
		if !unicode.IsSpace(r) {
			n += utf8.RuneLen(r)
		}
	}
	return n
}

// removeBoilerplate detaches the boilerplate elements under root: strong
// ones unless they hold 90% of the page's text (then they are the page),
// weak ones unless they hold half of it, the others always.
func removeBoilerplate(root *html.Node, counts map[*html.Node]textCount) {
	usePara := counts[root].p > 0
	total := counts[root].metric(usePara)
	var remove []*html.Node
	stack := []*html.Node{root}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Type == html.ElementNode && n != root {
			v := counts[n].metric(usePara)
			level := boilerplate(n.DataAtom, n.Attr)
			if level == alwaysBoilerplate ||
				level == strongBoilerplate && v*10 < total*9 ||
				level == weakBoilerplate && v*2 < total {
				remove = append(remove, n)
				continue
			}
		}
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, c)
		}
	}
	for _, n := range remove {
		n.Parent.RemoveChild(n)
	}
}

// mainContent chooses the element holding the article text under body.
func mainContent(body *html.Node, counts map[*html.Node]textCount) *html.Node {
	usePara := counts[body].p > 0
	total := counts[body].metric(usePara)
	if total == 0 {
		return body
	}
	var bodies, articles, mains []*html.Node
	stack := []*html.Node{body}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Type != html.ElementNode {
			continue
		}
		switch {
		case strings.EqualFold(attr(n.Attr, "itemprop"), "articleBody"):
			bodies = append(bodies, n)
		case n.DataAtom == atom.Article:
			articles = append(articles, n)
		case n.DataAtom == atom.Main || strings.EqualFold(attr(n.Attr, "role"), "main"):
			mains = append(mains, n)
		}
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, c)
		}
	}
	largest := func(ns []*html.Node) *html.Node {
		var best *html.Node
		for _, n := range ns {
			if best == nil || counts[n].metric(usePara) > counts[best].metric(usePara) {
				best = n
			}
		}
		if best != nil && counts[best].metric(usePara)*2 >= total {
			return best
		}
		return nil
	}
	if n := largest(bodies); n != nil {
		return n
	}
	if n := largest(articles); n != nil {
		return n
	}
	n := largest(mains)
	if n == nil {
		n = body
	}
	// Go down while one child holds 80% of the text, stopping above the
	// paragraphs themselves.
	for {
		var best *html.Node
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && (best == nil || counts[c].metric(usePara) > counts[best].metric(usePara)) {
				best = c
			}
		}
		if best == nil || !container(best.DataAtom) || counts[best].metric(usePara)*5 < counts[n].metric(usePara)*4 {
			return n
		}
		n = best
	}
}

// container tells the elements that hold paragraphs rather than being one.
func container(a atom.Atom) bool {
	switch a {
	case atom.Div, atom.Section, atom.Article, atom.Main, atom.Td, atom.Center, atom.Font, atom.Span, atom.Table, atom.Tbody, atom.Tr:
		return true
	}
	return a == 0 // unknown elements (custom elements) are containers too
}

// articleOf returns the <article> that n is or is in, or nil.
func articleOf(n *html.Node) *html.Node {
	for ; n != nil; n = n.Parent {
		if n.Type == html.ElementNode && n.DataAtom == atom.Article {
			return n
		}
	}
	return nil
}

// block tells the elements that start and end a paragraph.
func block(a atom.Atom) bool {
	switch a {
	case atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Body, atom.Caption, atom.Center,
		atom.Dd, atom.Details, atom.Dialog, atom.Dir, atom.Div, atom.Dl, atom.Dt, atom.Fieldset,
		atom.Figcaption, atom.Figure, atom.Footer, atom.Form, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5,
		atom.H6, atom.Header, atom.Hgroup, atom.Hr, atom.Html, atom.Legend, atom.Li, atom.Listing,
		atom.Main, atom.Menu, atom.Nav, atom.Ol, atom.P, atom.Plaintext, atom.Pre, atom.Section,
		atom.Summary, atom.Table, atom.Tbody, atom.Tfoot, atom.Thead, atom.Tr, atom.Ul, atom.Xmp:
		return true
	}
	return false
}

// textOf returns the paragraphs of the text under root.
func textOf(root *html.Node) []string {
	type frame struct {
		n    *html.Node
		exit bool
	}
	var tb textBuilder
	pre := 0
	stack := []frame{{root, false}}
	for len(stack) > 0 {
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		n := f.n
		if f.exit {
			tb.endElement(n.DataAtom)
			if n.DataAtom == atom.Pre {
				pre--
			}
			continue
		}
		switch n.Type {
		case html.TextNode:
			tb.text(n.Data, pre > 0)
			continue
		case html.ElementNode:
			if hardSkip(n.DataAtom) || !tb.startElement(n.DataAtom) {
				continue
			}
			if n.DataAtom == atom.Pre {
				pre++
			}
			stack = append(stack, frame{n, true})
		case html.DocumentNode:
		default:
			continue
		}
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, frame{c, false})
		}
	}
	return tb.paragraphs()
}

// textBuilder lays out HTML text: white space collapsed as a browser does,
// a paragraph for each block, a line for each <br>.
type textBuilder struct {
	paras []string
	cur   strings.Builder
	space bool // white space seen since the last word
}

// startElement handles an element's start tag and reports whether its
// content is to be read (void elements have none).
func (b *textBuilder) startElement(a atom.Atom) bool {
	switch a {
	case atom.Br:
		b.cur.WriteByte('\n')
		b.space = false
		return false
	case atom.Hr:
		b.paragraphBreak()
		return false
	case atom.Wbr:
		return false
	}
	if block(a) {
		b.paragraphBreak()
	}
	return true
}

// endElement handles an element's end tag.
func (b *textBuilder) endElement(a atom.Atom) {
	switch {
	case block(a):
		b.paragraphBreak()
	case a == atom.Td || a == atom.Th:
		b.space = true // cells of a row are words apart
	}
}

// text adds a text node; pre keeps its white space.
func (b *textBuilder) text(s string, pre bool) {
	if pre {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		if b.space && b.cur.Len() > 0 {
			b.cur.WriteByte(' ')
		}
		b.cur.WriteString(s)
		b.space = false
		return
	}
	for s != "" {
		i := strings.IndexFunc(s, isHTMLSpace)
		if i != 0 {
			word := s
			if i > 0 {
				word = s[:i]
			}
			if b.space && b.cur.Len() > 0 && !strings.HasSuffix(b.cur.String(), "\n") {
				b.cur.WriteByte(' ')
			}
			b.cur.WriteString(word)
			b.space = false
			if i < 0 {
				return
			}
			s = s[i:]
			continue
		}
		b.space = true
		j := strings.IndexFunc(s, func(r rune) bool { return !isHTMLSpace(r) })
		if j < 0 {
			return
		}
		s = s[j:]
	}
}

// isHTMLSpace is HTML's white space, plus the no-break space, which pages
// use for ordinary spaces.
func isHTMLSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\f', '\r', '\u00a0':
		return true
	}
	return false
}

func (b *textBuilder) paragraphBreak() {
	if b.cur.Len() > 0 {
		b.paras = append(b.paras, splitBlank(b.cur.String())...)
		b.cur.Reset()
	}
	b.space = false
}

func (b *textBuilder) paragraphs() []string {
	b.paragraphBreak()
	return b.paras
}
