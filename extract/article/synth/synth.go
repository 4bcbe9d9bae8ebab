// Package synth writes synthetic news articles for benchmarks: any number
// of varied, realistic-looking reports of calls, meetings, statements,
// sanctions, strikes and deals between invented people of real countries,
// from templates and word lists written for this project.
//
// The articles are not meant to be true or to test accuracy: they give
// ingest benchmarks input with the shape of news (titled names, quotes,
// dates, coordination, passives) at 1k, 10k or 100k articles. The same
// seed always gives the same corpus.
package synth

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
)

var (
	firstNames = []string{"Anna", "Boris", "Carla", "David", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas",
		"Kofi", "Lena", "Marco", "Nadia", "Omar", "Petra", "Rafael", "Sofia", "Tomas", "Uma", "Viktor", "Wen",
		"Yusuf", "Zara", "Amir", "Beatriz", "Chen", "Dmitri", "Esther", "Felipe"}
	lastNames = []string{"Adler", "Bianchi", "Costa", "Dubois", "Eriksen", "Fischer", "Garcia", "Haddad", "Ivanova",
		"Jensen", "Kowalski", "Lindqvist", "Moreau", "Nakamura", "Okafor", "Petrov", "Quinn", "Rossi", "Santos",
		"Tanaka", "Usman", "Varga", "Weber", "Yilmaz", "Zhou", "Mensah", "Novak", "Ortega", "Park", "Schmidt"}
	countries = []struct{ name, demonym, capital string }{
		{"France", "French", "Paris"}, {"Germany", "German", "Berlin"}, {"Japan", "Japanese", "Tokyo"},
		{"Brazil", "Brazilian", "Brasilia"}, {"Kenya", "Kenyan", "Nairobi"}, {"India", "Indian", "New Delhi"},
		{"Canada", "Canadian", "Ottawa"}, {"Poland", "Polish", "Warsaw"}, {"Egypt", "Egyptian", "Cairo"},
		{"Mexico", "Mexican", "Mexico City"}, {"Turkey", "Turkish", "Ankara"}, {"Indonesia", "Indonesian", "Jakarta"},
		{"Nigeria", "Nigerian", "Abuja"}, {"Spain", "Spanish", "Madrid"}, {"Sweden", "Swedish", "Stockholm"},
		{"Vietnam", "Vietnamese", "Hanoi"}, {"Chile", "Chilean", "Santiago"}, {"Ghana", "Ghanaian", "Accra"},
	}
	titles    = []string{"President", "Prime Minister", "Foreign Minister", "Finance Minister", "Defence Minister", "Trade Minister"}
	companies = []string{"Northwind Energy", "Bluepeak Mining", "Orion Telecom", "Helix Pharma", "Atlas Shipping",
		"Crescent Bank", "Vantage Motors", "Summit Foods"}
	topics = []string{"trade", "energy prices", "the border dispute", "climate finance", "a new security pact",
		"grain exports", "migration", "the debt talks", "a railway project", "fishing rights"}
	verbsSaid = []string{"said", "told reporters", "added", "stressed", "warned"}
	weekdays  = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	quotes    = []string{"We made real progress today", "Our position has not changed", "This agreement protects jobs on both sides",
		"We will not accept these conditions", "The talks were frank and useful", "Much work remains to be done",
		"Our citizens deserve better", "We are ready to continue the dialogue"}
)

// person is an invented official of a real country.
type person struct {
	first, last, title string
	country            int
}

func (p person) full() string { return p.first + " " + p.last }

// Article is one generated article.
type Article struct {
	N     int // its number in the corpus, from 1
	Title string
	Date  time.Time
	URL   string
	// Body is the text, paragraphs separated by blank lines.
	Body string
}

// Source names the corpus in the articles' metadata.
const Source = "newsgraph synthetic corpus"

// Text returns the article in newsgraph's text format: a header block of
// Title, Date, URL and Source lines, a blank line, the body.
func (a Article) Text() string {
	return fmt.Sprintf("Title: %s\nDate: %s\nURL: %s\nSource: %s\n\n%s\n", a.Title, a.Date.Format("2006-01-02"), a.URL, Source, a.Body)
}

