// Package article turns input files into news articles: the title, date,
// URL, publisher and plain-text body that the rest of newsgraph works on.
//
// Three formats are read, chosen by the file's extension and, when the
// extension says nothing, by sniffing its content:
//
//   - plain text (.txt, .text, no extension) and Markdown (.md, .markdown):
//     an optional header block ("Title: …", "Date: …", "URL: …",
//     "Source: …") and the body; Markdown syntax is stripped, words kept;
//   - HTML (.html, .htm, .xhtml): the main text of the page without menus,
//     scripts, share widgets and the like, with metadata from Open Graph
//     tags, JSON-LD and the document itself;
//   - JSON Lines (.jsonl, .ndjson): one article per line.
//
// Read yields a file's articles one at a time, and ReadFile collects them.
// A JSON Lines file named as such is read one line at a time, so that a dump
// of any size streams through in bounded memory; every other file (and a
// JSON Lines file in UTF-16) is read whole, within a size limit.
//
// Every article's Text is what the NLP pipeline reads: the title, a blank
// line, then the body's paragraphs separated by blank lines.
//
// Problems that make a file unusable are errors that name the file (and the
// line of a JSON Lines file) and say what is wrong in one line; problems
// that only lose a detail, such as a date that cannot be understood, are
// warnings kept in the article.
package article

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"
)

// Article is one news article read from a file.
type Article struct {
	// Source says where the article came from: the file path, plus "#L12"
	// for the article on the 12th line of a JSON Lines file.
	Source string
	// URL is the article's canonical URL, if known.
	URL   string
	Title string
	// Date is the publication time, zero if unknown or not understood.
	// Date-only values are at 00:00 UTC, and so are times given without a
	// time zone.
	Date time.Time
	// RawDate is the publication date exactly as the source wrote it,
	// whether or not it could be understood.
	RawDate string
	// Publisher is the site or agency that published the article: the
	// "Source:" header, og:site_name, the JSON "source" field.
	Publisher string
	// Text is the article as plain text, the input of the NLP pipeline: the
	// title (when known), then the body, paragraphs separated by one blank
	// line, lines trimmed, no trailing newline.
	Text string
	// TextStart is the byte offset in Text where the body starts:
	// Text[:TextStart] is the headline, whether it was prepended from the
	// metadata or was already the body's first paragraph; 0 when there is
	// no title.
	TextStart int
	// End is the byte offset in its file just past the article: the end of
	// its line in a JSON Lines file, the end of the file otherwise. It
	// tells how much of a file was read, for progress reports.
	End int64
	// Warnings describe details that were lost while reading the article
	// (a date not understood, HTML too deeply nested for layout analysis).
	Warnings []string
}

// Options controls Read and ReadFile.
type Options struct {
	// MaxBytes is the size limit of one article, which is held in memory
	// while it is read: the largest file accepted, or for a streamed JSON
	// Lines file the longest line (a longer line is refused and the next
	// ones are still read, whatever the size of the file); 0 means
	// DefaultMaxBytes.
	MaxBytes int64
}

// DefaultMaxBytes is the size limit when Options.MaxBytes is 0: far above
// any real article, small enough to read a file in memory safely.
const DefaultMaxBytes = 32 << 20

// blockSize is the buffer size for streamed JSON Lines files; a binary file
// is recognised by a NUL byte in its first block.
const blockSize = 64 << 10

// Kinds of problems Read reports, wrapped with their details in an *Error;
// test for them with errors.Is. (A file that cannot be opened at all is
// reported with the *fs.PathError of os.Open.)
var (
	ErrEmpty    = errors.New("empty")
	ErrBinary   = errors.New("binary file")
	ErrNotUTF8  = errors.New("not UTF-8 text")
	ErrTooLarge = errors.New("too large") // a file, or a JSON Lines line
	ErrNoText   = errors.New("no text found")
)

