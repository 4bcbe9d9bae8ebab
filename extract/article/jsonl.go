package article

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"
	"time"

	"golang.org/x/net/html"
)

// JSON Lines fields: each article field and the names it is found under,
// best first.
var (
	textFields = []string{"text", "body", "content"}
	dateFields = []string{"date", "published", "published_at"}
)

// readJSONL reads one article per line. Blank lines are skipped; a line
// that is not valid UTF-8, not a JSON object, or has no text is an error
// naming its line, and the other lines are still read. base is the offset
// of s in its file.
func readJSONL(path, s string, base int) ([]Article, []error) {
	var (
		arts []Article
		errs []error
	)
	offset := 0
	for n := 1; offset < len(s); n++ {
		line, _, _ := strings.Cut(s[offset:], "\n")
		start := offset
		offset += len(line) + 1
		if strings.TrimSpace(line) == "" {
			continue
		}
		a, err := jsonArticle(line, base+start)
		if err != nil {
			errs = append(errs, &Error{Path: path, Line: n, Err: err})
			continue
		}
		a.Source = fmt.Sprintf("%s#L%d", path, n)
		arts = append(arts, a)
	}
	if len(arts) == 0 && len(errs) == 0 {
		errs = append(errs, &Error{Path: path, Err: ErrEmpty})
	}
	return arts, errs
}

// isJSONObject tells whether a line holds one JSON object.
func isJSONObject(line string) bool {
	var obj map[string]json.RawMessage
	return json.Unmarshal([]byte(line), &obj) == nil && obj != nil
}

// jsonArticle reads the article on one line, which starts at offset start
// in its file.
func jsonArticle(line string, start int) (Article, error) {
	var a Article
	if err := checkUTF8(line, start); err != nil {
		return a, err
	}
	line = strings.TrimSpace(line)
	if !strings.HasPrefix(line, "{") {
		return a, errors.New("not a JSON object")
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal([]byte(line), &obj); err != nil {
		return a, fmt.Errorf("invalid JSON: %s", jsonError(err))
	}
	field := func(names ...string) (string, error) {
		for _, name := range names {
			v, err := jsonText(obj[name])
			if err != nil {
				return "", fmt.Errorf("field %q: %w", name, err)
			}
			if strings.TrimSpace(v) != "" {
				return v, nil
			}
		}
		return "", nil
	}
	var err error
	var title, publisher, text string
	if a.URL, err = field("url"); err != nil {
		return a, err
	}
	if title, err = field("title"); err != nil {
		return a, err
	}
	if publisher, err = field("source"); err != nil {
		return a, err
	}
	if text, err = field(textFields...); err != nil {
		return a, err
	}
	if err := a.jsonDate(obj); err != nil {
		return a, err
	}
	a.URL = strings.TrimSpace(a.URL)
	a.Title = collapseSpace(title)
	a.Publisher = collapseSpace(publisher)
	var paras []string
	if looksLikeHTML(text) {
		paras = htmlFragment(text)
	} else {
		paras = splitParagraphs(normalizeSpace(text))
	}
	if len(paras) == 0 {
		return a, fmt.Errorf("%w (no %s field with text)", ErrNoText, strings.Join(textFields, ", "))
	}
	return a, a.setText(paras)
}

// jsonText reads a JSON string field; null and a missing field are "".
func jsonText(raw json.RawMessage) (string, error) {
	if raw == nil || string(raw) == "null" {
		return "", nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return "", fmt.Errorf("want a string, got %s", jsonKind(raw))
	}
	return s, nil
}

// jsonDate reads the publication date: a string in any format parseDate
// knows, or a number of seconds (or, if it is that large, milliseconds)
// since 1970.
func (a *Article) jsonDate(obj map[string]json.RawMessage) error {
	for _, name := range dateFields {
		raw := obj[name]
		if raw == nil || string(raw) == "null" {
			continue
		}
		var secs float64
		if json.Unmarshal(raw, &secs) == nil {
			a.RawDate = string(raw)
			if math.Abs(secs) >= 1e11 { // beyond year 5138 in seconds: milliseconds
				secs /= 1000
			}
			if math.Abs(secs) > 1e11 {
				a.warnf("date %s not understood; Date left zero", raw)
				return nil
			}
			sec, frac := math.Modf(secs)
			a.Date = time.Unix(int64(sec), int64(frac*1e9)).UTC()
			return nil
		}
		s, err := jsonText(raw)
		if err != nil {
			return fmt.Errorf("field %q: %w", name, err)
		}
		if strings.TrimSpace(s) != "" {
			a.setDate(s)
			return nil
		}
	}
	return nil
}

// jsonKind names the kind of a JSON value for error messages.
func jsonKind(raw json.RawMessage) string {
	switch b := bytes.TrimSpace(raw); {
	case len(b) == 0:
		return "nothing"
	case b[0] == '{':
		return "an object"
	case b[0] == '[':
		return "an array"
	case b[0] == 't' || b[0] == 'f':
		return "a boolean"
	default:
		return "a number"
	}
}

// jsonError words a decoding error in one line, with the column of a
// syntax error.
func jsonError(err error) string {
	var syn *json.SyntaxError
	if errors.As(err, &syn) {
		return fmt.Sprintf("%v (column %d)", syn, syn.Offset)
	}
	return err.Error()
}

// looksLikeHTML tells text fields that hold HTML markup (feeds often
// carry the article body as HTML).
func looksLikeHTML(s string) bool {
	l := strings.ToLower(s[:min(len(s), 4096)])
	for _, tag := range []string{"<p>", "<p ", "</p>", "<br>", "<br/>", "<br />", "<div"} {
		if strings.Contains(l, tag) {
			return true
		}
	}
	return false
}

// htmlFragment returns the paragraphs of an HTML fragment: all its text
// outside scripts and styles; a fragment is the article body already.
func htmlFragment(s string) []string {
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		paras, _ := flatText(s)
		return paras
	}
	return textOf(doc)
}
