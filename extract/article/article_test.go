package article

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"
)

// festival is the text of the UTF-16 and BOM test files.
const festival = "Festival opens\n\nThe summer festival opened in Malmö with 40 concerts.\n\nOrganisers expect 20 000 visitors — a record."

func TestReadFile(t *testing.T) {
	june14 := time.Date(2025, 6, 14, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		file string
		want Article
	}{
		{"header.txt", Article{
			URL: "https://news.example.org/bridge", Title: "Harbour bridge reopens after repairs",
			Date: june14, RawDate: "2025-06-14", Publisher: "Example Daily", TextStart: 38,
			Text: "Harbour bridge reopens after repairs\n\n" +
				"The old harbour bridge reopened on Saturday after eight months of repairs.\n\n" +
				"City engineer Mara Lind said the deck had been replaced\nand the cables tightened.",
		}},
		{"noheader.txt", Article{
			Text: "Update: the council vote was moved to Tuesday.\n\nCouncillors will decide on the new bus routes then.",
		}},
		{"story.md", Article{
			Title: "Lighthouse keepers return", Date: june14, RawDate: "14 June 2025", TextStart: 27,
			Text: "Lighthouse keepers return\n\n" +
				"After twenty years of automation, the island lighthouse has keepers again, the maritime authority said.\n\n" +
				"Why now\n\n" +
				"Storms damaged the automatic lamp twice.\n\n" +
				"Ships asked for a person on watch.\n\n" +
				"\"Machines do not see fog coming,\" said keeper Ana Ruiz.\n\n" +
				"Read the report at https://example.org/report or see the summary. " +
				"The file_name stays, 5 * 3 stays, and old plans are gone.\n\n" +
				"Year\tKeepers\n2005\t0\n2025\t2",
		}},
		{"header.md", Article{
			Title: "Rail strike ends", Date: time.Date(2025, 6, 14, 16, 30, 0, 0, time.UTC),
			RawDate: "Sat, 14 Jun 2025 18:30:00 +0200", Publisher: "Example Wire", TextStart: 18,
			Text: "Rail strike ends\n\nUnion leaders signed the deal at midnight. Trains run again from Monday.\n\n" +
				"Night trains return a week later.",
		}},
		{"bom.txt", Article{Title: "Festival opens", Date: june14, RawDate: "June 14, 2025", TextStart: 16, Text: festival}},
		{"utf16le.txt", Article{Title: "Festival opens", Date: june14, RawDate: "June 14, 2025", TextStart: 16, Text: festival}},
		{"utf16be.txt", Article{Title: "Festival opens", Date: june14, RawDate: "June 14, 2025", TextStart: 16, Text: festival}},
		{"page.html", Article{
			URL: "https://post.example.com/farm/new-crops", Title: "Valley farmers try new crops",
			Date: time.Date(2025, 6, 14, 6, 15, 0, 0, time.UTC), RawDate: "2025-06-14T08:15:00+02:00",
			Publisher: "The Example Post", TextStart: 30,
			Text: "Valley farmers try new crops\n\n" +
				"Farmers in the dry valley are planting chickpeas and lentils instead of maize, after three summers with little rain.\n\n" +
				"\"Maize needs water we no longer have,\" said Tomas Berg, who farms 80 hectares near the river.\n" +
				"He switched half his fields this spring.\n\n" +
				"Cheaper to grow\n\n" +
				"The regional farm office says the new crops need a third of the water & half the fertiliser.\n\n" +
				"Chickpeas: sown in April.\n\n" +
				"Lentils: sown in March.",
		}},
		{"noarticle.html", Article{
			URL: "https://herald.example.net/2025/museum-painting", Title: "Museum finds lost painting",
			Date: june14, RawDate: "14 June 2025", Publisher: "City Herald", TextStart: 28,
			Text: "Museum finds lost painting\n\n" +
				"Published 14 June 2025\n\n" +
				"Staff at the city museum found a painting that had been missing for forty years, wrapped in a blanket in a storage room.\n\n" +
				"The small landscape, by a local artist, was reported stolen in 1985. Curator Ines Park said it had probably been moved during a renovation and then forgotten.\n\n" +
				"The painting will go on show next month after it has been cleaned.",
		}},
		{"ldjson.html", Article{
			URL: "https://notes.example.com/library-hours", Title: "Library extends opening hours",
			Date: time.Date(2025, 6, 14, 9, 30, 0, 0, time.UTC), RawDate: "2025-06-14T09:30:00Z",
			Publisher: "Town Notes", TextStart: 31,
			Text: "Library extends opening hours\n\n" +
				"The town library will stay open until nine in the evening from July, the council said on Friday.\n\n" +
				"Students had asked for longer hours during the exam season.",
			Warnings: []string{"JSON-LD ignored: invalid character 't' looking for beginning of object key string"},
		}},
		{"latin1.html", Article{
			Title: "Café owners protest", TextStart: 22,
			Text: "Café owners protest\n\nCafé owners marched on Friday – about 200 of them – against the new “terrace tax”.",
		}},
		{"sniffed", Article{
			Title: "Ferry timetable changes", TextStart: 25,
			Text: "Ferry timetable changes\n\nThe island ferry will leave an hour earlier on weekdays from Monday.",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join("testdata", tt.file)
			arts, errs := ReadFile(path, Options{})
			if len(errs) != 0 {
				t.Fatalf("errors: %v", errs)
			}
			if len(arts) != 1 {
				t.Fatalf("got %d articles, want 1", len(arts))
			}
			want := tt.want
			want.Source = path
			checkArticle(t, arts[0], want)
		})
	}
}

