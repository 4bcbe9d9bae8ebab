package article

import (
	"strings"
	"testing"
)

func TestMarkdown(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string // paragraphs
		title    string
	}{
		{"atx headings", "# Title #\n\n## Sub\n\n####### not a heading", []string{"Title", "Sub", "####### not a heading"}, "Title"},
		{"hashtag is text", "#news is not a heading", []string{"#news is not a heading"}, ""},
		{"setext headings", "Big title\n===\n\nSmall title\n---\nText.", []string{"Big title", "Small title", "Text."}, "Big title"},
		{"title only from a first h1", "Intro.\n\n# Later heading", []string{"Intro.", "Later heading"}, ""},
		{"emphasis", "**bold**, __strong__, *em*, _em_, ***both***", []string{"bold, strong, em, em, both"}, ""},
		{"intraword", "snake_case_name, un**believ**able, 5*3 and 2 * 4", []string{"snake_case_name, unbelievable, 5*3 and 2 * 4"}, ""},
		{"strikethrough", "~~gone~~ words, a ~ tilde", []string{"gone words, a ~ tilde"}, ""},
		{"links", "See [the report](http://x.example/r \"Report (PDF)\") now.", []string{"See the report now."}, ""},
		{"nested link text", "[**bold** link](u) and [a [nested] text](v)", []string{"bold link and a [nested] text"}, ""},
		{"reference links", "A [full][ref], a [collapsed][] and a [shortcut].\n\n[ref]: http://x\n[collapsed]: http://y\n[Shortcut]: <http://z>", []string{"A full, a collapsed and a shortcut."}, ""},
		{"undefined reference stays", "An [undefined][nowhere] label and [brackets].", []string{"An [undefined][nowhere] label and [brackets]."}, ""},
		{"images dropped", "Before ![alt text](pic.png \"t\") after ![ref image][ref].\n\n[ref]: pic.png", []string{"Before after ."}, ""},
		{"image inside link", "[![badge](b.svg) Build](http://ci)", []string{"Build"}, ""},
		{"code", "Run `go test` or ``a ` b``.\n\n```go\nfunc main() {}\n```\n\n~~~\nplain\n~~~", []string{"Run go test or a ` b.", "func main() {}", "plain"}, ""},
		{"unclosed fence keeps text", "```\ncode line", []string{"code line"}, ""},
		{"autolinks", "Mail <news@example.org> or visit <https://example.org/a>.", []string{"Mail news@example.org or visit https://example.org/a."}, ""},
		{"html tags and comments", "Hot <em>news</em> today<br>and <!-- hidden --> more.\n\n<!--\nA comment\nover lines\n-->\nAfter.", []string{"Hot news today\nand more.", "After."}, ""},
		{"not a tag", "If a < b and c > d then <not a tag>.", []string{"If a < b and c > d then <not a tag>."}, ""},
		{"entities and escapes", "Fish &amp; chips \\*not em\\* &unknown; &#169;", []string{"Fish & chips *not em* &unknown; ©"}, ""},
		{"lists", "- one\n- two\n  continued\n* [x] done\n1. first\n2) second", []string{"one", "two continued", "done", "first", "second"}, ""},
		{"numbers in text are not lists", "The year\n2024. was odd.\n\n-5 degrees and +3 points.", []string{"The year 2024. was odd.", "-5 degrees and +3 points."}, ""},
		{"quotes", "> Quoted line\n> goes on.\n>> Deeper.\n\nPlain.", []string{"Quoted line goes on.", "Deeper.", "Plain."}, ""},
		{"rules", "Above.\n\n***\n\n- - -\n\n___\nBelow.", []string{"Above.", "Below."}, ""},
		{"hard breaks", "Line one  \nline two\\\nline three\nsoft.", []string{"Line one\nline two\nline three soft."}, ""},
		{"tables", "| City | Temp |\n|:-----|-----:|\n| Oslo | 12 |\n| Rome \\| Lazio | 25 |\n\nAfter.", []string{"City\tTemp\nOslo\t12\nRome | Lazio\t25", "After."}, ""},
		{"table without outer pipes", "City | Temp\n--- | ---\nOslo | 12", []string{"City\tTemp\nOslo\t12"}, ""},
		{"footnotes", "Claim.[^1]\n\n[^1]: The source.", []string{"Claim.", "The source."}, ""},
		{"unbalanced brackets", "[[[ a ] b", []string{"[[[ a ] b"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, title := markdownParagraphs(tt.in)
			if strings.Join(got, "\u00b6") != strings.Join(tt.want, "\u00b6") {
				t.Errorf("paragraphs\n got %q\nwant %q", got, tt.want)
			}
			if title != tt.title {
				t.Errorf("title %q, want %q", title, tt.title)
			}
		})
	}
}

func TestFrontMatter(t *testing.T) {
	tests := []struct {
		name, in    string
		title, body string
		found       bool
	}{
		{"quoted", "---\ntitle: 'Quoted: yes'\ndate: 2025-06-14\nlayout: post\n---\nBody.", "Quoted: yes", "Body.", true},
		{"dots close", "---\nTitle: Plain\n...\nBody.", "Plain", "Body.", true},
		{"never closed", "---\ntitle: x\nBody.", "", "---\ntitle: x\nBody.", false},
		{"no front matter", "Body.\n---\n", "", "Body.\n---\n", false},
	}
	for _, tt := range tests {
		h, body, found := splitFrontMatter(tt.in)
		if h.title != tt.title || body != tt.body || found != tt.found {
			t.Errorf("%s: got %q %q %v, want %q %q %v", tt.name, h.title, body, found, tt.title, tt.body, tt.found)
		}
	}
}

func TestHeader(t *testing.T) {
	tests := []struct {
		name, in string
		want     header
		body     string
		found    bool
	}{
		{"all keys, any case", "TITLE: T\ndate: D\nUrl: U\nsource: S\n\nBody.", header{"T", "D", "U", "S"}, "\nBody.", true},
		{"unknown keys ignored", "Title: T\nAuthor: A\n\nBody.", header{title: "T"}, "\nBody.", true},
		{"leading blank lines", "\n\nTitle: T\n\nBody.", header{title: "T"}, "\nBody.", true},
		{"no known key", "Author: A\n\nBody.", header{}, "Author: A\n\nBody.", false},
		{"not key-value", "Title: T\nThis is text.\n\nBody.", header{}, "Title: T\nThis is text.\n\nBody.", false},
		{"empty value", "Title:\nDate: D\n\nBody.", header{date: "D"}, "\nBody.", true},
	}
	for _, tt := range tests {
		h, body, found := splitHeader(tt.in)
		if h != tt.want || body != tt.body || found != tt.found {
			t.Errorf("%s: got %+v %q %v, want %+v %q %v", tt.name, h, body, found, tt.want, tt.body, tt.found)
		}
	}
}
