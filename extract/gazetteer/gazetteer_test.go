package gazetteer

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/tokenize"
)

func TestLookup(t *testing.T) {
	g := Default()
	tests := []struct {
		name     string
		id       string // "" for no match
		kind     Kind
		country  string
		wikidata string
	}{
		// Aliases, dots, case, "the".
		{"United States", "US", Country, "", "Q30"},
		{"U.S.", "US", Country, "", "Q30"},
		{"US", "US", Country, "", "Q30"},
		{"U.S.A.", "US", Country, "", "Q30"},
		{"the United States", "US", Country, "", "Q30"},
		{"The United States of America", "US", Country, "", "Q30"},
		{"america", "US", Country, "", "Q30"},
		{"UNITED STATES", "US", Country, "", "Q30"},
		{"UK", "GB", Country, "", "Q145"},
		{"U.K.", "GB", Country, "", "Q145"},
		{"Britain", "GB", Country, "", "Q145"},
		{"Great  Britain", "GB", Country, "", "Q145"},
		{"Russian Federation", "RU", Country, "", "Q159"},
		{"Turkey", "TR", Country, "", "Q43"},
		{"Türkiye", "TR", Country, "", "Q43"},
		{"Turkiye", "TR", Country, "", "Q43"},
		{"TURKEY", "TR", Country, "", "Q43"},
		{"Côte d’Ivoire", "CI", Country, "", "Q1008"},
		{"Guinea-Bissau", "GW", Country, "", "Q1007"},
		{"Guinea Bissau", "GW", Country, "", "Q1007"},
		{"Antigua & Barbuda", "AG", Country, "", "Q781"},
		{"Czechia", "CZ", Country, "", "Q213"},
		{"Burma", "MM", Country, "", "Q836"},
		{"Greenland", "GL", Country, "DK", "Q223"},
		{"Scotland", "GB-SCT", Country, "GB", "Q22"},
		{"Congo", "CD", Country, "", "Q974"},
		{"Republic of the Congo", "CG", Country, "", "Q971"},
		{"Korea", "KR", Country, "", "Q884"},
		{"DPRK", "KP", Country, "", "Q423"},
		// Capitals and seats of government → their country.
		{"Moscow", "moscow", City, "RU", "Q649"},
		{"Washington", "washington", City, "US", "Q61"},
		{"Washington, D.C.", "washington", City, "US", "Q61"},
		{"Kyiv", "kyiv", City, "UA", "Q1899"},
		{"Kiev", "kyiv", City, "UA", "Q1899"},
		{"Tehran", "tehran", City, "IR", "Q3616"},
		{"Jerusalem", "jerusalem", City, "IL", "Q1218"},
		{"The Hague", "the-hague", City, "NL", ""},
		{"Hague", "the-hague", City, "NL", ""},
		{"Malé", "male", City, "MV", ""},
		{"Male", "male", City, "MV", ""},
		// Organisations and bodies.
		{"UN", "un", Organisation, "", "Q1065"},
		{"U.N.", "un", Organisation, "", "Q1065"},
		{"United Nations", "un", Organisation, "", "Q1065"},
		{"NATO", "nato", Organisation, "", "Q7184"},
		{"Nato", "nato", Organisation, "", "Q7184"},
		{"nato", "nato", Organisation, "", "Q7184"},
		{"WHO", "who", Organisation, "", "Q7817"},
		{"United Nations Security Council", "un-security-council", Organisation, "", "Q37470"},
		{"the Kremlin", "kremlin", Body, "RU", ""},
		{"kremlin", "kremlin", Body, "RU", ""},
		{"White House", "white-house", Body, "US", ""},
		{"Downing Street", "downing-street", Body, "GB", ""},
		{"No. 10", "downing-street", Body, "GB", ""},
		{"Pentagon", "pentagon", Body, "US", ""},
		{"Élysée", "elysee", Body, "FR", ""},
		{"Elysee", "elysee", Body, "FR", ""},
		{"MoD", "", 0, "", ""}, // left out: several countries' ministries
		{"BoE", "bank-of-england", Body, "GB", ""},
		{"BOE", "bank-of-england", Body, "GB", ""},
		{"Fed", "federal-reserve", Body, "US", ""},
		{"South America", "south-america", Region, "", "Q18"},
		// Cased names written as ordinary words, demonyms, unknown names.
		{"us", "", 0, "", ""},
		{"Us", "", 0, "", ""},
		{"who", "", 0, "", ""},
		{"turkey", "", 0, "", ""},
		{"china", "", 0, "", ""},
		{"fed", "", 0, "", ""},
		{"male", "", 0, "", ""},
		{"bank of japan", "", 0, "", ""},
		{"Bank of Japan", "bank-of-japan", Body, "JP", ""},
		{"Russian", "", 0, "", ""},
		{"Atlantis", "", 0, "", ""},
		{"United", "", 0, "", ""},
		{"the", "", 0, "", ""},
		{"", "", 0, "", ""},
		{"...", "", 0, "", ""},
	}
	for _, tt := range tests {
		e, ok := g.Lookup(tt.name)
		if tt.id == "" {
			if ok {
				t.Errorf("Lookup(%q) = %s, want no match", tt.name, e.ID)
			}
			continue
		}
		if !ok || e.ID != tt.id || e.Kind != tt.kind || e.Country != tt.country || e.Wikidata != tt.wikidata {
			t.Errorf("Lookup(%q) = %+v, %v; want id %s kind %s country %q wikidata %q",
				tt.name, e, ok, tt.id, tt.kind, tt.country, tt.wikidata)
		}
	}
}