// checkArticle compares an article with the expected one field by field.
func checkArticle(t *testing.T, got, want Article) {
	t.Helper()
	str := []struct{ name, got, want string }{
		{"Source", got.Source, want.Source},
		{"URL", got.URL, want.URL},
		{"Title", got.Title, want.Title},
		{"RawDate", got.RawDate, want.RawDate},
		{"Publisher", got.Publisher, want.Publisher},
		{"Text", got.Text, want.Text},
		{"Warnings", strings.Join(got.Warnings, "|"), strings.Join(want.Warnings, "|")},
	}
	for _, f := range str {
		if f.got != f.want {
			t.Errorf("%s = %q, want %q", f.name, f.got, f.want)
		}
	}
	if !got.Date.Equal(want.Date) {
		t.Errorf("Date = %v, want %v", got.Date, want.Date)
	}
	if got.TextStart != want.TextStart {
		t.Errorf("TextStart = %d, want %d", got.TextStart, want.TextStart)
	}
	checkInvariants(t, got)
}

// checkInvariants checks what every article promises, whatever its input:
// valid UTF-8 text without control characters, paragraphs separated by
// exactly one blank line, trimmed lines, a body after TextStart.
func checkInvariants(t *testing.T, a Article) {
	t.Helper()
	if !utf8.ValidString(a.Text) || !utf8.ValidString(a.Title) {
		t.Fatalf("invalid UTF-8 in %q / %q", a.Title, a.Text)
	}
	if a.TextStart < 0 || a.TextStart > len(a.Text) {
		t.Fatalf("TextStart %d outside text of %d bytes", a.TextStart, len(a.Text))
	}
	if strings.TrimSpace(a.Text[a.TextStart:]) == "" {
		t.Fatalf("no body after TextStart %d in %q", a.TextStart, a.Text)
	}
	if a.TextStart > 0 && !strings.HasSuffix(a.Text[:a.TextStart], "\n\n") {
		t.Fatalf("headline %q does not end with a blank line", a.Text[:a.TextStart])
	}
	if strings.Contains(a.Text, "\n\n\n") {
		t.Fatalf("more than one blank line in %q", a.Text)
	}
	for _, line := range strings.Split(a.Text, "\n") {
		if line != strings.TrimSpace(line) {
			t.Fatalf("untrimmed line %q", line)
		}
	}
	for _, r := range a.Text {
		if unicode.IsControl(r) && r != '\n' && r != '\t' {
			t.Fatalf("control character %U in %q", r, a.Text)
		}
	}
	if strings.ContainsAny(a.Title, "\n\t") || a.Title != strings.TrimSpace(a.Title) {
		t.Fatalf("title %q is not one trimmed line", a.Title)
	}
	if a.Date.IsZero() != (a.RawDate == "") && a.Date.IsZero() && len(a.Warnings) == 0 {
		t.Fatalf("date %q not understood without a warning", a.RawDate)
	}
}

