package gazetteer

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

func TestCounts(t *testing.T) {
	counts := map[string]int{}
	for e := range Default().All() {
		key := e.Kind.String()
		if e.Kind == Country {
			key += "/" + e.Status.String()
		}
		counts[key]++
	}
	t.Logf("entries: %v", counts)
	want := map[string]int{"country/state": 193, "country/observer": 2, "country/partial": 2, "country/constituent": 4}
	for k, n := range want {
		if counts[k] != n {
			t.Errorf("%d entries %s, want %d", counts[k], k, n)
		}
	}
}

func TestWikidataIDs(t *testing.T) {
	wellFormed := regexp.MustCompile(`^Q[1-9][0-9]*$`)
	seen := map[string]string{}
	for e := range Default().All() {
		if e.Wikidata == "" {
			if e.Kind == Country && e.Status == State {
				t.Errorf("member state %s has no Wikidata id", e.ID)
			}
			continue
		}
		if !wellFormed.MatchString(e.Wikidata) {
			t.Errorf("%s: malformed Wikidata id %q", e.ID, e.Wikidata)
		}
		if other, dup := seen[e.Wikidata]; dup {
			t.Errorf("%s and %s share Wikidata id %s", other, e.ID, e.Wikidata)
		}
		seen[e.Wikidata] = e.ID
	}
}

func TestCountryFields(t *testing.T) {
	g := Default()
	code2 := regexp.MustCompile(`^[A-Z]{2}$`)
	capitals := map[string]bool{} // countries with a capital or seat of government
	for e := range g.All() {
		if e.Kind == City {
			capitals[e.Country] = true
		}
	}
	cityStates := map[string]bool{"MC": true, "SG": true, "VA": true}
	for e := range g.All() {
		if e.Kind != Country {
			continue
		}
		if e.Name == "" || e.Code == "" || e.Code != e.ID {
			t.Errorf("country %+v lacks a name or code", e)
		}
		switch e.Status {
		case Constituent:
			if !strings.HasPrefix(e.Code, e.Country+"-") {
				t.Errorf("%s: constituent code not under %s", e.ID, e.Country)
			}
		default:
			if !code2.MatchString(e.Code) {
				t.Errorf("%s: alpha-2 code malformed", e.ID)
			}
			if len(e.Alpha3) != 3 && e.ID != "XK" {
				t.Errorf("%s: alpha-3 code %q malformed", e.ID, e.Alpha3)
			}
		}
		if e.Status != Territory && e.Status != Constituent && !capitals[e.ID] && !cityStates[e.ID] {
			t.Errorf("%s (%s) has no capital or seat of government", e.ID, e.Name)
		}
		if got, ok := g.Lookup(e.Name); !ok || got.ID != e.ID {
			t.Errorf("Lookup of %s's name %q = %s, %v", e.ID, e.Name, got.ID, ok)
		}
	}
}

// TestNamesFindTheirEntries checks that every entry's canonical name looks
// it up, so that no alias of another entry and no casing rule hides it.
func TestNamesFindTheirEntries(t *testing.T) {
	g := Default()
	for e := range g.All() {
		found := false
		for _, o := range g.LookupAll(e.Name) {
			found = found || o.ID == e.ID
		}
		if !found {
			t.Errorf("LookupAll(%q) does not give %s", e.Name, e.ID)
		}
		if byID, ok := g.ByID(e.ID); !ok || byID != e {
			t.Errorf("ByID(%q) = %+v, %v", e.ID, byID, ok)
		}
	}
}