func TestLookupAll(t *testing.T) {
	g := Default()
	tests := []struct {
		name string
		ids  []string
	}{
		{"Congo", []string{"CD", "CG"}},
		{"Korea", []string{"KR", "KP"}},
		{"Russia", []string{"RU"}},
		{"Narnia", nil},
	}
	for _, tt := range tests {
		var ids []string
		for _, e := range g.LookupAll(tt.name) {
			ids = append(ids, e.ID)
		}
		if !slices.Equal(ids, tt.ids) {
			t.Errorf("LookupAll(%q) = %v, want %v", tt.name, ids, tt.ids)
		}
	}
}

func TestDemonym(t *testing.T) {
	g := Default()
	tests := []struct{ word, id string }{
		{"Russian", "RU"},
		{"Russians", "RU"},
		{"russian", "RU"},
		{"American", "US"},
		{"Americans", "US"},
		{"Iranian", "IR"},
		{"Israeli", "IL"},
		{"Israelis", "IL"},
		{"Ukrainian", "UA"},
		{"British", "GB"},
		{"Britons", "GB"},
		{"Turkish", "TR"},
		{"Turks", "TR"},
		{"Chinese", "CN"},
		{"Frenchmen", "FR"},
		{"South Korean", "KR"},
		{"Korean", "KR"},
		{"North Koreans", "KP"},
		{"Bissau-Guinean", "GW"},
		{"Congolese", "CD"},
		{"Scottish", "GB-SCT"},
		{"Palestinians", "PS"},
		{"European", "europe"},
		{"Latin American", "latin-america"},
		{"Polish", "PL"},
		{"polish", ""},
		{"Poles", "PL"},
		{"poles", ""},
		{"Russia", ""},
		{"Martian", ""},
	}
	for _, tt := range tests {
		e, ok := g.Demonym(tt.word)
		if ok != (tt.id != "") || e.ID != tt.id {
			t.Errorf("Demonym(%q) = %q, %v; want %q", tt.word, e.ID, ok, tt.id)
		}
	}
}

func TestMatch(t *testing.T) {
	g := Default()
	tests := []struct {
		tokens    string // space-separated
		id        string // "" for no match
		n         int
		demonym   bool
		ambiguous bool
	}{
		{"United States and", "US", 2, false, false},
		{"United Nations Security Council met", "un-security-council", 4, false, false},
		{"United Nations said", "un", 2, false, false},
		{"United Kingdom", "GB", 2, false, false},
		{"United front", "", 0, false, false},
		{"U.S. officials", "US", 1, false, false},
		{"U.S . - led", "US", 1, false, false}, // the tokenizer's split of "U.S.-led"
		{"us and them", "", 0, false, false},
		{"Guinea - Bissau and", "GW", 3, false, false},
		{"Guinea-Bissau", "GW", 1, false, false},
		{"Guinea said", "GN", 1, false, false},
		{"guinea pig", "", 0, false, false},
		{"Secretary - General", "", 0, false, false},
		{"Washington , D.C. on", "washington", 3, false, false},
		{"Washington , where", "washington", 1, false, false},
		{"Kremlin foreign policy aide", "kremlin", 1, false, false},
		{"Russian President", "RU", 1, true, false},
		{"North Korean troops", "KP", 2, true, false},
		{"South America", "south-america", 2, false, false},
		{"Latin American leaders", "latin-america", 2, true, false},
		{"America", "US", 1, false, false},
		{"Congo", "CD", 1, false, true},
		{"Korean", "KR", 1, true, true},
		{"The Hague", "the-hague", 2, false, false},
		{"the United States", "", 0, false, false},
		{"- Russia", "", 0, false, false},
		{"", "", 0, false, false},
	}
	for _, tt := range tests {
		m, ok := g.Match(strings.Fields(tt.tokens))
		if tt.id == "" {
			if ok {
				t.Errorf("Match(%q) = %s/%d, want no match", tt.tokens, m.Entry.ID, m.Len)
			}
			continue
		}
		if !ok || m.Entry.ID != tt.id || m.Len != tt.n || m.Demonym != tt.demonym || m.Ambiguous != tt.ambiguous {
			t.Errorf("Match(%q) = %s len %d demonym %v ambiguous %v (%v); want %s len %d demonym %v ambiguous %v",
				tt.tokens, m.Entry.ID, m.Len, m.Demonym, m.Ambiguous, ok, tt.id, tt.n, tt.demonym, tt.ambiguous)
		}
	}
}

