// Package tokenize splits raw English text into words the way the UD English
// Web Treebank (EWT) does, the tokenisation newsgraph's models are trained on.
//
// The tokenizer is a hand-written scanner. Text is first cut at white space
// into chunks; each chunk then loses its leading and trailing punctuation
// (quotes, brackets, sentence punctuation, emoticons), keeping the periods of
// abbreviations ("Mr.", "U.S."); what remains is split inside at hyphens
// between words (but not after prefixes such as "non-" or "e-"), at brackets,
// quotes, commas and the like, while numbers ("1,000", "10:30", "3.5"),
// URLs, e-mail addresses and file names stay whole. Finally contractions and
// possessives become multi-word tokens: "don't" is the words "do" + "n't",
// "Bush's" is "Bush" + "'s", "cannot" is "can" + "not".
//
// Every token is a substring of the text: Token.Start and Token.End are byte
// offsets, and the words of a multi-word token are consecutive pieces of it.
package tokenize

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract"
)

// Tokenizer splits text into words (extract.Token with Start, End,
// MultiWord and SpaceAfter set). It has no state: the zero value is ready
// to use and it is safe for concurrent use.
type Tokenizer struct{}

// New returns a Tokenizer.
func New() *Tokenizer { return &Tokenizer{} }

// Tokenize returns the words of text. It accepts any byte string: invalid
// UTF-8 bytes become one-byte tokens and control characters separate tokens
// as white space does.
func (t *Tokenizer) Tokenize(text string) []extract.Token {
	sc := newScanner(text)
	sc.scan(0, len(text))
	return sc.toks
}

// pieceSize is how much text Process tokenizes between two checks of its
// context.
const pieceSize = 64 << 10

// Process fills doc.Tokens with the words of doc.Text and clears
// doc.Sentences, which no longer match them. It refuses text that is not
// valid UTF-8, contains NUL bytes or looks binary, saying where.
func (t *Tokenizer) Process(ctx context.Context, doc *extract.Document) error {
	if err := Check(doc.Text); err != nil {
		return fmt.Errorf("tokenize: %w", err)
	}
	sc := newScanner(doc.Text)
	for from := 0; from < len(doc.Text); {
		if err := ctx.Err(); err != nil {
			return err
		}
		to := pieceEnd(doc.Text, from)
		sc.scan(from, to)
		from = to
	}
	doc.Tokens = sc.toks
	doc.Sentences = nil
	return nil
}

// pieceEnd returns where the piece of text starting at from should end: at
// the first white space after pieceSize bytes, so that no chunk is cut.
func pieceEnd(text string, from int) int {
	if len(text)-from <= pieceSize {
		return len(text)
	}
	i := from + pieceSize
	for i < len(text) {
		r, n := decode(text, i)
		if isSpace(r) {
			return i
		}
		i += n
	}
	return len(text)
}

// ErrBinary is returned (wrapped) by Check for text that looks like binary
// data rather than written language.
var ErrBinary = errors.New("text looks binary")

// Check reports whether text can be tokenized: it must be valid UTF-8,
// without NUL bytes, and not mostly control characters. Errors give the
// byte offset, line and column of the problem.
func Check(text string) error {
	if i := strings.IndexByte(text, 0); i >= 0 {
		line, col := position(text, i)
		return fmt.Errorf("NUL byte at offset %d (line %d, column %d): %w", i, line, col, ErrBinary)
	}
	if !utf8.ValidString(text) {
		for i := 0; i < len(text); {
			r, n := utf8.DecodeRuneInString(text[i:])
			if r == utf8.RuneError && n == 1 {
				line, col := position(text, i)
				return fmt.Errorf("invalid UTF-8 byte %#02x at offset %d (line %d, column %d)", text[i], i, line, col)
			}
			i += n
		}
	}
	ctrl, first := 0, -1
	for i := 0; i < len(text); i++ {
		if c := text[i]; c < 0x20 && !strings.ContainsRune("\t\n\v\f\r", rune(c)) || c == 0x7f {
			if first < 0 {
				first = i
			}
			ctrl++
		}
	}
	// A few stray control characters occur in real text (form feeds, escape
	// sequences pasted from terminals); binary data has them everywhere.
	if ctrl > 8 && ctrl*32 > len(text) {
		line, col := position(text, first)
		return fmt.Errorf("%d control characters, the first at offset %d (line %d, column %d): %w",
			ctrl, first, line, col, ErrBinary)
	}
	return nil
}

// position returns the 1-based line and column (in runes) of byte offset i.
func position(text string, i int) (line, col int) {
	ls := strings.LastIndexByte(text[:i], '\n') + 1
	return strings.Count(text[:i], "\n") + 1, utf8.RuneCountInString(text[ls:i]) + 1
}
