package article

import (
	"encoding/json"
	"fmt"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageMeta is the metadata found in a page, every candidate for each field
// kept in its own slot so that the best one can be chosen at the end.
type pageMeta struct {
	ogTitle, title, h1, ldHeadline string
	ogURL, canonical, ldURL        string
	siteName, ldPublisher          string
	published, ldDate, itemDate    string // article:published_time, JSON-LD, itemprop
	metaDate                       string // <meta name=date> and kin
	times                          []timeTag
	ldBody                         string
	haveLD                         bool // an article object was found in JSON-LD
	warnings                       []string
}

// timeTag is a <time datetime> element and the <article> it is in.
type timeTag struct {
	datetime string
	article  *html.Node
}

// collect gathers the metadata of a parsed page and returns its <body>.
func (m *pageMeta) collect(doc *html.Node) (body *html.Node) {
	type frame struct {
		n       *html.Node
		article *html.Node // nearest <article> ancestor
	}
	stack := []frame{{doc, nil}}
	for len(stack) > 0 {
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		n := f.n
		if n.Type == html.ElementNode {
			m.element(n.DataAtom, n.Attr)
			switch n.DataAtom {
			case atom.Body:
				if body == nil {
					body = n
				}
			case atom.Title:
				if m.title == "" {
					m.title = collapseSpace(textContent(n))
				}
			case atom.H1:
				if m.h1 == "" {
					m.h1 = collapseSpace(textContent(n))
				}
			case atom.Script:
				if isJSONLD(n.Attr) {
					m.jsonLD(textContent(n))
				}
			case atom.Time:
				if dt := attr(n.Attr, "datetime"); dt != "" {
					m.times = append(m.times, timeTag{dt, f.article})
				}
			case atom.Article:
				f.article = n
			}
		}
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, frame{c, f.article})
		}
	}
	return body
}

// element records the metadata carried by one element's attributes.
func (m *pageMeta) element(a atom.Atom, attrs []html.Attribute) {
	switch a {
	case atom.Meta:
		key := strings.ToLower(attr(attrs, "property"))
		if key == "" {
			key = strings.ToLower(attr(attrs, "name"))
		}
		content := strings.TrimSpace(attr(attrs, "content"))
		switch key {
		case "og:title":
			setFirst(&m.ogTitle, content)
		case "og:url":
			setFirst(&m.ogURL, content)
		case "og:site_name":
			setFirst(&m.siteName, content)
		case "article:published_time", "og:published_time":
			setFirst(&m.published, content)
		case "date", "pubdate", "publishdate", "publish-date", "publish_date", "dc.date", "dc.date.issued", "dcterms.date", "dcterms.issued", "sailthru.date", "parsely-pub-date":
			setFirst(&m.metaDate, content)
		}
	case atom.Link:
		for _, rel := range strings.Fields(strings.ToLower(attr(attrs, "rel"))) {
			if rel == "canonical" {
				setFirst(&m.canonical, strings.TrimSpace(attr(attrs, "href")))
			}
		}
	}
	if strings.EqualFold(attr(attrs, "itemprop"), "datePublished") {
		v := attr(attrs, "content")
		if v == "" {
			v = attr(attrs, "datetime")
		}
		setFirst(&m.itemDate, strings.TrimSpace(v))
	}
}

func setFirst(dst *string, v string) {
	if *dst == "" {
		*dst = v
	}
}

func attr(attrs []html.Attribute, key string) string {
	for _, a := range attrs {
		if a.Namespace == "" && a.Key == key {
			return a.Val
		}
	}
	return ""
}

func isJSONLD(attrs []html.Attribute) bool {
	t, _, _ := strings.Cut(attr(attrs, "type"), ";")
	return strings.EqualFold(strings.TrimSpace(t), "application/ld+json")
}

// jsonLD reads a JSON-LD script: the first object typed as an article
// (NewsArticle, BlogPosting, …), in an array or an @graph, gives the
// headline, date, URL, publisher and, as a last resort, the body. Broken
// JSON-LD is common and costs only a warning.
func (m *pageMeta) jsonLD(s string) {
	if m.haveLD {
		return
	}
	var v any
	if err := json.Unmarshal([]byte(strings.TrimSpace(s)), &v); err != nil {
		m.warnings = append(m.warnings, fmt.Sprintf("JSON-LD ignored: %v", err))
		return
	}
	stack := []any{v}
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		switch x := x.(type) {
		case []any:
			for i := len(x) - 1; i >= 0; i-- {
				stack = append(stack, x[i])
			}
		case map[string]any:
			if isArticleType(x["@type"]) {
				m.ldHeadline = collapseSpace(jsonString(x["headline"]))
				m.ldDate = jsonString(x["datePublished"])
				m.ldURL = jsonString(x["url"])
				if m.ldURL == "" {
					m.ldURL = jsonString(x["mainEntityOfPage"])
				}
				m.ldPublisher = collapseSpace(jsonString(x["publisher"]))
				m.ldBody = jsonString(x["articleBody"])
				m.haveLD = true
				return
			}
			if g, ok := x["@graph"]; ok {
				stack = append(stack, g)
			}
		}
	}
}

// jsonString reads a JSON-LD value as a string: a string, or the "@id" or
// "name" of an object, or the first element of an array.
func jsonString(v any) string {
	for range 8 { // JSON-LD nests values a few levels at most
		switch x := v.(type) {
		case string:
			return strings.TrimSpace(x)
		case []any:
			if len(x) == 0 {
				return ""
			}
			v = x[0]
		case map[string]any:
			if id, ok := x["@id"].(string); ok && id != "" {
				return strings.TrimSpace(id)
			}
			v = x["name"]
		default:
			return ""
		}
	}
	return ""
}

// isArticleType tells whether a JSON-LD @type names an article.
func isArticleType(t any) bool {
	switch t := t.(type) {
	case string:
		name := t[strings.LastIndexAny(t, "/:")+1:]
		return strings.HasSuffix(name, "Article") || name == "BlogPosting" || name == "LiveBlogPosting" || name == "Report"
	case []any:
		for _, x := range t {
			if isArticleType(x) {
				return true
			}
		}
	}
	return false
}

// timeIn returns the datetime of the first <time> inside the given article,
// else of the first <time> in the page.
func (m *pageMeta) timeIn(article *html.Node) string {
	if article != nil {
		for _, t := range m.times {
			if t.article == article {
				return t.datetime
			}
		}
	}
	if len(m.times) > 0 {
		return m.times[0].datetime
	}
	return ""
}

// article builds the article's metadata from the candidates, best first.
func (m *pageMeta) article(timeDate string) Article {
	var a Article
	a.Publisher = firstOf(collapseSpace(m.siteName), m.ldPublisher)
	a.Title = firstOf(collapseSpace(m.ogTitle), m.ldHeadline, stripSiteName(m.title, a.Publisher), m.h1)
	a.URL = firstOf(m.ogURL, m.canonical, m.ldURL)
	a.Warnings = m.warnings
	a.setDate(firstOf(m.published, m.ldDate, m.itemDate, m.metaDate, timeDate))
	return a
}

func firstOf(vs ...string) string {
	for _, v := range vs {
		if v != "" {
			return v
		}
	}
	return ""
}

// stripSiteName removes the site name that <title> often ends with:
// "Storm hits coast | The Daily Example" → "Storm hits coast".
func stripSiteName(title, site string) string {
	if site == "" {
		return title
	}
	for _, sep := range []string{" | ", " - ", " – ", " — ", " :: ", " · "} {
		if t, ok := strings.CutSuffix(title, sep+site); ok && t != "" {
			return t
		}
	}
	return title
}