// JSON returns the article as one JSON Lines record (url, title, date,
// source, text), without the final newline.
func (a Article) JSON() []byte {
	b, _ := json.Marshal(map[string]string{
		"url": a.URL, "title": a.Title, "date": a.Date.Format("2006-01-02"), "source": Source, "text": a.Body,
	})
	return b
}

// Generator makes articles; see the package documentation.
type Generator struct {
	rng  *rand.Rand
	date time.Time
	n    int
}

// New returns a generator whose corpus depends only on seed.
func New(seed uint64) *Generator {
	return &Generator{rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), date: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}
}

func (g *Generator) pick(list []string) string { return list[g.rng.IntN(len(list))] }

func (g *Generator) person() person {
	return person{first: g.pick(firstNames), last: g.pick(lastNames), title: g.pick(titles), country: g.rng.IntN(len(countries))}
}

// titled is "French Foreign Minister Anna Adler".
func titled(p person) string { return countries[p.country].demonym + " " + p.title + " " + p.full() }

// Next returns the next article.
func (g *Generator) Next() Article {
	g.n++
	g.date = g.date.Add(time.Duration(g.rng.IntN(3)) * 24 * time.Hour)
	a, b := g.person(), g.person()
	for b.country == a.country {
		b.country = g.rng.IntN(len(countries))
	}
	ca, cb := countries[a.country], countries[b.country]
	topic, day := g.pick(topics), weekdays[int(g.date.Weekday()+6)%7]
	company := g.pick(companies)
	title := fmt.Sprintf("%s and %s leaders discuss %s", ca.name, cb.name, topic)
	var paras []string
	paras = append(paras, fmt.Sprintf("%s and %s held a %d-minute phone call on %s, officials in %s said.",
		titled(a), titled(b), 20+10*g.rng.IntN(8), day, ca.capital))
	paras = append(paras, fmt.Sprintf("The two leaders discussed %s and agreed to meet again in %s next month.", topic, cb.capital))
	// A body of varied paragraphs: enough text for a realistic length.
	for k := 0; k < 6+g.rng.IntN(8); k++ {
		switch g.rng.IntN(8) {
		case 0:
			paras = append(paras, fmt.Sprintf("%q, %s %s.", g.pick(quotes), a.last, g.pick(verbsSaid)))
		case 1:
			paras = append(paras, fmt.Sprintf("%s said %s was willing to mediate between %s and its neighbours, according to a statement from %s.",
				b.last, cb.capital, g.pick([]string{ca.name, "the two sides"}), cb.name))
		case 2:
			paras = append(paras, fmt.Sprintf("%s, the %s %s, did not rule out new sanctions on %s if the talks failed.",
				g.person().full(), ca.demonym, strings.ToLower(g.pick(titles)), company))
		case 3:
			paras = append(paras, fmt.Sprintf("Earlier this week, %s signed a %d million dollar contract with %s to expand its operations in %s.",
				company, 10*(1+g.rng.IntN(90)), ca.name, cb.capital))
		case 4:
			paras = append(paras, fmt.Sprintf("The agreement was criticised by opposition leader %s, who accused the government of ignoring workers in the %s sector.",
				g.person().full(), g.pick([]string{"mining", "farming", "shipping", "steel", "textile"})))
		case 5:
			paras = append(paras, fmt.Sprintf("A day earlier, %s had spoken with %s about %s.", a.last, titled(g.person()), g.pick(topics)))
		case 6:
			paras = append(paras, fmt.Sprintf("Analysts said the talks could lift exports by %d percent over the next %s years, while unions warned that jobs in %s remained at risk.",
				1+g.rng.IntN(15), g.pick([]string{"two", "three", "five"}), ca.capital))
		default:
			paras = append(paras, fmt.Sprintf("%s and %s welcomed the call, but %s abstained from a joint statement on %s.",
				countries[g.rng.IntN(len(countries))].name, countries[g.rng.IntN(len(countries))].name, cb.name, g.pick(topics)))
		}
	}
	return Article{N: g.n, Title: title, Date: g.date, URL: fmt.Sprintf("https://news.example/%d", g.n), Body: strings.Join(paras, "\n\n")}
}
