package rdf

import (
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
)

func TestCleanIRI(t *testing.T) {
	for _, tt := range []struct {
		in, want string
		err      string // a substring of the error, if one is expected
	}{
		{in: "https://example.org/newsgraph/entity/vladimir-putin", want: "https://example.org/newsgraph/entity/vladimir-putin"},
		{in: "https://example.org/a?b=c&d=e#frag", want: "https://example.org/a?b=c&d=e#frag"},
		{in: "urn:isbn:0451450523", want: "urn:isbn:0451450523"},
		{in: "http://[::1]:8080/x", want: "http://[::1]:8080/x"},
		{in: "https://example.org/entity/владимир-путин", want: "https://example.org/entity/владимир-путин"},
		{in: "https://example.org/😀", want: "https://example.org/😀"},
		{in: "https://example.org/a%20b", want: "https://example.org/a%20b"},
		{in: "https://example.org/a b", want: "https://example.org/a%20b"},
		{in: `https://example.org/"quoted"`, want: "https://example.org/%22quoted%22"},
		{in: "https://example.org/<tag>", want: "https://example.org/%3Ctag%3E"},
		{in: "https://example.org/{a}|b^c`d\\e", want: "https://example.org/%7Ba%7D%7Cb%5Ec%60d%5Ce"},
		{in: "https://example.org/line\nbreak\ttab\x00nul\x7F", want: "https://example.org/line%0Abreak%09tab%00nul%7F"},
		{in: "https://example.org/100%", want: "https://example.org/100%25"},
		{in: "https://example.org/%zz", want: "https://example.org/%25zz"},
		{in: "https://example.org/a#b#c", want: "https://example.org/a#b%23c"},
		{in: "https://example.org/a[1]", want: "https://example.org/a%5B1%5D"},
		{in: "https://example.org/\u202Egnp.exe", want: "https://example.org/%E2%80%AEgnp.exe"},
		{in: "https://example.org/\uE000", want: "https://example.org/%EE%80%80"},
		{in: "https://example.org/\u0085", want: "https://example.org/%C2%85"},
		{in: "https://example.org/\xff", want: "https://example.org/%FF"},
		{in: "entity/putin", err: "not absolute"},
		{in: "", err: "not absolute"},
		{in: "1http://x", err: "not absolute"},
		{in: ":x", err: "not absolute"},
		{in: "a b:c", err: "not absolute"},
	} {
		got, err := CleanIRI(tt.in)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) || !strings.Contains(err.Error(), tt.in) {
				t.Errorf("CleanIRI(%q) = %q, %v; want an error naming it, with %q", tt.in, got, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("CleanIRI(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
		if again, _ := CleanIRI(got); again != got {
			t.Errorf("CleanIRI(%q) changed the clean %q again: %q", tt.in, got, again)
		}
	}
}

func TestValidLocal(t *testing.T) {
	for _, tt := range []struct {
		s    string
		want bool
	}{
		{"", true},
		{"vladimir-putin", true},
		{"владимир", true},
		{"a.b", true},
		{"a%20b", true},
		{"3rd", true},
		{":a:", true},
		{"_x", true},
		{"a.", false},
		{".a", false},
		{"-a", false},
		{"a/b", false},
		{"a#s3", false},
		{"a%2", false},
		{"a b", false},
		{"a~b", false},
		{"😀", true},
	} {
		if got := validLocal(tt.s); got != tt.want {
			t.Errorf("validLocal(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}

func TestBlankLabel(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"stmt1", "stmt1"},
		{"a3-stmt.1", "a3-stmt.1"},
		{"0abc", "0abc"},
		{"ünï", "ünï"},
		{"a b", "x612062"},
		{"a.", "x612e"},
		{"-a", "x2d61"},
		{"\xff", "xff"},
	} {
		if got := blankLabel(quad.BNode(tt.in)); got != tt.want {
			t.Errorf("blankLabel(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestValidLang(t *testing.T) {
	for _, tt := range []struct {
		s    string
		want bool
	}{
		{"en", true}, {"en-GB", true}, {"zh-Hant-TW", true}, {"de-1996", true}, {"x-private-1", true},
		{"", false}, {"en_GB", false}, {"en-", false}, {"-en", false}, {"1en", false}, {"en GB", false}, {"é", false},
	} {
		if got := validLang(tt.s); got != tt.want {
			t.Errorf("validLang(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}

func TestAppendQuoted(t *testing.T) {
	in := "say \"hi\"\\ now\n\r\t\b\f\x00\x01\x1f\x7f é 😀 שלום"
	want := `"say \"hi\"\\ now\n\r\t\b\f\u0000\u0001\u001F\u007F é 😀 שלום"`
	if got := string(appendQuoted(nil, in)); got != want {
		t.Errorf("appendQuoted = %s, want %s", got, want)
	}
}

func TestLiteralOf(t *testing.T) {
	for _, tt := range []struct {
		v    quad.Value
		want literal
		err  string
	}{
		{quad.String("a\xffb"), literal{lex: "a\uFFFDb"}, ""},
		{quad.LangString{Value: "colour", Lang: "en-GB"}, literal{lex: "colour", lang: "en-GB"}, ""},
		{quad.TypedString{Value: "x", Type: xsdString}, literal{lex: "x"}, ""},
		{quad.TypedString{Value: "7", Type: "http://www.w3.org/2001/XMLSchema#integer"}, literal{lex: "7", datatype: "http://www.w3.org/2001/XMLSchema#integer"}, ""},
		{quad.TypedString{Value: "x", Type: "https://example.org/my type"}, literal{lex: "x", datatype: "https://example.org/my%20type"}, ""},
		{quad.LangString{Value: "x", Lang: "en GB"}, literal{}, `invalid language tag "en GB"`},
		{quad.TypedString{Value: "x", Type: "integer"}, literal{}, "not absolute"},
		{quad.Int(7), literal{}, "quad.Int"},
	} {
		got, err := literalOf(tt.v)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("literalOf(%#v) = %v; want an error with %q", tt.v, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("literalOf(%#v) = %+v, %v; want %+v", tt.v, got, err, tt.want)
		}
	}
}

func TestNewPrefixes(t *testing.T) {
	p, err := NewPrefixes("")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ iri, want string }{
		{"https://example.org/newsgraph/entity/vladimir-putin", "entity:vladimir-putin"},
		{"https://example.org/newsgraph/ns#confidence", "ns:confidence"},
		{"https://example.org/newsgraph/article/0a1b", "article:0a1b"},
		{"https://example.org/newsgraph/article/0a1b#s3", "article:0a1b#s3"},
		{"http://www.w3.org/1999/02/22-rdf-syntax-ns#type", "rdf:type"},
		{"https://schema.org/", "schema:"},
		{"https://example.org/newsgraph/other", "https://example.org/newsgraph/other"},
	} {
		if got := p.Short(tt.iri); got != tt.want {
			t.Errorf("Short(%s) = %s, want %s", tt.iri, got, tt.want)
		}
	}
	if p.List()[0].Name != "rdf" || len(p.List()) != 11 {
		t.Errorf("List() = %v", p.List())
	}
	other, err := NewPrefixes("https://news.example.com/kg#")
	if err != nil || other.Short("https://news.example.com/kg#entity/x") != "entity:x" {
		t.Errorf("NewPrefixes with a # base: %v, %v", other.List(), err)
	}
	for _, bad := range []string{"relative/", "https://example.org/a b/"} {
		if _, err := NewPrefixes(bad); err == nil {
			t.Errorf("NewPrefixes(%q) accepted an invalid base", bad)
		}
	}
}