func TestReadFileErrors(t *testing.T) {
	tests := []struct {
		file string
		is   error // nil: any error
		msg  string
	}{
		{"empty.txt", ErrEmpty, "testdata/empty.txt: empty"},
		{"binary.bin", ErrBinary, "testdata/binary.bin: binary file (NUL byte at offset 8)"},
		{"latin1.txt", ErrNotUTF8, "testdata/latin1.txt: not UTF-8 text (invalid byte 0xe9 at offset 20)"},
		{"koi8.html", ErrNotUTF8, "testdata/koi8.html: not UTF-8 text (invalid byte 0xf0 at offset 51); the page declares charset koi8-r, which is not supported"},
		{"empty.html", ErrNoText, "testdata/empty.html: no text found"},
		{"missing.txt", os.ErrNotExist, "open testdata/missing.txt: no such file or directory"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			arts, errs := ReadFile(filepath.Join("testdata", tt.file), Options{})
			if len(arts) != 0 || len(errs) != 1 {
				t.Fatalf("got %d articles and errors %v, want one error", len(arts), errs)
			}
			if !errors.Is(errs[0], tt.is) {
				t.Errorf("error %v is not %v", errs[0], tt.is)
			}
			if errs[0].Error() != tt.msg {
				t.Errorf("error %q, want %q", errs[0], tt.msg)
			}
		})
	}
}

// TestReadBytes covers inputs too small or too odd to deserve a file.
func TestReadBytes(t *testing.T) {
	tests := []struct {
		name  string
		f     format
		data  string
		text  string // "" when an error is expected
		title string
		err   string
	}{
		{"crlf", formatText, "Title: A\r\n\r\nOne line.\r\nSame paragraph.\r\n\r\nTwo.\r\n", "A\n\nOne line.\nSame paragraph.\n\nTwo.", "A", ""},
		{"one paragraph per line without blank lines", formatText, "First line.\nSecond line.\n", "First line.\n\nSecond line.", "", ""},
		{"hard-wrapped lines without blank lines", formatText,
			"Short heading\nThe old bridge over the harbour reopened on Saturday after\neight months of repairs, and the mayor\nMara Lind cut the ribbon.\nTraffic is light.",
			"Short heading\n\nThe old bridge over the harbour reopened on Saturday after\neight months of repairs, and the mayor\nMara Lind cut the ribbon.\n\nTraffic is light.", "", ""},
		{"quotes end sentences", formatText, "\"We are ready,\" she said.\"\n(The vote is Monday.)\nNext.", "\"We are ready,\" she said.\"\n\n(The vote is Monday.)\n\nNext.", "", ""},
		{"control characters dropped", formatText, "Bell\a here.\x1b\n", "Bell here.", "", ""},
		{"header only", formatText, "Title: Only\nDate: 2025-06-14\n", "", "", "x: no text found (only a header)"},
		{"header needs a known key", formatText, "Note: this is text.\n\nMore text.", "Note: this is text.\n\nMore text.", "", ""},
		{"white space only", formatText, " \n\t\n", "", "", "x: empty"},
		{"title only", formatMarkdown, "# Just a title\n", "", "", "x: no text found (only the title)"},
		{"utf-16 odd length", formatText, "\xff\xfeA\x00B", "", "", "x: not UTF-16 text (odd number of bytes)"},
		{"utf-16 unpaired surrogate", formatText, "\xff\xfeA\x00\x00\xd8B\x00", "", "", "x: not UTF-16 text (unpaired surrogate 0xd800 at offset 4)"},
		{"utf-16 surrogate pair", formatText, "\xff\xfe\x3d\xd8\x00\xdeA\x00", "😀A", "", ""},
		{"offsets count the byte order mark", formatText, "\xef\xbb\xbfab\xff", "", "", "x: not UTF-8 text (invalid byte 0xff at offset 5)"},
		{"nul after a byte order mark", formatText, "\xef\xbb\xbfab\x00", "", "", "x: binary file (NUL byte at offset 5)"},
		{"utf-32", formatText, "\xff\xfe\x00\x00A\x00\x00\x00", "", "", "x: UTF-32 text is not supported"},
		{"sniff jsonl", formatUnknown, "{\"text\": \"Sniffed line.\"}\n", "Sniffed line.", "", ""},
		{"sniff text with a brace", formatUnknown, "{not json} but text\n", "{not json} but text", "", ""},
		{"html entities and pre", formatHTML, "<p>A&amp;B &lt;tag&gt;</p><pre>  x = 1\n  y = 2</pre>", "A&B <tag>\n\nx = 1\ny = 2", "", ""},
		{"html table cells", formatHTML, "<table><tr><td>Oslo</td><td>12</td></tr><tr><td>Rome</td><td>25</td></tr></table>", "Oslo 12\n\nRome 25", "", ""},
		{"html double br", formatHTML, "<div>First part.<br><br>Second part.</div>", "First part.\n\nSecond part.", "", ""},
		{"html hidden", formatHTML, "<p>Seen text here.</p><p hidden>Unseen text.</p><div style=\"display: none\">Also unseen.</div>", "Seen text here.", "", ""},
		{"html comments dropped", formatHTML, "<p>Kept <!-- dropped --> words.</p>", "Kept words.", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, errs := read("x", []byte(tt.data), tt.f)
			if tt.err != "" {
				if len(errs) != 1 || errs[0].Error() != tt.err {
					t.Fatalf("errors %v, want %q", errs, tt.err)
				}
				return
			}
			if len(errs) != 0 || len(arts) != 1 {
				t.Fatalf("got %d articles, errors %v", len(arts), errs)
			}
			if arts[0].Text != tt.text || arts[0].Title != tt.title {
				t.Errorf("got title %q text %q, want %q %q", arts[0].Title, arts[0].Text, tt.title, tt.text)
			}
			checkInvariants(t, arts[0])
		})
	}
}

