package article

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// JSON Lines fields: each article field and the names it is found under,
// best first.
var (
	textFields = []string{"text", "body", "content"}
	dateFields = []string{"date", "published", "published_at"}
)

// readJSONL yields one article per line of r, reading one line at a time.
// Blank lines are skipped; a line that is longer than limit bytes, not valid
// UTF-8, not a JSON object, or has no text is an error naming its line, and
// the next lines are still read. base is the offset of r's content in its
// file, for error messages.
func readJSONL(path string, r *bufio.Reader, base, limit int64, yield func(Article, error) bool) {
	lines := lineReader{r: r, limit: limit}
	offset := base // of the line in the file
	found := false // whether an article or an error was yielded
	for n := 1; ; n++ {
		line, size, read, err := lines.next()
		if err != nil && err != io.EOF {
			yield(Article{}, &Error{Path: path, Line: n, Err: fmt.Errorf("reading: %w", err)})
			return
		}
		if read > 0 && (size > limit || len(bytes.TrimSpace(line)) > 0) {
			found = true
			a, lineErr := jsonLine(line, size, offset, limit)
			if lineErr != nil {
				lineErr = &Error{Path: path, Line: n, Err: lineErr}
			} else {
				a.Source, a.End = fmt.Sprintf("%s#L%d", path, n), offset+read
			}
			if !yield(a, lineErr) {
				return
			}
		}
		if err == io.EOF {
			break
		}
		offset += read
	}
	if !found {
		yield(Article{}, &Error{Path: path, Err: ErrEmpty})
	}
}

// jsonLine reads the article on a line of size bytes that starts at offset
// in its file; line is nil when size is above limit. On error the Article is
// zero.
func jsonLine(line []byte, size, offset, limit int64) (Article, error) {
	if size > limit {
		return Article{}, tooLarge(size, limit)
	}
	a, err := jsonArticle(line, offset)
	if err != nil {
		return Article{}, err
	}
	return a, nil
}

// lineReader reads lines, holding at most limit bytes of one line in memory
// however long the line is.
type lineReader struct {
	r     *bufio.Reader
	limit int64
	buf   []byte // reused from line to line
}

// next reads the next line and returns it without its end ("\n" or
// "\r\n"), its size, and read, the number of bytes read, end included (0
// after the last line, with io.EOF). A line longer than the limit is read
// through but not kept: line is nil and size tells how long it was. line is
// valid until the next call.
func (l *lineReader) next() (line []byte, size, read int64, err error) {
	kept := l.buf[:0]
	direct := false // kept is the reader's buffer, not l.buf
	var prev byte   // the last byte of the previous chunk of the line
	for {
		chunk, err := l.r.ReadSlice('\n')
		switch {
		case read == 0 && err != bufio.ErrBufferFull:
			kept, direct = chunk, true // the whole line is in the reader's buffer: no copy
		case read+int64(len(chunk)) <= l.limit+2: // room for the line and "\r\n"
			kept = append(kept, chunk...)
		}
		read += int64(len(chunk))
		if err == bufio.ErrBufferFull {
			prev = chunk[len(chunk)-1]
			continue
		}
		if !direct {
			l.buf = kept[:0]
		}
		if err != nil && err != io.EOF {
			return nil, 0, read, err
		}
		size = read
		if err == nil { // the line ends with "\n"
			size--
			last := prev // before the "\n"
			if len(chunk) >= 2 {
				last = chunk[len(chunk)-2]
			}
			if last == '\r' {
				size--
			}
		}
		if size > l.limit {
			return nil, size, read, err
		}
		return kept[:size], size, read, err
	}
}

// isJSONObject tells whether a line holds one JSON object.
func isJSONObject(line string) bool {
	var obj map[string]json.RawMessage
	return json.Unmarshal([]byte(line), &obj) == nil && obj != nil
}

// jsonArticle reads the article on one line, which starts at offset start
// in its file.
func jsonArticle(line []byte, start int64) (Article, error) {
	var a Article
	if !utf8.Valid(line) {
		return a, checkUTF8(string(line), start)
	}
	if i := bytes.IndexByte(line, 0); i >= 0 {
		return a, fmt.Errorf("%w (NUL byte at offset %d)", ErrBinary, start+int64(i))
	}
	line = bytes.TrimSpace(line)
	if !bytes.HasPrefix(line, []byte("{")) {
		return a, errors.New("not a JSON object")
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(line, &obj); err != nil {
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
