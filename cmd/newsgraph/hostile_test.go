package main

import (
	"bytes"
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// hostileDir holds the small hostile inputs; the large and special ones are
// made by TestHostileInputs.
const hostileDir = "../../testdata/hostile"

// hostileInput is one input of TestHostileInputs and what ingest must do
// with it.
type hostileInput struct {
	name string
	// make writes the input at path; nil copies it from hostileDir.
	make func(t *testing.T, path string)
	// Exactly one of these is set.
	refused  []string // the reasons, one per refusal (a JSON Lines file may have several)
	skipped  string   // the reason Walk leaves it out
	headline []string // ingested: the headlines that must be in the store
	// nothing: neither refused nor stored (a directory named like an article)
	nothing bool
}

// TestHostileInputs runs one ingest over two good articles and a corpus of
// hostile inputs — binary data, invalid UTF-8, UTF-16 with a byte order
// mark, NUL bytes, a 50 MB line, HTML nested 100,000 levels deep, a
// 100,000-word sentence, JSON Lines with broken lines in the middle, empty
// files, files no one can read, symbolic link loops — and checks that the
// good articles are stored, that each hostile input is either stored
// sensibly or refused with one log line naming it and the reason, that the
// exit status says the ingest partly succeeded, and that the report lists
// every refused and skipped input.
func TestHostileInputs(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a 50 MB file and analyses a 100,000-word sentence")
	}
	inputs := []hostileInput{
		{name: "port-strike.txt", make: copyFrom("../../testdata/articles/port-strike.txt"),
			headline: []string{"Dock workers end strike at Rotterdam after pay deal"}},
		{name: "chip-plant.txt", make: copyFrom("../../testdata/articles/chip-plant.txt"),
			headline: []string{"Chipmaker picks Ohio for new factory"}},
		{name: "photo.txt", make: binaryFile, refused: []string{"binary file (NUL byte at offset"}},
		{name: "invalid-utf8.txt", refused: []string{"not UTF-8 text (invalid byte 0xff at offset 74)"}},
		{name: "utf16le.txt", headline: []string{"Tram line opens in Ghent"}},
		{name: "utf16be.txt", headline: []string{"Ferry service resumes in Bergen"}},
		{name: "nul-bytes.txt", refused: []string{"binary file (NUL byte at offset 41)"}},
		{name: "one-line.txt", make: hugeLine, refused: []string{"50 MiB, larger than the 32 MiB limit"}},
		{name: "deep.html", make: deepHTML, headline: []string{"Nested page"}},
		{name: "run-on.txt", make: longSentence, headline: []string{"One endless sentence"}},
		{name: "feed.jsonl", refused: []string{":2: invalid JSON", ":3: not UTF-8 text"},
			headline: []string{"Lock repairs finished", "Pilots strike in Antwerp"}},
		{name: "empty.txt", refused: []string{"empty"}},
		{name: "blank.md", refused: []string{"empty"}},
		{name: "fifo.txt", make: fifo, skipped: "not a regular file"},
		{name: "dangling.txt", make: symlink("no-such-article.txt"), skipped: "unusable symbolic link: no such file or directory"},
		{name: "self.txt", make: symlink("self.txt"), skipped: "unusable symbolic link: too many levels of symbolic links"},
		{name: filepath.Join("loop", "back"), make: symlink(".."), skipped: "symbolic link loop: leads back to a directory above it"},
		{name: "folder.txt", make: mkdir, nothing: true},
	}
	if os.Geteuid() == 0 {
		t.Log("running as root, which reads files whatever their mode: no chmod 000 file (the FIFO and the links stand for unreadable inputs)")
	} else {
		inputs = append(inputs, hostileInput{name: "locked.txt", make: locked, refused: []string{"permission denied"}})
	}

	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus")
	if err := os.MkdirAll(filepath.Join(corpus, "loop"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, in := range inputs {
		mk := in.make
		if mk == nil {
			mk = copyFrom(filepath.Join(hostileDir, in.name))
		}
		mk(t, filepath.Join(corpus, in.name))
	}

	db, rep := filepath.Join(dir, "g.db"), filepath.Join(dir, "report.json")
	var stdout, stderr bytes.Buffer
	status := run(context.Background(), []string{"ingest", "--db", db, "--report", rep, corpus}, &stdout, &stderr)
	lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
	last := lines[len(lines)-1]
	if status != 1 || !strings.Contains(last, "input(s) refused, the others were stored") {
		t.Fatalf("status %d, want 1 (partial success); last line %q", status, last)
	}
	t.Log(last)
	r := readReport(t, rep)
	stored := strings.Join(storeQuads(t, db), "\n")
	wantArticles := 0
	for _, in := range inputs {
		path := filepath.Join(corpus, in.name)
		// The lines about this input, but the summary of all refusals.
		var about []string
		for _, l := range lines[:len(lines)-1] {
			if strings.Contains(l, path+":") || strings.Contains(l, "path="+path+" ") {
				about = append(about, l)
			}
		}
		switch {
		case in.refused != nil:
			if len(about) != len(in.refused) {
				t.Errorf("%s: %d log lines, want one per refusal:\n%s", in.name, len(about), strings.Join(about, "\n"))
				continue
			}
			for i, reason := range in.refused {
				if !strings.Contains(about[i], `msg="input refused"`) || !strings.Contains(about[i], reason) {
					t.Errorf("%s: refusal %q lacks the reason %q", in.name, about[i], reason)
				}
				if !containsPrefix(r.Refused, path, reason) {
					t.Errorf("%s: report's refused inputs %q lack %q", in.name, r.Refused, reason)
				}
			}
		case in.skipped != "":
			if len(about) != 1 || !strings.Contains(about[0], "msg=skipped") || !strings.Contains(about[0], in.skipped) {
				t.Errorf("%s: want one line saying it was skipped (%s), got:\n%s", in.name, in.skipped, strings.Join(about, "\n"))
			}
			if !containsPrefix(r.Skipped, path, in.skipped) {
				t.Errorf("%s: report's skipped inputs %q lack it", in.name, r.Skipped)
			}
		case in.nothing:
			for _, l := range about {
				if strings.Contains(l, "level=ERROR") {
					t.Errorf("%s: %s", in.name, l)
				}
			}
		}
		for _, h := range in.headline {
			wantArticles++
			if !strings.Contains(stored, `"`+h) {
				t.Errorf("%s: no article with the headline %q in the store", in.name, h)
			}
		}
	}
	if r.Articles != wantArticles || r.Stored != wantArticles {
		t.Errorf("report: %d articles read, %d stored; want %d", r.Articles, r.Stored, wantArticles)
	}
}

// containsPrefix tells whether one of list starts with path and has reason.
func containsPrefix(list []string, path, reason string) bool {
	for _, s := range list {
		if strings.HasPrefix(s, path) && strings.Contains(s, reason) {
			return true
		}
	}
	return false
}

func copyFrom(src string) func(*testing.T, string) {
	return func(t *testing.T, path string) {
		b, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, path, b)
	}
}

func writeFile(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// binaryFile writes 64 KiB of random bytes, as a JPEG saved as .txt is.
func binaryFile(t *testing.T, path string) {
	rng := rand.New(rand.NewPCG(1, 2))
	b := make([]byte, 64<<10)
	for i := range b {
		b[i] = byte(rng.Uint32())
	}
	writeFile(t, path, b)
}

// hugeLine writes 50 MB of words without a line break.
func hugeLine(t *testing.T, path string) {
	writeFile(t, path, bytes.Repeat([]byte("harbour "), 50<<20/8))
}

// deepHTML writes a page whose paragraph is nested in 100,000 divs.
func deepHTML(t *testing.T, path string) {
	const depth = 100_000
	var b bytes.Buffer
	b.WriteString("<html><head><title>Nested page</title></head><body>")
	b.WriteString(strings.Repeat("<div>", depth))
	b.WriteString("<p>The mayor of Lyon, Marie Dubois, opened the new bridge over the Rhone on Monday.</p>")
	b.WriteString(strings.Repeat("</div>", depth))
	b.WriteString("</body></html>")
	writeFile(t, path, b.Bytes())
}

// longSentence writes an article whose body is one sentence of 100,000
// words.
func longSentence(t *testing.T, path string) {
	words := strings.Fields("officials in Rotterdam said the two leaders met Anouk de Vries and the union on Monday while workers waited")
	var b strings.Builder
	b.WriteString("Title: One endless sentence\n\n")
	for i := range 100_000 {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(words[i%len(words)])
	}
	b.WriteString(".\n")
	writeFile(t, path, []byte(b.String()))
}

func fifo(t *testing.T, path string) {
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Fatal(err)
	}
}

func symlink(target string) func(*testing.T, string) {
	return func(t *testing.T, path string) {
		if err := os.Symlink(target, path); err != nil {
			t.Fatal(err)
		}
	}
}

func mkdir(t *testing.T, path string) {
	if err := os.Mkdir(path, 0o755); err != nil {
		t.Fatal(err)
	}
}

func locked(t *testing.T, path string) {
	writeFile(t, path, []byte("Title: Locked\n\nNobody may read this.\n"))
	if err := os.Chmod(path, 0); err != nil {
		t.Fatal(err)
	}
}
