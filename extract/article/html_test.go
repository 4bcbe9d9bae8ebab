package article

import (
	"strings"
	"testing"
)

func TestHTMLContent(t *testing.T) {
	p := func(s string) string { return "<p>" + s + "</p>" }
	long := "This paragraph of the story is long enough to count as article text."
	tests := []struct {
		name string
		in   string
		text string
	}{
		{"strong class removed",
			`<body><div class="social-share">` + p("Share this on every network you know of, please.") + `</div>` + p(long) + `</body>`,
			long},
		{"camelCase and id",
			`<body><div id="cookieBanner">` + p("Cookies keep this site running; accept them now.") + `</div>` + p(long) + `</body>`,
			long},
		{"class words, not substrings",
			`<body><div class="shadow commentary">` + p(long) + `</div></body>`,
			long},
		{"page-wide classes do not remove the page",
			`<body class="has-sidebar comments-open"><div class="page has-sidebar">` + p(long) + p(long) + `</div></body>`,
			long + "\n\n" + long},
		{"form wrapping the page stays",
			`<body><form id="aspnetForm"><div>` + p(long) + `</div></form></body>`,
			long},
		{"small form goes",
			`<body>` + p(long) + `<form>` + p("Sign up now") + `</form></body>`,
			long},
		{"nav always goes",
			`<body><nav>` + p(long) + p(long) + `</nav>` + p("Short text.") + `</body>`,
			"Short text."},
		{"comments section bigger than the story",
			`<body><article>` + p(long) + `</article><section id="comments">` + strings.Repeat(p("A reader's comment that goes on and on about the story."), 5) + `</section></body>`,
			long},
		{"the article with most text",
			`<body><article>` + p("Teaser of another story.") + `</article><article><h2>Main</h2>` + p(long) + p(long) + `</article></body>`,
			"Main\n\n" + long + "\n\n" + long},
		{"articleBody first",
			`<body><article><div class="standfirst">` + p("Standfirst.") + `</div><div itemprop="articleBody">` + p(long) + p(long) + `</div></article></body>`,
			long + "\n\n" + long},
		{"descent to the main column",
			`<body><div id="wrap"><div id="col">` + p(long) + p(long) + p(long) + p(long) + `</div><div id="other">` + p("Weather: sunny.") + `</div></div></body>`,
			strings.Repeat(long+"\n\n", 3) + long},
		{"no descent into split containers",
			`<body><div><div class="block">` + p(long) + `</div><div class="block">` + p(long) + `</div></div></body>`,
			long + "\n\n" + long},
		{"pages without paragraphs",
			`<body><div class="menu"><a>Home</a></div><div class="story">First line of text.<br>Second line of text that is longer.</div></body>`,
			"First line of text.\nSecond line of text that is longer."},
		{"scripts in the content",
			`<body><article>` + p(long) + `<script>var s = "script text";</script><noscript>Enable scripts.</noscript><style>p{}</style></article></body>`,
			long},
		{"inline elements join words",
			`<body><p>Hel<b>lo</b> <i>there</i>,<span> friend</span>.</p></body>`,
			"Hello there, friend."},
		{"json-ld body as last resort",
			`<head><script type="application/ld+json">{"@type":"NewsArticle","articleBody":"Body from JSON-LD.\n\nSecond."}</script></head><body><nav>Home</nav></body>`,
			"Body from JSON-LD.\n\nSecond."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := readHTML(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if a.Text != tt.text {
				t.Errorf("text\n got %q\nwant %q", a.Text, tt.text)
			}
		})
	}
}