func TestMatchTitle(t *testing.T) {
	g := Default()
	tests := []struct {
		tokens string // space-separated
		name   string // canonical title, "" for no match
		n      int
		head   int
		q      Qualifier
		plural bool
		person bool
	}{
		{"foreign policy aide Yuri Ushakov", "aide", 3, 2, 0, false, true},
		{"Foreign Policy Aide", "aide", 3, 2, 0, false, true},
		{"foreign minister Sergei", "foreign minister", 2, 0, 0, false, true},
		{"Deputy Prime Minister Alexander", "prime minister", 3, 1, Deputy, false, true},
		{"former deputy prime minister", "prime minister", 4, 2, Past | Deputy, false, true},
		{"ex - president Trump", "president", 3, 2, Past, false, true},
		{"ex-president Trump", "president", 1, 0, Past, false, true},
		{"President - elect", "president", 3, 0, Designate, false, true},
		{"Secretary - General Antonio", "secretary-general", 3, 0, 0, false, true},
		{"Secretary of State Marco", "secretary of state", 3, 0, 0, false, true},
		{"secretaries of state", "secretary of state", 3, 0, 0, true, true},
		{"spokesman Dmitry Peskov", "spokesperson", 1, 0, 0, false, true},
		{"spokesmen said", "spokesperson", 1, 0, 0, true, true},
		{"officials said", "official", 1, 0, 0, true, true},
		{"senior officials", "official", 2, 1, 0, true, true},
		{"acting defense secretary", "defence secretary", 3, 1, Acting, false, true},
		{"chief executive", "chief executive", 2, 0, 0, false, true},
		{"CEO Elon", "chief executive", 1, 0, 0, false, true},
		{"Sen. Lindsey Graham", "senator", 1, 0, 0, false, true},
		{"Mr Putin", "Mr", 1, 0, 0, false, true},
		{"Mr. Putin", "Mr", 1, 0, 0, false, true},
		{"former Mr", "", 0, 0, 0, false, false},
		{"First Lady Melania", "first lady", 2, 0, 0, false, true},
		{"foreign ministry", "foreign ministry", 2, 0, 0, false, false},
		{"presidency", "presidency", 1, 0, 0, false, false},
		{"attorneys general", "attorney general", 2, 0, 0, true, true},
		{"former", "", 0, 0, 0, false, false},
		{"foreign policy", "", 0, 0, 0, false, false},
		{"Yuri Ushakov", "", 0, 0, 0, false, false},
		{"", "", 0, 0, 0, false, false},
	}
	for _, tt := range tests {
		m, ok := g.MatchTitle(strings.Fields(tt.tokens))
		if tt.name == "" {
			if ok {
				t.Errorf("MatchTitle(%q) = %q len %d, want no match", tt.tokens, m.Title.Name, m.Len)
			}
			continue
		}
		if !ok || m.Title.Name != tt.name || m.Len != tt.n || m.Head != tt.head || m.Qualifiers != tt.q ||
			m.Plural != tt.plural || m.Title.Person != tt.person {
			t.Errorf("MatchTitle(%q) = %+v, %v; want %q len %d head %d qualifiers %b plural %v person %v",
				tt.tokens, m, ok, tt.name, tt.n, tt.head, tt.q, tt.plural, tt.person)
		}
	}
}

