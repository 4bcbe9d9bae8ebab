package tokenize

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/conllu"
	"github.com/newsgraph/newsgraph/extract/udeval"
)

// render shows tokens as their forms separated by spaces, with the words
// of a multi-word token joined by "+".
func render(text string, toks []extract.Token) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			if t.MultiWord != 0 && toks[i-1].MultiWord == t.MultiWord {
				b.WriteByte('+')
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString(text[t.Start:t.End])
	}
	return b.String()
}

func TestTokenize(t *testing.T) {
	tests := []struct{ in, want string }{
		// Clitics and contractions.
		{"I don't know.", "I do+n't know ."},
		{"She can't, won't and cannot go.", "She ca+n't , wo+n't and can+not go ."},
		{"I'm sure you're right; they'll see we've won.", "I+'m sure you+'re right ; they+'ll see we+'ve won ."},
		{"Bush's plan and the parents' fears", "Bush+'s plan and the parents+' fears"},
		{"It’s Mary’s book and we didn’t read it", "It+’s Mary+’s book and we did+n’t read it"},
		{"gonna wanna gotta dunno", "gon+na wan+na got+ta du+n+no"},
		{"i dont know why im here", "i do+nt know why i+m here"},
		{"the 80's and the '90s", "the 80's and the '90s"},
		{"its a shame about its roof", "it+s a shame about its roof"},
		{"O'Brien met Sha'lan o'clock", "O'Brien met Sha'lan o'clock"},
		// Hyphens.
		{"a 50-minute e-mail on the Israel-Iran re-elect non-violent plan",
			"a 50 - minute e-mail on the Israel - Iran re-elect non-violent plan"},
		{"a well-known 25-year-old anti-war co-worker", "a well - known 25 - year - old anti-war co-worker"},
		{"wait -- what?", "wait -- what ?"},
		{"call 713-853-3989 or 646-8420, ZIP 77030-2707, scores 20-25", "call 713-853-3989 or 646-8420 , ZIP 77030-2707 , scores 20 - 25"},
		// Numbers, money, units, times, dates.
		{"It cost $5, or 3.5% of $1,000.00 at 10:30.", "It cost $ 5 , or 3.5 % of $ 1,000.00 at 10:30 ."},
		{"at 10am, $10m and 20minutes, the 2nd of 1990s", "at 10 am , $ 10 m and 20 minutes , the 2nd of 1990s"},
		{"on 11/28/2000 and 9/11 but 1/2 cup, 24/7", "on 11/28/2000 and 9/11 but 1 / 2 cup , 24 / 7"},
		{"and/or he/she w/o", "and / or he / she w/o"},
		// Abbreviations.
		{"Mr. Smith of the U.S. met Dr. Jones Jr. at 5 p.m. on Jan. 5.", "Mr. Smith of the U.S. met Dr. Jones Jr. at 5 p.m. on Jan. 5 ."},
		{"Acme Inc. lost apples, pears, etc. The end.", "Acme Inc. lost apples , pears , etc . The end ."},
		{"George W. Bush, i.e. him", "George W. Bush , i.e. him"},
		{"No. 5 and no.", "No. 5 and no ."},
		{"I came home. I slept.", "I came home . I slept ."},
		{"He moved to the U.S.", "He moved to the U.S ."},
		{"Dr.Smith and P.O.Box 5", "Dr. Smith and P.O. Box 5"},
		{"sushi.They left", "sushi . They left"},
		// Quotes and brackets.
		{`He said "no" (twice) [sic] {ok}`, `He said " no " ( twice ) [ sic ] { ok }`},
		{"“Yes,” she said, ‘maybe’.", "“ Yes , ” she said , ‘ maybe ’ ."},
		{"'Hello', said the 'best friends'", "' Hello ' , said the ' best friends '"},
		{"``quoted''", "`` quoted ''"},
		// Runs of punctuation, ellipses, emoticons.
		{"Wait... what?! No!!! Well…", "Wait ... what ?! No !!! Well …"},
		{"so what...? great :) sad:( :D", "so what ... ? great :) sad :( :D"},
		{"<< Forwarded >> ***", "<< Forwarded >> ***"},
		// URLs, e-mail addresses, file names, user names.
		{"See http://www.example.com/a-b?x=1&y=2. Mail me at john.doe@example.org, or see www.foo-bar.com!",
			"See http://www.example.com/a-b?x=1&y=2 . Mail me at john.doe@example.org , or see www.foo-bar.com !"},
		{"Open ETA_revision0307.doc or report-final.xls and ping @newsgraph #nlp",
			"Open ETA_revision0307.doc or report-final.xls and ping @newsgraph #nlp"},
		{"AT&T and PG&E", "AT&T and PG&E"},
		// Unicode spaces, dashes, marks.
		{"A\u00a0B\u2003C\u200bD", "A B C D"},
		{"x—y – z", "x — y – z"},
		{"café naïve basic\u00adally", "café naïve basic\u00adally"},
		// Degenerate input.
		{"", ""},
		{"   \n\t ", ""},
		{"'", "'"},
		{"...", "..."},
		{"-", "-"},
	}
	tok := New()
	for _, tt := range tests {
		text := tt.in
		toks := tok.Tokenize(text)
		checkTokens(t, text, toks)
		if got := render(text, toks); got != tt.want {
			t.Errorf("Tokenize(%q)\n got %q\nwant %q", text, got, tt.want)
		}
	}
}

