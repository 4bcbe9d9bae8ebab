package article

import (
	"strings"
	"testing"
)

// The seed corpora are in testdata/fuzz/FuzzReadHTML and
// testdata/fuzz/FuzzReadText.

// FuzzReadHTML checks that no page crashes the HTML reader or breaks the
// promises an article makes.
func FuzzReadHTML(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		checkRead(t, "fuzz.html", data, formatHTML)
	})
}

// FuzzReadText does the same for plain text and Markdown.
func FuzzReadText(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte, markdown bool) {
		format := formatText
		if markdown {
			format = formatMarkdown
		}
		checkRead(t, "fuzz.txt", data, format)
	})
}

func checkRead(t *testing.T, name string, data []byte, f format) {
	arts, errs := read(name, data, f)
	if len(arts)+len(errs) == 0 {
		t.Fatal("neither an article nor an error")
	}
	for _, a := range arts {
		if a.Source != name {
			t.Fatalf("source %q", a.Source)
		}
		checkInvariants(t, a)
	}
	for _, err := range errs {
		msg := err.Error()
		if !strings.HasPrefix(msg, name+": ") || strings.Contains(msg, "\n") {
			t.Fatalf("error %q does not name the file in one line", msg)
		}
	}
}
