package synth

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestDeterministicAndVaried(t *testing.T) {
	a, b := New(7), New(7)
	seen := map[string]bool{}
	words := 0
	for i := 0; i < 200; i++ {
		x, y := a.Next(), b.Next()
		if x.Text() != y.Text() {
			t.Fatalf("article %d differs between two generators with the same seed", i)
		}
		seen[x.Body] = true
		words += len(strings.Fields(x.Body))
		if !strings.HasPrefix(x.Text(), "Title: ") || !strings.Contains(x.Text(), "\nDate: ") {
			t.Fatalf("article %d lacks its header: %q", i, x.Text()[:60])
		}
		var rec map[string]string
		if err := json.Unmarshal(x.JSON(), &rec); err != nil || rec["text"] != x.Body || rec["url"] == "" {
			t.Fatalf("article %d JSON record: %v %v", i, rec, err)
		}
	}
	if len(seen) != 200 {
		t.Errorf("%d distinct bodies of 200", len(seen))
	}
	if avg := words / 200; avg < 150 || avg > 800 {
		t.Errorf("average article length %d words, want a news-like 150–800", avg)
	}
	if New(8).Next().Body == New(7).Next().Body {
		t.Errorf("different seeds gave the same first article")
	}
}
