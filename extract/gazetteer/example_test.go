package gazetteer_test

import (
	"fmt"
	"strings"

	"github.com/newsgraph/newsgraph/extract/gazetteer"
)

// A caller splits "Kremlin foreign policy aide Yuri Ushakov" into an
// affiliation, a title and a name.
func ExampleGazetteer_MatchTitle() {
	g := gazetteer.Default()
	tokens := strings.Fields("Kremlin foreign policy aide Yuri Ushakov")
	aff, _ := g.Match(tokens)
	title, _ := g.MatchTitle(tokens[aff.Len:])
	country, _ := g.ByID(aff.Entry.Country)
	fmt.Printf("affiliation: %s (%s of %s)\n", aff.Entry.Name, aff.Entry.Role, country.Name)
	fmt.Printf("title: %s\n", strings.Join(tokens[aff.Len:aff.Len+title.Len], " "))
	fmt.Printf("name: %s\n", strings.Join(tokens[aff.Len+title.Len:], " "))
	// Output:
	// affiliation: Kremlin (presidency of Russia)
	// title: foreign policy aide
	// name: Yuri Ushakov
}

func ExampleGazetteer_Lookup() {
	g := gazetteer.Default()
	for _, name := range []string{"U.S.", "the United States", "America", "us", "Kiev"} {
		e, ok := g.Lookup(name)
		if !ok {
			fmt.Printf("%q: no match\n", name)
			continue
		}
		fmt.Printf("%q: %s %s (%s)\n", name, e.Kind, e.Name, e.ID)
	}
	russia, _ := g.Demonym("Russians")
	fmt.Println("Russians:", russia.Name, russia.Wikidata)
	// Output:
	// "U.S.": country United States (US)
	// "the United States": country United States (US)
	// "America": country United States (US)
	// "us": no match
	// "Kiev": city Kyiv (kyiv)
	// Russians: Russia Q159
}