// TestISOCodes checks the codes against Debian's iso-codes, where it is
// installed: every ISO 3166-1 entry is present, with its alpha-3 code.
func TestISOCodes(t *testing.T) {
	const path = "/usr/share/iso-codes/json/iso_3166-1.json"
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("%s absent (Debian package iso-codes): codes not cross-checked", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	var iso struct {
		Countries []struct {
			Alpha2 string `json:"alpha_2"`
			Alpha3 string `json:"alpha_3"`
		} `json:"3166-1"`
	}
	if err := json.Unmarshal(data, &iso); err != nil {
		t.Fatal(err)
	}
	if len(iso.Countries) < 240 {
		t.Fatalf("%s lists only %d countries", path, len(iso.Countries))
	}
	g := Default()
	for _, c := range iso.Countries {
		e, ok := g.ByID(c.Alpha2)
		if !ok || e.Kind != Country || e.Alpha3 != c.Alpha3 {
			t.Errorf("ISO %s/%s: gazetteer has %+v, %v", c.Alpha2, c.Alpha3, e, ok)
		}
	}
}

// minimalData is a small valid data set; TestLoadErrors breaks it one
// file at a time.
func minimalData() fstest.MapFS {
	file := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	return fstest.MapFS{
		CasedFile: file("# words\nturkey\n"),
		CountriesFile: file("# code alpha3 status name wikidata part_of aliases demonyms\n" +
			"CD\tCOD\tstate\tDemocratic Republic of the Congo\tQ974\t\tCongo;DRC\tCongolese\n" +
			"CG\tCOG\tstate\tRepublic of the Congo\tQ971\t\t~Congo\t~Congolese\n" +
			"TR\tTUR\tstate\tTurkey\tQ43\t\tTürkiye\tTurkish\n"),
		CitiesFile:        file("ankara\tAnkara\tTR\tcapital\t\t\n"),
		OrganisationsFile: file("un\torganisation\tUnited Nations\t\t\tQ1065\tUN\n"),
		RegionsFile:       file("europe\tEurope\tQ46\t\tEuropean\n"),
		TitlesFile: file("president\trole\t\tgovernment\t\n" +
			"former\tmodifier\t\tpast\t-\n"),
	}
}

func TestLoadMinimal(t *testing.T) {
	g, err := Load(minimalData())
	if err != nil {
		t.Fatal(err)
	}
	if e, ok := g.Lookup("Congo"); !ok || e.ID != "CD" {
		t.Errorf("Lookup(Congo) = %s, %v", e.ID, ok)
	}
	if e, ok := g.Lookup("turkey"); ok {
		t.Errorf("Lookup(turkey) = %s, want none: the word is cased", e.ID)
	}
	if m, ok := g.MatchTitle([]string{"former", "presidents"}); !ok || m.Title.Name != "president" || !m.Plural || m.Qualifiers != Past {
		t.Errorf("MatchTitle(former presidents) = %+v, %v", m, ok)
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name, file, data, want string
	}{
		{"columns", CitiesFile, "ankara\tAnkara\tTR\tcapital\n", "4 columns, want 6"},
		{"status", CountriesFile, "TR\tTUR\tempire\tTurkey\tQ43\t\t\t\n", `unknown status "empire"`},
		{"wikidata", CountriesFile, "TR\tTUR\tstate\tTurkey\tq43\t\t\t\n", `malformed Wikidata id "q43"`},
		{"duplicate id", OrganisationsFile, "un\torganisation\tUnited Nations\t\t\t\t\nun\torganisation\tUN\t\t\t\t\n", `duplicate id "un"`},
		{"unknown country", CitiesFile, "ankara\tAnkara\tXX\tcapital\t\t\n", `unknown country "XX"`},
		{"body without country", OrganisationsFile, "kremlin\tbody\tKremlin\t\tpresidency\t\t\n", "needs a country"},
		{"shared alias", OrganisationsFile, "un\torganisation\tUnited Nations\t\t\t\tCongo\n", `"Congo": names both`},
		{"stale mark", OrganisationsFile, "un\torganisation\tUnited Nations\t\t\t\t~UNO\n", `"UNO": marked ~`},
		{"duplicate title", TitlesFile, "president\trole\t\tgovernment\t\nPresident\trole\t\tgovernment\t\n", "listed twice"},
		{"plural clash", TitlesFile, "chief\trole\t\tgovernment\t\nchiefs\trole\t\tgovernment\t\n", "listed twice"},
		{"modifier category", TitlesFile, "former\tmodifier\t\tgovernment\t-\n", "does not fit class"},
		{"title class", TitlesFile, "president\tperson\t\tgovernment\t\n", `unknown class "person"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := minimalData()
			fsys[tt.file] = &fstest.MapFile{Data: []byte(tt.data)}
			_, err := Load(fsys)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Load: %v, want an error with %q", err, tt.want)
			}
		})
	}
	fsys := minimalData()
	delete(fsys, RegionsFile)
	if _, err := Load(fsys); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Load without %s: %v, want fs.ErrNotExist", RegionsFile, err)
	}
}

func TestRegularPlural(t *testing.T) {
	tests := []struct{ in, want string }{
		{"minister", "ministers"},
		{"spokesman", "spokesmen"},
		{"secretary", "secretaries"},
		{"attorney", "attorneys"},
		{"boss", "bosses"},
		{"secretary of state", "secretaries of state"},
		{"minister for foreign affairs", "ministers for foreign affairs"},
		{"chief", "chiefs"},
	}
	for _, tt := range tests {
		if got := regularPlural(tt.in); got != tt.want {
			t.Errorf("regularPlural(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