func TestTooLarge(t *testing.T) {
	dir := t.TempDir()
	// A sparse file: 60 MiB on paper, nothing written.
	huge := filepath.Join(dir, "huge.txt")
	f, err := os.Create(huge)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(60 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	small := filepath.Join(dir, "small.txt")
	if err := os.WriteFile(small, []byte(strings.Repeat("word ", 300)), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path string
		max  int64
		msg  string
	}{
		{huge, 0, huge + ": 60 MiB, larger than the 32 MiB limit"},
		{small, 1024, small + ": 1.5 KiB, larger than the 1 KiB limit"},
		{small, 1499, small + ": 1.5 KiB, larger than the 1.5 KiB limit"},
	}
	for _, tt := range tests {
		arts, errs := ReadFile(tt.path, Options{MaxBytes: tt.max})
		if len(arts) != 0 || len(errs) != 1 {
			t.Fatalf("%s: got %d articles and errors %v", tt.path, len(arts), errs)
		}
		if !errors.Is(errs[0], ErrTooLarge) || errs[0].Error() != tt.msg {
			t.Errorf("error %q, want %q", errs[0], tt.msg)
		}
	}
	if arts, errs := ReadFile(small, Options{MaxBytes: 1500}); len(errs) != 0 || len(arts) != 1 {
		t.Errorf("a file of exactly MaxBytes: %d articles, errors %v", len(arts), errs)
	}

	// A pipe has no size to check beforehand: the limit stops the read.
	pipe := filepath.Join(dir, "pipe.txt")
	if err := mkfifo(pipe); err != nil {
		t.Skipf("no named pipes: %v", err)
	}
	go func() {
		f, err := os.OpenFile(pipe, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		defer f.Close()
		f.Write([]byte(strings.Repeat("word ", 1000))) // fails once the reader is gone
	}()
	_, errs := ReadFile(pipe, Options{MaxBytes: 1024})
	if want := pipe + ": more than the 1 KiB limit"; len(errs) != 1 || errs[0].Error() != want || !errors.Is(errs[0], ErrTooLarge) {
		t.Errorf("errors %v, want %q", errs, want)
	}
}

func TestFormatSize(t *testing.T) {
	tests := []struct {
		n    int64
		want string
	}{
		{0, "0 bytes"},
		{1023, "1023 bytes"},
		{1024, "1 KiB"},
		{1025, "1.1 KiB"},
		{32 << 20, "32 MiB"},
		{32<<20 + 1, "32.1 MiB"},
		{3 << 30, "3 GiB"},
	}
	for _, tt := range tests {
		if got := formatSize(tt.n); got != tt.want {
			t.Errorf("formatSize(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

// TestDateLine checks that an article copied without a header gets its
// date from a dateline among its first lines.
func TestDateLine(t *testing.T) {
	for _, tc := range []struct {
		text, want string
	}{
		{" date 2025-06-14 WORLD\n1 min read\nLeaders talk\n\nThe leaders talked on Saturday.", "2025-06-14"},
		{"Leaders talk\n\nBy Staff\n\nJune 14, 2025\n\nThe leaders talked on Saturday.", "2025-06-14"},
		{"Published: 3 March 2024\n\nThe council met.", "2024-03-03"},
		{"The council met on 3 March 2024 to discuss the budget for the next year.\n\nIt agreed.", ""},
	} {
		dir := t.TempDir()
		path := filepath.Join(dir, "a.txt")
		if err := os.WriteFile(path, []byte(tc.text), 0o644); err != nil {
			t.Fatal(err)
		}
		arts, errs := ReadFile(path, Options{})
		if len(errs) > 0 || len(arts) != 1 {
			t.Fatalf("%q: %v", tc.text, errs)
		}
		got := ""
		if !arts[0].Date.IsZero() {
			got = arts[0].Date.Format("2006-01-02")
		}
		if got != tc.want {
			t.Errorf("%q: date %q, want %q", tc.text, got, tc.want)
		}
	}
}