func TestZeroValue(t *testing.T) {
	var tok Tokenizer
	if got := render("don't", tok.Tokenize("don't")); got != "do+n't" {
		t.Errorf("zero Tokenizer: got %q", got)
	}
}

func TestSpaceAfterAndMultiWord(t *testing.T) {
	text := "I don't (know)."
	toks := New().Tokenize(text)
	type tk struct {
		form  string
		space bool
		multi bool
	}
	want := []tk{{"I", true, false}, {"do", false, true}, {"n't", true, true}, {"(", false, false},
		{"know", false, false}, {")", false, false}, {".", false, false}}
	if len(toks) != len(want) {
		t.Fatalf("got %d tokens, want %d: %s", len(toks), len(want), render(text, toks))
	}
	for i, w := range want {
		got := tk{text[toks[i].Start:toks[i].End], toks[i].SpaceAfter, toks[i].MultiWord != 0}
		if got != w {
			t.Errorf("token %d: got %+v, want %+v", i, got, w)
		}
	}
	if toks[1].MultiWord != toks[2].MultiWord {
		t.Errorf("do and n't have different MultiWord numbers %d, %d", toks[1].MultiWord, toks[2].MultiWord)
	}
}

// tricky are strings that exercise the scanner's corners, for the
// invariant and fuzz tests.
var tricky = []string{
	"", " ", "\x00", "\xff\xfe", "a\xffb", "\xe2\x80", "'''", "\"\"\"", "''a''", "‘’‘’", "``", "´",
	"....", "?!?!", "-a-", "--", "a--b", "a-", "-a", "1-", "-1", "+1", "+", "$", "$$5", "#", "#a", "@", "@a",
	"a@", "@@", "a.b.", ".a", ". a", "a.", "U.S.", "U.S.A.", "e.g.", "etc..", "etc...", "Mr.", "Mr..", "Mr.A",
	"No.", "No. 1", "I.", "A.", "'s", "'S", "s'", "''s", "n't", "don't'", "'don't'", "can't've", "y'all",
	"http://", "http://a", "www.", "mailto:", "a://b", "x.doc", ".doc", "a/b/c", "1/2/3/4/5", "1-2-3-4",
	"12/31", "13/32", ":)", ":):)", "(:", "a:)", ":-)))", "<3", "<<<>>>", "a(b)c", "(((a)))", "[a]", "{a}",
	"“a”", "«a»", "a…", "…a", "a\u00a0b", "a\u2028b", "a\u200bb", "\ufeffa", "\u00ad", "a\u00ad", "\u0301a",
	"é", "日本語のテキスト", "😀😀", "a😀b", "١٢٣", "½", "x²", "\x1b[31mred\x1b[0m", "a\tb\nc\rd\fe\vf",
	"5'11\"", "1,000,000", "1,", ",1", "1.", "1..2", "10:30:15", "10:", ":10", "3.5%", "100%%", "2nd", "10am",
	"10AM", "10x", "1e5", "0x1F", "a&b", "&", "a_b_", "_", "a*b*", "*", "~", "^_^", "-_-", "a|b", "\\",
	"Ph.D.", "p.m.?", "T.V.?!", "end.", "end..", "end...?", "yes!!!?", "'90s", "'9", "'999", "'em", "'cause",
	strings.Repeat("a", 100), strings.Repeat("-", 100), strings.Repeat(".", 100), strings.Repeat("'", 100),
}

func TestInvariantsOnTrickyStrings(t *testing.T) {
	tok := New()
	for _, s := range tricky {
		for _, text := range []string{s, " " + s + " ", "(" + s + ")", s + ".", "x " + s + " y.", s + s} {
			checkTokens(t, text, tok.Tokenize(text))
		}
	}
}