func TestHTMLMetadata(t *testing.T) {
	body := "<body><p>Some article text to read.</p></body>"
	tests := []struct {
		name, head                  string
		title, date, url, publisher string
	}{
		{"og beats the rest",
			`<title>T | Site</title><meta property="og:title" content="OG"><meta property="og:site_name" content="Site">` +
				`<meta property="og:url" content="https://a/og"><link rel="canonical" href="https://a/c">`,
			"OG", "", "https://a/og", "Site"},
		{"title without the site name",
			`<title>Storm hits coast – Daily Example</title><meta property="og:site_name" content="Daily Example">`,
			"Storm hits coast", "", "", "Daily Example"},
		{"title kept when the site differs",
			`<title>Storm hits coast | Other</title><meta property="og:site_name" content="Daily Example">`,
			"Storm hits coast | Other", "", "", "Daily Example"},
		{"canonical link", `<link rel="Canonical" href=" https://a/c ">`, "", "", "https://a/c", ""},
		{"meta name date", `<meta name="date" content="2025-06-14">`, "", "2025-06-14", "", ""},
		{"itemprop date", `<meta itemprop="datePublished" content="2025-06-13"><meta name="date" content="2025-06-14">`, "", "2025-06-13", "", ""},
		{"published_time first", `<meta name="date" content="2025-06-14"><meta property="article:published_time" content="2025-06-12">`, "", "2025-06-12", "", ""},
		{"json-ld in an array", `<script type="application/ld+json">[{"@type":"Organization","name":"O"},{"@type":"http://schema.org/ReportageNewsArticle","headline":"LD","datePublished":"2025-06-11","url":"https://a/ld","publisher":"Pub"}]</script>`,
			"LD", "2025-06-11", "https://a/ld", "Pub"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := readHTML("<html><head>" + tt.head + "</head>" + body + "</html>")
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != tt.title || a.RawDate != tt.date || a.URL != tt.url || a.Publisher != tt.publisher {
				t.Errorf("got title %q date %q url %q publisher %q", a.Title, a.RawDate, a.URL, a.Publisher)
			}
		})
	}
}

func TestHTMLTimeInArticle(t *testing.T) {
	in := `<body><aside><time datetime="2020-01-01">old</time></aside>` +
		`<div class="promo"><article><time datetime="2021-01-01">teaser</time><p>Teaser.</p></article></div>` +
		`<article><header><time datetime="2025-06-14">today</time></header><p>The story that matters here, with more text than the rest.</p></article></body>`
	a, err := readHTML(in)
	if err != nil {
		t.Fatal(err)
	}
	if a.RawDate != "2025-06-14" {
		t.Errorf("date %q, want the one in the main article", a.RawDate)
	}
}

// TestDeepHTML feeds pages nested far deeper than the parser allows: they
// are read flat, with a warning, and nothing overflows.
func TestDeepHTML(t *testing.T) {
	tests := []struct {
		name     string
		depth    int
		open     string
		close    string
		warnings int
	}{
		{"within the parser's limit", 400, "<div>", "</div>", 0},
		{"divs", 100000, "<div>", "</div>", 1},
		{"unclosed spans", 100000, "<span>", "", 1},
		{"tables", 20000, "<table><tr><td>", "</td></tr></table>", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := "<html><head><title>Deep page</title></head><body><nav>Menu</nav>" +
				strings.Repeat(tt.open, tt.depth) + "<p>Text at the bottom.</p>" + strings.Repeat(tt.close, tt.depth) +
				"<p>Text after.</p></body></html>"
			arts, errs := read("deep.html", []byte(in), formatHTML)
			if len(errs) != 0 || len(arts) != 1 {
				t.Fatalf("got %d articles, errors %v", len(arts), errs)
			}
			a := arts[0]
			if want := "Deep page\n\nText at the bottom.\n\nText after."; a.Text != want {
				t.Errorf("text %q, want %q", a.Text, want)
			}
			if len(a.Warnings) != tt.warnings {
				t.Errorf("warnings %q, want %d", a.Warnings, tt.warnings)
			}
			checkInvariants(t, a)
		})
	}
}

func TestNameParts(t *testing.T) {
	got := strings.Join(nameParts("share-buttons  cookieBanner ad_slot2 X"), ",")
	if want := "share,buttons,cookie,banner,ad,slot2,x"; got != want {
		t.Errorf("nameParts = %q, want %q", got, want)
	}
}
