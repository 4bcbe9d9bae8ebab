package gazetteer

import (
	"io/fs"
	"strings"
	"testing"
)

var benchNames = []string{
	"U.S.", "the United States", "Russia", "Türkiye", "Moscow", "the Kremlin", "NATO",
	"United Nations Security Council", "Atlantis", "us", "Guinea-Bissau", "Downing Street",
}

// BenchmarkLookup looks up names, most of them found; ns/op is per name.
func BenchmarkLookup(b *testing.B) {
	g := Default()
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		g.Lookup(benchNames[i%len(benchNames)])
	}
}

// benchTokens is a sentence as the tokenizer cuts it.
var benchTokens = strings.Fields("Kremlin foreign policy aide Yuri Ushakov told reporters on Saturday " +
	"that the U.S . - led talks with UN Secretary - General Antonio Guterres and Russian officials in " +
	"Guinea - Bissau had been postponed , and Downing Street said the United Kingdom would attend .")

// BenchmarkMatch scans a sentence for names, trying Match at every token
// as an entity stage would; ns/op is per token.
func BenchmarkMatch(b *testing.B) {
	g := Default()
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		g.Match(benchTokens[i%len(benchTokens):])
	}
}

// BenchmarkMatchTitle tries MatchTitle at every token of a sentence; ns/op
// is per token.
func BenchmarkMatchTitle(b *testing.B) {
	g := Default()
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		g.MatchTitle(benchTokens[i%len(benchTokens):])
	}
}

// BenchmarkLoad loads the embedded data, what Default costs once.
func BenchmarkLoad(b *testing.B) {
	sub, err := fs.Sub(embedded, "data")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(sub); err != nil {
			b.Fatal(err)
		}
	}
}