// Error is a problem with a file, or with one line of a JSON Lines file.
type Error struct {
	Path string
	Line int // 1-based line of a JSON Lines file; 0 for the whole file
	Err  error
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.Path, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Path, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// format is a kind of input file.
type format int

const (
	formatUnknown format = iota // decided by sniffing the content
	formatText
	formatMarkdown
	formatHTML
	formatJSONL
)

// extensions maps the supported file extensions (lower case) to formats.
// Files without an extension are sniffed; Walk accepts them too.
var extensions = map[string]format{
	".txt":      formatText,
	".text":     formatText,
	".md":       formatMarkdown,
	".markdown": formatMarkdown,
	".html":     formatHTML,
	".htm":      formatHTML,
	".xhtml":    formatHTML,
	".jsonl":    formatJSONL,
	".ndjson":   formatJSONL,
}

// Read yields the articles of one file in order, one at a time: one
// article (text, Markdown, HTML) or many (JSON Lines), each with a nil
// error, and each problem as an error naming the file (and the line of a
// JSON Lines file) with a zero Article. A JSON Lines file returns an error
// for each broken line among the articles of the good ones.
//
// A file with a JSON Lines extension (.jsonl, .ndjson), a pipe included, is
// read a line at a time: memory is bounded by Options.MaxBytes whatever the
// size of the file. Other files are read whole, within that limit.
func Read(path string, opts Options) iter.Seq2[Article, error] {
	return func(yield func(Article, error) bool) {
		f, err := os.Open(path)
		if err != nil {
			yield(Article{}, err) // *PathError: names the file already
			return
		}
		defer f.Close()
		info, err := f.Stat()
		if err != nil {
			yield(Article{}, err)
			return
		}
		if info.IsDir() {
			yield(Article{}, &Error{Path: path, Err: errors.New("is a directory")})
			return
		}
		size := int64(-1) // unknown, as for a pipe
		if info.Mode().IsRegular() {
			size = info.Size()
		}
		readFrom(path, f, size, extensions[strings.ToLower(filepath.Ext(path))], opts.maxBytes(), yield)
	}
}

// ReadFile reads one file into memory with Read: its articles, and its
// problems as errors that name the file.
func ReadFile(path string, opts Options) ([]Article, []error) {
	return collect(Read(path, opts))
}

// collect gathers the articles and the errors of seq.
func collect(seq iter.Seq2[Article, error]) (arts []Article, errs []error) {
	for a, err := range seq {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		arts = append(arts, a)
	}
	return arts, errs
}

func (o Options) maxBytes() int64 {
	if o.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return o.MaxBytes
}

// readFrom yields the articles of the content of a file read from r. size
// is the file's size, -1 if unknown; f is the format its extension names,
// formatUnknown to sniff it; limit is Options.MaxBytes. JSON Lines in UTF-8
// is streamed; everything else is read whole.
func readFrom(path string, r io.Reader, size int64, f format, limit int64, yield func(Article, error) bool) {
	fail := func(err error) { yield(Article{}, &Error{Path: path, Err: err}) }
	if f == formatJSONL {
		br := newBlockReader(r, size)
		// Four bytes tell the byte order mark; the first read's worth is
		// the first block, searched for NUL bytes.
		bom, err := br.Peek(4)
		if err != nil && err != io.EOF {
			fail(fmt.Errorf("reading: %w", err))
			return
		}
		if !bytes.HasPrefix(bom, []byte{0xFF, 0xFE}) && !bytes.HasPrefix(bom, []byte{0xFE, 0xFF}) &&
			!bytes.HasPrefix(bom, []byte{0, 0, 0xFE, 0xFF}) {
			head, _ := br.Peek(br.Buffered())
			if i := bytes.IndexByte(head, 0); i >= 0 {
				fail(fmt.Errorf("%w (NUL byte at offset %d)", ErrBinary, i))
				return
			}
			base := 0
			if bytes.HasPrefix(bom, []byte{0xEF, 0xBB, 0xBF}) {
				base, _ = br.Discard(3)
			}
			readJSONL(path, br, int64(base), limit, yield)
			return
		}
		r = br // UTF-16 or UTF-32: decoded whole, below
	}
	if size > limit {
		fail(tooLarge(size, limit))
		return
	}
	// The limit is checked again while reading, for files whose size Stat
	// does not tell (pipes) or that grow.
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		fail(fmt.Errorf("reading: %w", err))
		return
	}
	if int64(len(data)) > limit {
		fail(sizeError(fmt.Sprintf("more than the %s limit", formatSize(limit))))
		return
	}
	end := int64(len(data))
	readWhole(path, data, f, func(a Article, err error) bool {
		a.End = end
		return yield(a, err)
	})
}

// newBlockReader buffers r, whose size is size bytes (-1 if unknown), in
// blocks of blockSize bytes, or in one block for a smaller size.
func newBlockReader(r io.Reader, size int64) *bufio.Reader {
	if size >= 0 && size < blockSize {
		return bufio.NewReaderSize(r, int(size)+1) // +1: the end is seen in the first read
	}
	return bufio.NewReaderSize(r, blockSize)
}

// tooLarge is the error for a file or line of size bytes, above limit.
func tooLarge(size, limit int64) error {
	return sizeError(fmt.Sprintf("%s, larger than the %s limit", formatSize(size), formatSize(limit)))
}

// sizeError is an ErrTooLarge whose message gives the sizes only:
// "60 MiB, larger than the 32 MiB limit".
type sizeError string

func (e sizeError) Error() string        { return string(e) }
func (e sizeError) Is(target error) bool { return target == ErrTooLarge }

// formatSize writes a byte count for people: "60 MiB", "32.1 MiB",
// "512 bytes". Fractions are rounded up so that a size just above a limit
// never prints as the limit itself.
func formatSize(n int64) string {
	units := []string{"bytes", "KiB", "MiB", "GiB", "TiB"}
	if n < 1024 {
		return fmt.Sprintf("%d bytes", n)
	}
	u, scale := 0, int64(1)
	for u+1 < len(units) && n >= scale*1024 {
		u, scale = u+1, scale*1024
	}
	tenths := (n*10 + scale - 1) / scale // ceiling of n/scale in tenths
	if tenths%10 == 0 {
		return fmt.Sprintf("%d %s", tenths/10, units[u])
	}
	return fmt.Sprintf("%d.%d %s", tenths/10, tenths%10, units[u])
}

