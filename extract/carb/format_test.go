package carb

import (
	"bytes"
	"math"
	"reflect"
	"strings"
	"testing"
)

func TestSystemRoundTrip(t *testing.T) {
	in := []Extraction{
		sysEx(cafe, 0.1+0.2, "opened", "Lena Ortiz", "a café", "in Lisbon"),
		sysEx(cafe, 1, "is", "Lena Ortiz"),
		sysEx(bakery, 1e-7, "runs", "", "a bakery"), // empty middle argument kept
		sysEx(bakery, -2.5, "runs"),
		sysEx(storm, 0.75, "closed", "The storm", "the harbour", ""), // empty final argument dropped
		sysEx(storm, 0.5, "closed", "The storm", " ", ""),
	}
	var buf bytes.Buffer
	if err := WriteSystem(&buf, in); err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n") {
		if strings.HasSuffix(line, "\t") || strings.HasSuffix(line, " ") {
			t.Errorf("line %d ends in an empty column: %q", i+1, line)
		}
	}
	got, err := ReadSystem(&buf)
	if err != nil {
		t.Fatal(err)
	}
	want := append([]Extraction(nil), in...)
	want[4].Args = want[4].Args[:2]
	want[5].Args = want[5].Args[:1]
	if !reflect.DeepEqual(got, want) {
		t.Errorf("read back\n%+v\nwant\n%+v", got, want)
	}
}

func TestWriteSystemErrors(t *testing.T) {
	tests := []struct {
		name string
		e    Extraction
	}{
		{"tab in an argument", sysEx(cafe, 1, "opened", "Lena\tOrtiz")},
		{"line break in the sentence", sysEx("Lena left.\nShe came back.", 1, "left", "Lena")},
		{"carriage return in the relation", sysEx(cafe, 1, "opened\r", "Lena")},
		{"empty sentence", sysEx(" ", 1, "opened", "Lena")},
		{"empty relation and no argument", sysEx(cafe, 1, "", "")},
		{"NaN confidence", sysEx(cafe, math.NaN(), "opened", "Lena")},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		if err := WriteSystem(&buf, []Extraction{tt.e}); err == nil {
			t.Errorf("%s: wrote %q, want an error", tt.name, buf.String())
		}
	}
}

func TestReadSystem(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  []Extraction
	}{
		{
			name:  "a stripped line loses its empty final column",
			input: "S .\t0.5\tsaw\tAna\t\n",
			want:  []Extraction{sysEx("S .", 0.5, "saw", "Ana")},
		},
		{
			name:  "inner fields are kept as written",
			input: "S . \t 0.5 \t saw \t\t Ana\n",
			want:  []Extraction{sysEx("S . ", 0.5, " saw ", "", " Ana")},
		},
		{
			name:  "CRLF, lone CR and blank lines",
			input: "A .\t1\tx\ty\r\n\r\n  \rB .\t0.25\tz\r",
			want:  []Extraction{sysEx("A .", 1, "x", "y"), sysEx("B .", 0.25, "z")},
		},
	}
	for _, tt := range tests {
		got, err := ReadSystem(strings.NewReader(tt.input))
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: got %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name, input string
		gold        bool
	}{
		{"system line without relation", "S .\t0.5\n", false},
		{"system confidence not a number", "S .\thigh\tsaw\tAna\n", false},
		{"system confidence NaN", "S .\tNaN\tsaw\tAna\n", false},
		{"system invalid UTF-8", "S \xff.\t1\tsaw\tAna\n", false},
		{"gold line without relation", "S .\n", true},
	}
	for _, tt := range tests {
		var err error
		if tt.gold {
			_, err = ReadGold(strings.NewReader(tt.input))
		} else {
			_, err = ReadSystem(strings.NewReader(tt.input))
		}
		if err == nil || !strings.Contains(err.Error(), "line 1") {
			t.Errorf("%s: error %v, want one naming line 1", tt.name, err)
		}
	}
}

func TestReadGold(t *testing.T) {
	const input = "" +
		"A ferry left .\tleft\tA ferry\t\n" +
		"A ferry left . \thas left\t A ferry \tC: at dawn\n" +
		"Rain fell -LRB- briefly -RRB- .\tfell\tRain\tbriefly\n" +
		"Rain fell ( briefly ) .\tfell\tRain\n" +
		"\n" +
		"Ana sang , Ben danced .\tsang\tAna\n" +
		"Ana sang , Ben danced .\tdanced\tBen\tloudly: C: the critic says\n"
	got, err := ReadGold(strings.NewReader(input))
	if err != nil {
		t.Fatal(err)
	}
	g := func(s, rel string, args ...string) Extraction {
		return Extraction{Sentence: s, Confidence: 1, Relation: rel, Args: args}
	}
	want := map[string][]Extraction{
		// Both spellings of the sentence: one after stripping.
		"A ferry left .": {g("A ferry left .", "left", "A ferry"), g("A ferry left .", "has left", "A ferry")},
		// Same key once escapes and punctuation go: the later one is kept.
		"Rain fell ( briefly ) .": {g("Rain fell ( briefly ) .", "fell", "Rain")},
		// An argument containing "C: " is dropped wherever "C: " occurs.
		"Ana sang , Ben danced .": {g("Ana sang , Ben danced .", "sang", "Ana"), g("Ana sang , Ben danced .", "danced", "Ben")},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}
