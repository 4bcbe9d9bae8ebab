package extract

import "testing"

func TestCaseMarker(t *testing.T) {
	// Two sentences, so that heads (1-based within a sentence) and token
	// indexes (in the document) differ: "Lula called." and "He spoke With
	// Modi on Monday."
	text := "Lula called. He spoke With Modi on Monday."
	words := []struct {
		start, end, head int
		rel              string
	}{
		{0, 4, 2, "nsubj"}, {5, 11, 0, "root"}, {11, 12, 2, "punct"},
		{13, 15, 2, "nsubj"}, {16, 21, 0, "root"}, {22, 26, 4, "case"}, {27, 31, 2, "obl"},
		{32, 34, 6, "case"}, {35, 41, 2, "obl"}, {41, 42, 2, "punct"},
	}
	doc := &Document{Text: text, Sentences: []Sentence{{First: 0, Last: 3}, {First: 3, Last: 10}}}
	for _, w := range words {
		doc.Tokens = append(doc.Tokens, Token{Start: w.start, End: w.end, Head: w.head, DepRel: w.rel})
	}
	tests := []struct {
		token int
		want  string
	}{
		{6, "with"}, // Modi, its marker lower-cased
		{8, "on"},   // Monday
		{4, ""},     // spoke: the case markers are its dependents' own
		{0, ""},     // Lula, in the first sentence
	}
	for _, tt := range tests {
		s := doc.Sentences[0]
		if tt.token >= s.Last {
			s = doc.Sentences[1]
		}
		if got := doc.CaseMarker(s, tt.token); got != tt.want {
			t.Errorf("CaseMarker of %q = %q, want %q", doc.Form(&doc.Tokens[tt.token]), got, tt.want)
		}
	}
}

func TestTimeAt(t *testing.T) {
	doc := &Document{Times: []TimeExpr{
		{Span: Span{First: 1, Last: 3}, Kind: Date, Value: "2025-06-14"},
		{Span: Span{First: 5, Last: 6}, Kind: Duration, Value: "PT50M"},
	}}
	for i, want := range map[int]string{0: "", 1: "2025-06-14", 2: "2025-06-14", 3: "", 4: "", 5: "PT50M", 6: "", -1: ""} {
		got, ok := doc.TimeAt(i)
		if ok != (want != "") || got.Value != want {
			t.Errorf("TimeAt(%d) = %q, %v; want %q", i, got.Value, ok, want)
		}
	}
	if _, ok := (&Document{}).TimeAt(0); ok {
		t.Error("a document without times has a time at 0")
	}
}
