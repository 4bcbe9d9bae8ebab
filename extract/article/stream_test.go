package article

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf16"
)

// read reads data as the content of a file of format f, as Read does with
// the default size limit.
func read(path string, data []byte, f format) ([]Article, []error) {
	return collect(func(yield func(Article, error) bool) {
		readFrom(path, bytes.NewReader(data), int64(len(data)), f, DefaultMaxBytes, yield)
	})
}

// jsonLineOf returns a JSON Lines line of exactly size bytes (end not
// included) whose text is "Story N." padded with letters.
func jsonLineOf(n, size int) string {
	head := fmt.Sprintf(`{"text": "Story %d. `, n)
	const tail = `"}`
	return head + strings.Repeat("a", size-len(head)-len(tail)) + tail
}

// smallLines returns n short lines, each with its line end.
func smallLines(n int, end string) string {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		b.WriteString(jsonLineOf(i, 60) + end)
	}
	return b.String()
}

func TestReadStream(t *testing.T) {
	const kib = 1 << 10
	tests := []struct {
		name    string
		data    string
		max     int64
		sources []int    // the lines of the articles read
		errs    []string // "%s" is the file's path
	}{
		{name: "file larger than the limit, small lines", data: smallLines(3000, "\n"), max: kib,
			sources: seq(1, 3000)}, // 180 KiB: lines across blocks
		{name: "too long line in the middle, longer than a block",
			data: jsonLineOf(1, 100) + "\n" + jsonLineOf(2, 100*kib) + "\n" + jsonLineOf(3, 100) + "\n" + jsonLineOf(4, 100),
			max:  80 * kib, sources: []int{1, 3, 4}, errs: []string{"%s:2: 100 KiB, larger than the 80 KiB limit"}},
		{name: "too long line within a block",
			data: jsonLineOf(1, 1000) + "\n" + jsonLineOf(2, 1001) + "\r\n" + jsonLineOf(3, 1000) + "\r\n",
			max:  1000, sources: []int{1, 3}, errs: []string{"%s:2: 1001 bytes, larger than the 1000 bytes limit"}},
		{name: "too long last line without line end", data: smallLines(2, "\n") + jsonLineOf(3, 2*kib), max: kib,
			sources: []int{1, 2}, errs: []string{"%s:3: 2 KiB, larger than the 1 KiB limit"}},
		{name: "line of exactly the limit, crlf split between blocks",
			data:    jsonLineOf(1, blockSize-1) + "\r\n" + jsonLineOf(2, blockSize) + "\r\n" + jsonLineOf(3, 60),
			max:     blockSize - 1,
			sources: []int{1, 3}, errs: []string{"%s:2: 64 KiB, larger than the 64 KiB limit"}},
		{name: "line of exactly the limit, longer than a block, crlf in one block",
			data:    jsonLineOf(1, blockSize+100) + "\r\n" + jsonLineOf(2, blockSize+101) + "\r\n" + jsonLineOf(3, 60),
			max:     blockSize + 100,
			sources: []int{1, 3}, errs: []string{"%s:2: 64.1 KiB, larger than the 64.1 KiB limit"}},
		{name: "byte order mark", data: "\xef\xbb\xbf" + jsonLineOf(1, 60) + "\n" + `{"text": "Bad ` + "\xff" + `."}` + "\n",
			sources: []int{1}, errs: []string{"%s:2: not UTF-8 text (invalid byte 0xff at offset 78)"}},
		{name: "invalid UTF-8 offset after many blocks", data: smallLines(2000, "\n") + `{"text": "Bad ` + "\xe9" + `."}`,
			sources: seq(1, 2000), errs: []string{"%s:2001: not UTF-8 text (invalid byte 0xe9 at offset 122014)"}},
		{name: "binary in the first block", data: smallLines(5, "\n") + "\x00\x01\x02" + smallLines(5, "\n"),
			errs: []string{"%s: binary file (NUL byte at offset 305)"}},
		{name: "NUL byte after the first block", data: smallLines(2000, "\n") + `{"text": "NUL` + "\x00" + `"}` + "\n" + jsonLineOf(2002, 60),
			sources: append(seq(1, 2000), 2002), errs: []string{"%s:2001: binary file (NUL byte at offset 122013)"}},
		{name: "empty", data: "", errs: []string{"%s: empty"}},
		{name: "blank lines only", data: "\n \r\n\t\n", errs: []string{"%s: empty"}},
		{name: "crlf line ends", data: smallLines(3, "\r\n"), sources: []int{1, 2, 3}},
		{name: "last line without line end", data: smallLines(2, "\n") + jsonLineOf(3, 60), sources: []int{1, 2, 3}},
		{name: "utf-16 read whole", data: utf16LE(smallLines(2, "\n")), sources: []int{1, 2}},
		{name: "utf-16 above the file limit", data: utf16LE(smallLines(20, "\n")), max: kib,
			errs: []string{"%s: 2.4 KiB, larger than the 1 KiB limit"}},
		{name: "utf-32", data: "\xff\xfe\x00\x00{\x00\x00\x00", errs: []string{"%s: UTF-32 text is not supported"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "feed.jsonl")
			if err := os.WriteFile(path, []byte(tt.data), 0o644); err != nil {
				t.Fatal(err)
			}
			var lines []int
			var msgs []string
			for a, err := range Read(path, Options{MaxBytes: tt.max}) {
				if err != nil {
					if a.Source != "" || a.Text != "" || a.URL != "" {
						t.Errorf("error %v comes with article %+v, want a zero one", err, a)
					}
					msgs = append(msgs, err.Error())
					if strings.Contains(err.Error(), "larger than") && !errors.Is(err, ErrTooLarge) {
						t.Errorf("error %v is not ErrTooLarge", err)
					}
					continue
				}
				var n int
				if _, err := fmt.Sscanf(strings.TrimPrefix(a.Source, path), "#L%d", &n); err != nil {
					t.Fatalf("source %q does not name a line of %s", a.Source, path)
				}
				if want := fmt.Sprintf("Story %d. ", n); !strings.HasPrefix(a.Text, want) {
					t.Errorf("article %s starts %.20q, want %q", a.Source, a.Text, want)
				}
				checkInvariants(t, a)
				lines = append(lines, n)
			}
			if fmt.Sprint(lines) != fmt.Sprint(tt.sources) && !(len(lines) == 0 && len(tt.sources) == 0) {
				t.Errorf("articles from lines %v, want %v", lines, tt.sources)
			}
			var want []string
			for _, e := range tt.errs {
				want = append(want, fmt.Sprintf(e, path))
			}
			if strings.Join(msgs, "\n") != strings.Join(want, "\n") {
				t.Errorf("errors\n%s\nwant\n%s", strings.Join(msgs, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}

// seq returns the integers from first to last.
func seq(first, last int) []int {
	var s []int
	for i := first; i <= last; i++ {
		s = append(s, i)
	}
	return s
}

// utf16LE encodes s as UTF-16, little-endian, with a byte order mark.
func utf16LE(s string) string {
	b := []byte{0xFF, 0xFE}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return string(b)
}

// TestReadPipeStreams checks that a JSON Lines pipe is read as a stream:
// the first article arrives while its writer still holds back the rest, and
// the pipe as a whole can be far larger than the size limit.
func TestReadPipeStreams(t *testing.T) {
	path := filepath.Join(t.TempDir(), "feed.jsonl")
	if err := mkfifo(path); err != nil {
		t.Skipf("no named pipes: %v", err)
	}
	first := make(chan struct{})
	held := make(chan bool, 1) // whether the writer still waited when the first article came
	go func() {
		f, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			held <- false
			return
		}
		defer f.Close()
		f.Write([]byte(jsonLineOf(0, 60) + "\n"))
		select {
		case <-first:
			held <- true
		case <-time.After(10 * time.Second): // a reader that waits for the end: let the test fail, not hang
			held <- false
		}
		f.Write([]byte(smallLines(1000, "\n"))) // 61,000 bytes
	}()
	n := 0
	for a, err := range Read(path, Options{MaxBytes: 1 << 10}) {
		if err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			close(first)
		}
		if want := fmt.Sprintf("Story %d. ", n); !strings.HasPrefix(a.Text, want) {
			t.Fatalf("article %d starts %.20q, want %q", n, a.Text, want)
		}
		n++
	}
	if n != 1001 {
		t.Errorf("%d articles, want 1001", n)
	}
	if !<-held {
		t.Error("the first article was not yielded before the end of the pipe")
	}
}

// TestReadStops checks that Read stops cleanly wherever its caller breaks
// off, for files read in either way (a broken range loop would panic).
func TestReadStops(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"feed.jsonl":  smallLines(2, "\n") + "{broken\n" + jsonLineOf(4, 5000) + "\n" + jsonLineOf(5, 60),
		"feed.txt":    "Title: One\n\nA story.\n",
		"utf16.jsonl": utf16LE(smallLines(3, "\n")),
	}
	for name, data := range files {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		arts, errs := ReadFile(path, Options{MaxBytes: 1 << 10})
		total := len(arts) + len(errs)
		for stop := 0; stop < total; stop++ {
			i := 0
			for range Read(path, Options{MaxBytes: 1 << 10}) {
				if i == stop {
					break
				}
				i++
			}
			if i != stop {
				t.Errorf("%s: stopped after %d items, want %d", name, i, stop)
			}
		}
	}
}