// checkTokens checks what every tokenization must satisfy: tokens are
// non-empty, in order, do not overlap, lie inside the text, contain no
// white space, cover all non-space text, and the words of a multi-word
// token are adjacent.
func checkTokens(t *testing.T, text string, toks []extract.Token) {
	t.Helper()
	prev := 0
	for i, tk := range toks {
		if tk.Start < prev || tk.End <= tk.Start || tk.End > len(text) {
			t.Fatalf("%q: token %d has bad offsets [%d,%d) after %d", text, i, tk.Start, tk.End, prev)
		}
		gap := text[prev:tk.Start]
		if strings.TrimFunc(gap, isSpace) != "" {
			t.Fatalf("%q: text %q before token %d is not in any token", text, gap, i)
		}
		form := text[tk.Start:tk.End]
		if strings.IndexFunc(form, unicode.IsSpace) >= 0 {
			t.Fatalf("%q: token %d %q contains white space", text, i, form)
		}
		if tk.MultiWord != 0 && i > 0 && toks[i-1].MultiWord == tk.MultiWord && toks[i-1].End != tk.Start {
			t.Fatalf("%q: words of multi-word token %d are not adjacent", text, tk.MultiWord)
		}
		wantSpace := tk.End < len(text) && tk.End != nextStart(toks, i) && isSpaceAt(text, tk.End)
		if tk.SpaceAfter != wantSpace {
			t.Fatalf("%q: token %d %q has SpaceAfter %v", text, i, form, tk.SpaceAfter)
		}
		prev = tk.End
	}
	if rest := text[prev:]; strings.TrimFunc(rest, isSpace) != "" {
		t.Fatalf("%q: trailing text %q is not in any token", text, rest)
	}
}

func nextStart(toks []extract.Token, i int) int {
	if i+1 < len(toks) {
		return toks[i+1].Start
	}
	return -1
}

func isSpaceAt(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return isSpace(r)
}

func TestProcess(t *testing.T) {
	doc := &extract.Document{Text: "Hello, world.", Sentences: []extract.Sentence{{First: 0, Last: 1}}}
	if err := New().Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if got := render(doc.Text, doc.Tokens); got != "Hello , world ." {
		t.Errorf("got %q", got)
	}
	if doc.Sentences != nil {
		t.Errorf("Process kept stale sentences %v", doc.Sentences)
	}
}

func TestProcessLargeMatchesTokenize(t *testing.T) {
	// Process works in pieces; the result must not depend on where they end.
	text := strings.Repeat("He said: \"Mr. Smith's U.S. e-mail isn't 3.5% of $1,000.\"\n\nWait... ", 4000)
	doc := &extract.Document{Text: text}
	if err := New().Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	want := New().Tokenize(text)
	if len(doc.Tokens) != len(want) {
		t.Fatalf("Process: %d tokens, Tokenize: %d", len(doc.Tokens), len(want))
	}
	for i := range want {
		if doc.Tokens[i] != want[i] {
			t.Fatalf("token %d: Process %+v, Tokenize %+v", i, doc.Tokens[i], want[i])
		}
	}
}

func TestProcessRejects(t *testing.T) {
	tests := []struct {
		name, text, want string
		binary           bool
	}{
		{"invalid UTF-8", "fine\nso far \xff here", "offset 12 (line 2, column 8)", false},
		{"truncated rune", "abc\xe2\x80", "offset 3 (line 1, column 4)", false},
		{"NUL", "abc\x00def", "NUL byte at offset 3", true},
		{"binary", strings.Repeat("\x01\x02\x03abc", 100), "control characters", true},
	}
	for _, tt := range tests {
		doc := &extract.Document{Text: tt.text}
		err := New().Process(context.Background(), doc)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: got error %v, want one containing %q", tt.name, err, tt.want)
			continue
		}
		if errors.Is(err, ErrBinary) != tt.binary {
			t.Errorf("%s: errors.Is(err, ErrBinary) = %v", tt.name, !tt.binary)
		}
	}
	// A few control characters are fine.
	if err := Check("page one\fpage two\x1b[0m"); err != nil {
		t.Errorf("Check rejected text with a form feed: %v", err)
	}
}

func TestProcessCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	doc := &extract.Document{Text: "some text"}
	if err := New().Process(ctx, doc); !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, want context.Canceled", err)
	}
}