// readWhole yields the articles of the whole content of a file. f is the
// format the extension names, formatUnknown to sniff it.
func readWhole(path string, data []byte, f format, yield func(Article, error) bool) {
	fail := func(err error) { yield(Article{}, &Error{Path: path, Err: err}) }
	text, base, err := decode(data)
	if err != nil {
		fail(err)
		return
	}
	if strings.TrimSpace(text) == "" {
		fail(ErrEmpty)
		return
	}
	if f == formatUnknown {
		f = sniff(text)
	}
	if f == formatJSONL {
		// Lines are checked one by one: one bad line loses one article.
		// The whole file is within the size limit, and so is every line.
		size := int64(len(text))
		readJSONL(path, newBlockReader(strings.NewReader(text), size), int64(base), size, yield)
		return
	}
	if f == formatHTML {
		text, err = htmlCharset(text, base)
	} else {
		err = checkUTF8(text, int64(base))
	}
	if err != nil {
		fail(err)
		return
	}
	var a Article
	if f == formatHTML {
		a, err = readHTML(text)
	} else {
		a, err = readText(text, f == formatMarkdown)
	}
	if err != nil {
		fail(err)
		return
	}
	a.Source = path
	yield(a, nil)
}

// decode turns file content into a string: a UTF-8 byte order mark is
// dropped, UTF-16 with a byte order mark is converted to UTF-8, NUL bytes
// mean a binary file. base is the offset of the string's first byte in the
// file, for error messages. The result is not yet checked to be valid
// UTF-8, so that HTML in a declared single-byte charset and JSON Lines with
// one bad line can be handled by their readers.
func decode(data []byte) (s string, base int, err error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE, 0, 0}), bytes.HasPrefix(data, []byte{0, 0, 0xFE, 0xFF}):
		return "", 0, errors.New("UTF-32 text is not supported")
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		base = 3
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		s, err = decodeUTF16(data[2:], false)
		return s, 0, err
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		s, err = decodeUTF16(data[2:], true)
		return s, 0, err
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return "", 0, fmt.Errorf("%w (NUL byte at offset %d)", ErrBinary, i)
	}
	return string(data[base:]), base, nil
}

// decodeUTF16 converts UTF-16 text after its byte order mark to UTF-8,
// refusing odd lengths, unpaired surrogates and NUL characters.
func decodeUTF16(data []byte, bigEndian bool) (string, error) {
	if len(data)%2 != 0 {
		return "", errors.New("not UTF-16 text (odd number of bytes)")
	}
	units := make([]uint16, len(data)/2)
	for i := range units {
		if bigEndian {
			units[i] = uint16(data[2*i])<<8 | uint16(data[2*i+1])
		} else {
			units[i] = uint16(data[2*i+1])<<8 | uint16(data[2*i])
		}
	}
	var b strings.Builder
	b.Grow(len(units))
	for i := 0; i < len(units); i++ {
		u := units[i]
		offset := 2 + 2*i // in the file, after the byte order mark
		switch {
		case u == 0:
			return "", fmt.Errorf("%w (NUL character at offset %d)", ErrBinary, offset)
		case utf16.IsSurrogate(rune(u)):
			if i+1 < len(units) {
				if r := utf16.DecodeRune(rune(u), rune(units[i+1])); r != utf8.RuneError {
					b.WriteRune(r)
					i++
					continue
				}
			}
			return "", fmt.Errorf("not UTF-16 text (unpaired surrogate 0x%04x at offset %d)", u, offset)
		default:
			b.WriteRune(rune(u))
		}
	}
	return b.String(), nil
}

// checkUTF8 reports the first invalid byte of s; base is the offset of s
// in its file.
func checkUTF8(s string, base int64) error {
	if utf8.ValidString(s) {
		return nil
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			return fmt.Errorf("%w (invalid byte 0x%02x at offset %d)", ErrNotUTF8, s[i], base+int64(i))
		}
		i += size
	}
	return nil
}

// sniff decides the format of content whose extension says nothing: HTML
// if it starts like an HTML document, JSON Lines if its first line is a
// JSON object, else plain text.
func sniff(s string) format {
	head := strings.TrimLeft(s, " \t\r\n\f")
	for strings.HasPrefix(head, "<!--") {
		end := strings.Index(head, "-->")
		if end < 0 {
			break
		}
		head = strings.TrimLeft(head[end+3:], " \t\r\n\f")
	}
	lower := strings.ToLower(head[:min(len(head), 64)])
	if strings.HasPrefix(lower, "<!doctype html") || strings.HasPrefix(lower, "<html") {
		return formatHTML
	}
	if strings.HasPrefix(head, "{") {
		line, _, _ := strings.Cut(head, "\n")
		if isJSONObject(line) {
			return formatJSONL
		}
	}
	return formatText
}