func TestIsTitleWord(t *testing.T) {
	g := Default()
	tests := []struct {
		w    string
		want bool
	}{
		{"president", true},
		{"President", true},
		{"presidents", true},
		{"prime", true},
		{"minister", true},
		{"aide", true},
		{"foreign", true},
		{"policy", true},
		{"former", true},
		{"Mr.", true},
		{"Sen.", true},
		{"spokeswoman", true},
		{"of", false},
		{"the", false},
		{"Putin", false},
		{"said", false},
		{".", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := g.IsTitleWord(tt.w); got != tt.want {
			t.Errorf("IsTitleWord(%q) = %v, want %v", tt.w, got, tt.want)
		}
	}
}

// TestTokenizedSentence runs the matchers over the words of a sentence as
// newsgraph's tokenizer cuts it, the way the entity stage will.
func TestTokenizedSentence(t *testing.T) {
	g := Default()
	doc := &extract.Document{Text: "Kremlin foreign policy aide Yuri Ushakov told reporters that the " +
		"U.S.-led talks with UN Secretary-General Antonio Guterres and Russian officials " +
		"in Guinea-Bissau were postponed, Downing Street said."}
	if err := tokenize.New().Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	forms := make([]string, len(doc.Tokens))
	for i := range doc.Tokens {
		forms[i] = doc.Form(&doc.Tokens[i])
	}
	var got []string
	for i := 0; i < len(forms); {
		if m, ok := g.Match(forms[i:]); ok {
			got = append(got, m.Entry.ID+"="+strings.Join(forms[i:i+m.Len], " "))
			i += m.Len
			continue
		}
		if m, ok := g.MatchTitle(forms[i:]); ok {
			got = append(got, "title:"+m.Title.Name+"="+strings.Join(forms[i:i+m.Len], " "))
			i += m.Len
			continue
		}
		i++
	}
	want := []string{
		"kremlin=Kremlin",
		"title:aide=foreign policy aide",
		"title:reporter=reporters",
		"US=U.S",
		"un=UN",
		"title:secretary-general=Secretary - General",
		"RU=Russian",
		"title:official=officials",
		"GW=Guinea - Bissau",
		"downing-street=Downing Street",
	}
	if !slices.Equal(got, want) {
		t.Errorf("tokens %q\nmatched %q\nwant    %q", forms, got, want)
	}
}

// TestConcurrentUse shares one Gazetteer between goroutines, from its
// first use on; run it with -race.
func TestConcurrentUse(t *testing.T) {
	tokens := strings.Fields("the Kremlin said U.S. Secretary of State Marco Rubio met Russian officials in Moscow")
	done := make(chan []string)
	for range 4 {
		go func() {
			g := Default()
			var got []string
			for i := range tokens {
				if m, ok := g.Match(tokens[i:]); ok {
					got = append(got, m.Entry.ID)
				}
				if m, ok := g.MatchTitle(tokens[i:]); ok {
					got = append(got, m.Title.Name)
				}
			}
			done <- got
		}()
	}
	want := []string{"kremlin", "US", "secretary of state", "RU", "official", "moscow"}
	for range 4 {
		if got := <-done; !slices.Equal(got, want) {
			t.Errorf("got %q, want %q", got, want)
		}
	}
}

// FuzzMatch checks that no input makes the matchers fail or report a span
// outside their tokens.
func FuzzMatch(f *testing.F) {
	for _, s := range []string{"U.S . - led", "Guinea - Bissau", "former deputy prime minister", "ex-president-elect",
		"Côte d’Ivoire", "&", ". . .", "Sen. Mr", "\xff\xfe", "Washington , D.C."} {
		f.Add(s)
	}
	g := Default()
	f.Fuzz(func(t *testing.T, s string) {
		g.Lookup(s)
		g.LookupAll(s)
		g.Demonym(s)
		g.IsTitleWord(s)
		tokens := strings.Fields(s)
		if m, ok := g.Match(tokens); ok && (m.Len < 1 || m.Len > len(tokens)) {
			t.Errorf("Match(%q).Len = %d", tokens, m.Len)
		}
		if m, ok := g.MatchTitle(tokens); ok && (m.Len < 1 || m.Len > len(tokens) || m.Head < 0 || m.Head >= m.Len) {
			t.Errorf("MatchTitle(%q) = Len %d Head %d", tokens, m.Len, m.Head)
		}
	})
}