// TestHugeChunks tokenizes 5 MB lines without white space, built from
// patterns that make a careless scanner look back or ahead without bound:
// a quadratic scanner would not finish. Patterns that make millions of
// tokens use 1 MB, as the tokens take a hundred times the text's memory.
func TestHugeChunks(t *testing.T) {
	tok := New()
	tests := []struct {
		unit string
		size int
	}{
		{"a", 5 << 20}, {"1-", 5 << 20}, {"1/", 5 << 20}, {"a.", 5 << 20}, {"'", 5 << 20},
		{"a'", 5 << 20}, {"(", 5 << 20}, {".", 5 << 20}, {"-", 5 << 20}, {"é", 5 << 20},
		{"a.b@", 5 << 20}, {"1,", 5 << 20}, {"a-", 1 << 20}, {"\xff", 1 << 20}, {"$1,", 1 << 20},
		{"a)", 1 << 20},
	}
	for _, tt := range tests {
		if testing.Short() {
			tt.size /= 16
		}
		text := strings.Repeat(tt.unit, tt.size/len(tt.unit))
		toks := tok.Tokenize(text)
		if len(toks) == 0 {
			t.Fatalf("%q: no tokens", tt.unit)
		}
		if toks[0].Start != 0 || toks[len(toks)-1].End != len(text) {
			t.Errorf("%q: tokens cover [%d,%d) of %d bytes", tt.unit, toks[0].Start, toks[len(toks)-1].End, len(text))
		}
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range tricky {
		f.Add(s)
	}
	tok := New()
	f.Fuzz(func(t *testing.T, text string) {
		checkTokens(t, text, tok.Tokenize(text))
	})
}

// ewtDir is where the UD English-EWT treebank is, relative to this package.
const ewtDir = "../../../shared/data/ud-ewt"

func readEWT(tb testing.TB, part string) []conllu.Sentence {
	tb.Helper()
	path := filepath.Join(ewtDir, "en_ewt-ud-"+part+".conllu")
	if _, err := os.Stat(path); err != nil {
		tb.Skipf("UD English-EWT not available (%v); it is expected in %s", err, ewtDir)
	}
	sents, err := conllu.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return sents
}

// rawText lays gold sentences out as the evaluation does (see
// segment.RawText, which this package cannot import).
func rawText(sents []conllu.Sentence) string {
	var b strings.Builder
	for i, s := range sents {
		if i > 0 {
			if s.NewPar || s.NewDoc {
				b.WriteString("\n\n")
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString(s.Text)
	}
	return b.String()
}

func TestEWTDevTokens(t *testing.T) {
	gold := readEWT(t, "dev")
	text := rawText(gold)
	doc := &extract.Document{Text: text}
	if err := New().Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	checkTokens(t, text, doc.Tokens)
	rep, err := udeval.Evaluate(gold, []conllu.Sentence{oneSentence(doc)})
	if err != nil {
		t.Fatal(err)
	}
	tokens, words := rep.Get("Tokens"), rep.Get("Words")
	t.Logf("EWT dev: Tokens F1 %.2f, Words F1 %.2f", 100*tokens.F1(), 100*words.F1())
	if tokens.F1() < 0.99 {
		t.Errorf("Tokens F1 %.4f < 0.99", tokens.F1())
	}
	if words.F1() < 0.99 {
		t.Errorf("Words F1 %.4f < 0.99", words.F1())
	}
}

// oneSentence puts all the words of doc in one CoNLL-U sentence, with
// their multi-word tokens: sentence boundaries do not matter for tokens.
func oneSentence(doc *extract.Document) conllu.Sentence {
	var s conllu.Sentence
	for i := 0; i < len(doc.Tokens); {
		j := i + 1
		if mw := doc.Tokens[i].MultiWord; mw != 0 {
			for j < len(doc.Tokens) && doc.Tokens[j].MultiWord == mw {
				j++
			}
			if j-i > 1 {
				s.Multi = append(s.Multi, conllu.MultiWord{
					First: i + 1, Last: j, Form: doc.Text[doc.Tokens[i].Start:doc.Tokens[j-1].End],
				})
			}
		}
		for k := i; k < j; k++ {
			s.Words = append(s.Words, conllu.Word{ID: k + 1, Form: doc.Form(&doc.Tokens[k])})
		}
		i = j
	}
	return s
}

// benchText returns EWT's training text, or a paragraph of our own
// repeated when the treebank is absent.
func benchText(b *testing.B) string {
	path := filepath.Join(ewtDir, "en_ewt-ud-train.conllu")
	if sents, err := conllu.ReadFile(path); err == nil {
		return rawText(sents)
	}
	return strings.Repeat("The company's shares rose 3.5% to $1,024.50 on Tuesday, Mr. Smith said. "+
		"\"We didn't expect it,\" he told reporters in Washington (D.C.) at 10:30 a.m.\n\n", 20000)
}

func BenchmarkTokenize(b *testing.B) {
	text := benchText(b)
	tok := New()
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	n := 0
	for b.Loop() {
		n = len(tok.Tokenize(text))
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}
