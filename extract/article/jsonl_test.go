package article

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
)

func TestReadJSONL(t *testing.T) {
	arts, errs := ReadFile("testdata/feed.jsonl", Options{})
	want := []Article{
		{Source: "testdata/feed.jsonl#L1", URL: "https://wire.example.com/1", Title: "Wind farm approved",
			Date: time.Date(2025, 6, 14, 0, 0, 0, 0, time.UTC), RawDate: "2025-06-14", Publisher: "Example Wire", TextStart: 20,
			Text: "Wind farm approved\n\nRegulators approved a wind farm off the north coast on Friday.\n\nIt will power 300,000 homes."},
		{Source: "testdata/feed.jsonl#L2", URL: "https://wire.example.com/2", Title: "Bakery chain expands",
			Date: time.Date(2025, 6, 14, 0, 0, 0, 0, time.UTC), RawDate: "June 14, 2025", TextStart: 22,
			Text: "Bakery chain expands\n\nThe bakery chain opened its fiftieth shop.\n\nIts founder started with one oven in 1998."},
		{Source: "testdata/feed.jsonl#L4", Title: "Tram line opens",
			Date: time.Date(2025, 6, 14, 10, 0, 0, 0, time.UTC), RawDate: "1749895200", TextStart: 17,
			Text: "Tram line opens\n\nThe new tram line carries its first passengers.\n\nTickets cost €2."},
		{Source: "testdata/feed.jsonl#L9", Title: "Date not understood", RawDate: "sometime next week", TextStart: 21,
			Text:     "Date not understood\n\nThe council will meet soon.",
			Warnings: []string{`date "sometime next week" not understood; Date left zero`}},
	}
	if len(arts) != len(want) {
		t.Fatalf("got %d articles, want %d", len(arts), len(want))
	}
	for i := range want {
		checkArticle(t, arts[i], want[i])
	}
	wantErrs := []string{
		"testdata/feed.jsonl:3: invalid JSON: unexpected end of JSON input (column 93)",
		"testdata/feed.jsonl:6: no text found (no text, body, content field with text)",
		"testdata/feed.jsonl:7: not a JSON object",
		`testdata/feed.jsonl:8: field "title": want a string, got a number`,
	}
	if len(errs) != len(wantErrs) {
		t.Fatalf("errors %q, want %q", errs, wantErrs)
	}
	for i, err := range errs {
		if err.Error() != wantErrs[i] {
			t.Errorf("error %q, want %q", err, wantErrs[i])
		}
		var e *Error
		if !errors.As(err, &e) || e.Line == 0 {
			t.Errorf("error %v does not carry its line", err)
		}
	}
}

func TestJSONLines(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		texts []string
		errs  []string
	}{
		{"invalid UTF-8 on one line", "{\"text\": \"Good.\"}\n{\"text\": \"Bad \xff.\"}\n", []string{"Good."},
			[]string{"x.jsonl:2: not UTF-8 text (invalid byte 0xff at offset 32)"}},
		{"crlf and blank lines", "{\"text\": \"One.\"}\r\n\r\n   \n{\"text\": \"Two.\"}", []string{"One.", "Two."}, nil},
		{"text preferred to body", `{"text": "From text.", "body": "From body."}`, []string{"From text."}, nil},
		{"empty text falls back to body", `{"text": "", "body": "From body.", "title": null}`, []string{"From body."}, nil},
		{"milliseconds", `{"text": "T.", "date": 1749895200000}`, []string{"T."}, nil},
		{"date of the wrong type", `{"text": "T.", "date": true}`, nil, []string{`x.jsonl:1: field "date": want a string, got a boolean`}},
		{"trailing garbage", `{"text": "T."} extra`, nil, []string{"x.jsonl:1: invalid JSON: invalid character 'e' after top-level value (column 16)"}},
		{"escaped controls", `{"text": "Tab\there\u0000 and\u0007 bell."}`, []string{"Tab\there and bell."}, nil},
		{"only blank lines", "\n\n", nil, []string{"x.jsonl: empty"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, errs := read("x.jsonl", []byte(tt.in), formatJSONL)
			var texts, msgs []string
			for _, a := range arts {
				texts = append(texts, a.Text)
				checkInvariants(t, a)
			}
			for _, e := range errs {
				msgs = append(msgs, e.Error())
			}
			if strings.Join(texts, "|") != strings.Join(tt.texts, "|") || strings.Join(msgs, "|") != strings.Join(tt.errs, "|") {
				t.Errorf("got %q %q, want %q %q", texts, msgs, tt.texts, tt.errs)
			}
		})
	}
}

// TestArticleEnd checks that each article tells where in its file it ends:
// at the end of its line in JSON Lines, at the end of the file otherwise.
func TestArticleEnd(t *testing.T) {
	const feed = "testdata/feed.jsonl"
	data, err := os.ReadFile(feed)
	if err != nil {
		t.Fatal(err)
	}
	lineEnd := map[string]int64{} // Source → offset after the line's newline
	offset := int64(0)
	for n, line := range strings.SplitAfter(string(data), "\n") {
		offset += int64(len(line))
		lineEnd[fmt.Sprintf("%s#L%d", feed, n+1)] = offset
	}
	arts, _ := ReadFile(feed, Options{})
	for _, a := range arts {
		if a.End != lineEnd[a.Source] {
			t.Errorf("%s: End %d, want %d", a.Source, a.End, lineEnd[a.Source])
		}
	}
	for _, name := range []string{"testdata/header.txt", "testdata/page.html", "testdata/utf16le.txt"} {
		info, err := os.Stat(name)
		if err != nil {
			t.Fatal(err)
		}
		arts, errs := ReadFile(name, Options{})
		if len(arts) != 1 || len(errs) != 0 {
			t.Fatalf("%s: %d articles, errors %v", name, len(arts), errs)
		}
		if arts[0].End != info.Size() {
			t.Errorf("%s: End %d, want the file's size %d", name, arts[0].End, info.Size())
		}
	}
}
