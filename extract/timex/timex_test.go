package timex_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/article"
	"github.com/newsgraph/newsgraph/extract/pipeline"
	"github.com/newsgraph/newsgraph/extract/timex"
)

// The recogniser is a pipeline stage.
var _ extract.Stage = timex.New()

// saturday is the publication date of most test sentences: Saturday 14
// June 2025, in ISO week 2025-W24.
var saturday = time.Date(2025, time.June, 14, 0, 0, 0, 0, time.UTC)

// analyse runs the real pipeline and then the recogniser on text.
func analyse(t testing.TB, text string, published time.Time) *extract.Document {
	t.Helper()
	m, err := pipeline.Embedded()
	if err != nil {
		t.Fatalf("loading the embedded models: %v", err)
	}
	doc := &extract.Document{Name: t.Name(), Text: text, Published: published}
	if err := m.Pipeline().Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if err := timex.New().Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	checkTimes(t, doc)
	return doc
}

// found lists a document's time expressions as "text=value".
func found(doc *extract.Document) []string {
	out := []string{}
	for _, x := range doc.Times {
		out = append(out, doc.SpanText(x.Span)+"="+x.Value)
	}
	return out
}

// checkTimes checks what every result must be: spans in text order, not
// overlapping, each inside one sentence; durations, and only they, valued
// "P…".
func checkTimes(t testing.TB, doc *extract.Document) {
	t.Helper()
	sentence := make([]int, len(doc.Tokens))
	for si, s := range doc.Sentences {
		for k := s.First; k < s.Last; k++ {
			sentence[k] = si
		}
	}
	prev := 0
	for _, x := range doc.Times {
		if x.First < prev || x.Last <= x.First || x.Last > len(doc.Tokens) {
			t.Fatalf("span %v out of order or empty (previous ended at %d)", x.Span, prev)
		}
		if sentence[x.First] != sentence[x.Last-1] {
			t.Errorf("%q crosses a sentence boundary", doc.SpanText(x.Span))
		}
		switch x.Kind {
		case extract.Duration:
			if !strings.HasPrefix(x.Value, "P") {
				t.Errorf("duration %q has value %q", doc.SpanText(x.Span), x.Value)
			}
		case extract.Date:
			if strings.HasPrefix(x.Value, "P") {
				t.Errorf("date %q has value %q", doc.SpanText(x.Span), x.Value)
			}
		default:
			t.Errorf("%q has kind %d", doc.SpanText(x.Span), x.Kind)
		}
		prev = x.Last
	}
}

// TestSentences runs sentences written for this test through the pipeline
// and the recogniser. Unless a case says otherwise the article is of
// Saturday 2025-06-14.
func TestSentences(t *testing.T) {
	tests := []struct {
		name      string
		published string // "2006-01-02"; "" for Saturday 2025-06-14
		text      string
		want      []string // "text=value", in order
	}{
		// Weekdays, with the tense of the clause.
		{"weekday is the article's day", "", "The ministers met on Saturday in Geneva.", []string{"Saturday=2025-06-14"}},
		{"weekday in a future clause", "", "The ministers will meet on Monday in Geneva.", []string{"Monday=2025-06-16"}},
		{"weekday in a past clause", "", "The ministers met on Monday in Geneva.", []string{"Monday=2025-06-09"}},
		{"weekday in the present is the nearest", "", "The ministers meet on Wednesday in Geneva.", []string{"Wednesday=2025-06-11"}},
		{"weekday after a past participle", "", "The bridge was closed on Tuesday after the storm.", []string{"Tuesday=2025-06-10"}},
		{"weekday with a to-infinitive", "", "Officials agreed to decide on Tuesday.", []string{"Tuesday=2025-06-17"}},
		{"weekday as the clause's predicate", "", "The vote was on Thursday.", []string{"Thursday=2025-06-12"}},
		{"last weekday", "", "Police arrested two men last Friday.", []string{"last Friday=2025-06-13"}},
		{"last weekday on that weekday", "", "Police arrested two men last Saturday.", []string{"last Saturday=2025-06-07"}},
		{"next weekday", "", "The summit opens next Monday.", []string{"next Monday=2025-06-16"}},
		{"next weekday on that weekday", "", "The summit opens next Saturday.", []string{"next Saturday=2025-06-21"}},
		{"weekday alone", "", "The president said Thursday that talks had failed.", []string{"Thursday=2025-06-12"}},
		{"weekday as subject", "", "Saturday was calm across the capital.", []string{"Saturday=2025-06-14"}},
		{"possessive weekday", "", "Friday's strikes hit a fuel depot.", []string{"Friday=2025-06-13"}},
		{"weekday and time of day", "", "Protests erupted on Tuesday night and continued Wednesday morning.", []string{"Tuesday night=2025-06-10", "Wednesday morning=2025-06-11"}},
		{"weekday of a Sunday article", "2025-06-15", "The rebels attacked the town on Friday.", []string{"Friday=2025-06-13"}},
		{"weekday under a gerund", "", "After battering the coast on Tuesday, the storm moved inland.", []string{"Tuesday=2025-06-10"}},
		{"weekday with a date", "", "He will be sentenced on Thursday, June 19.", []string{"Thursday, June 19=2025-06-19"}},

		// Absolute dates.
		{"month and day ahead", "", "Putin said Moscow was willing to hold talks after June 22.", []string{"June 22=2025-06-22"}},
		{"month and day in a past clause", "", "The central bank raised its rates on June 2.", []string{"June 2=2025-06-02"}},
		{"month and day past in a past clause", "", "The central bank raised its rates on June 22.", []string{"June 22=2024-06-22"}},
		{"day and month", "", "The central bank will raise rates on 22 June.", []string{"22 June=2025-06-22"}},
		{"month, day and year", "", "The deal was signed on June 22, 2025, in Vienna.", []string{"June 22, 2025=2025-06-22"}},
		{"day, month and year", "", "The deal was signed on 3 March 2021 in Vienna.", []string{"3 March 2021=2021-03-03"}},
		{"abbreviated month", "", "The law took effect on Jan. 5 and was repealed in Sept. 2024.", []string{"Jan. 5=2025-01-05", "Sept. 2024=2024-09"}},
		{"ISO date", "", "Voters went to the polls on 2025-06-14.", []string{"2025-06-14=2025-06-14"}},
		{"month of a year", "", "The couple met in July of 1977.", []string{"July of 1977=1977-07"}},
		{"month and year", "", "Exports rose in June 2025 after a weak spring.", []string{"June 2025=2025-06"}},
		{"year", "", "The company was founded in 2011 by two engineers.", []string{"2011=2011"}},
		{"years of a range", "", "The report covers the period from 2019 to 2021.", []string{"2019=2019", "2021=2021"}},
		{"year before a noun", "", "The budget for 2026 was approved by the 2025 session.", []string{"2026=2026", "2025=2025"}},
		{"year after a period", "", "The treaty expires at the end of 2027.", []string{"2027=2027"}},
		{"month alone in the article's month", "", "Inflation fell in June, the statistics office said.", []string{"June=2025-06"}},
		{"month alone in a past clause", "", "Inflation fell in December, the statistics office said.", []string{"December=2024-12"}},
		{"month alone in a future clause", "", "The tariffs will take effect in December.", []string{"December=2025-12"}},
		{"month alone in the present is the nearest", "2025-01-10", "Elections are in December.", []string{"December=2024-12"}},
		{"months after cues", "", "In March the government fell, and in May elections were held.", []string{"March=2025-03", "May=2025-05"}},
		{"hedged month", "", "The decision came in mid-June.", []string{"mid-June=2025-06"}},
		{"last month name", "", "The plant closed last September.", []string{"last September=2024-09"}},
		{"ordinal of a month", "", "The minister arrived on the first of June.", []string{"first of June=2025-06-01"}},
		{"compound ordinal word", "", "The results are due on the twenty-first of June.", []string{"twenty-first of June=2025-06-21"}},
		{"ordinal in digits", "", "The vote will take place on the 22nd of June.", []string{"22nd of June=2025-06-22"}},
		{"decade", "", "Growth slowed in the 1990s.", []string{"1990s=199"}},
		{"year with a hedge", "", "The treaty was signed in early 2024.", []string{"2024=2024"}},
		{"year with its own hedge", "", "Rates will stay on hold until at least mid-2026.", []string{"mid-2026=2026"}},
		{"present passive is not past", "", "Elections are scheduled for Oct. 26.", []string{"Oct. 26=2025-10-26"}},
		{"present perfect is past", "", "Shares of the company have doubled since January.", []string{"January=2025-01"}},
		{"born on", "", "He was born on 4 July 1976 in Ohio.", []string{"4 July 1976=1976-07-04"}},

		// Relative dates.
		{"today", "", "Today the parliament votes on the budget.", []string{"Today=2025-06-14"}},
		{"yesterday", "", "The minister resigned yesterday.", []string{"yesterday=2025-06-13"}},
		{"tomorrow", "", "The verdict is due tomorrow.", []string{"tomorrow=2025-06-15"}},
		{"last night", "", "Last night the rebels shelled the town.", []string{"Last night=2025-06-13"}},
		{"this morning", "", "This morning the minister left for Brussels.", []string{"This morning=2025-06-14"}},
		{"a day earlier", "", "A day earlier, the army had withdrawn.", []string{"A day earlier=2025-06-13"}},
		{"the previous day", "", "The previous day, the rebels had seized the airport.", []string{"The previous day=2025-06-13"}},
		{"the day before", "", "The vote was on Tuesday. The day before, protesters gathered.", []string{"Tuesday=2025-06-10", "The day before=2025-06-09"}},
		{"the following day", "", "The strike began on Friday. The following day, the unions called it off.", []string{"Friday=2025-06-13", "The following day=2025-06-14"}},
		{"two days later", "", "The strike began on Monday. Two days later, the unions called it off.", []string{"Monday=2025-06-09", "Two days later=2025-06-11"}},
		{"later with no date before it", "", "Twenty-five years later, the case was reopened.", []string{"Twenty-five years later="}},
		{"anaphor skips a future date in a past clause", "", "Talks will open on June 22. Putin spoke to Trump on Saturday. A day earlier, he had called Netanyahu.", []string{"June 22=2025-06-22", "Saturday=2025-06-14", "A day earlier=2025-06-13"}},
		{"hours later is the same day", "", "The strike began on Friday. Two hours later, the unions called it off.", []string{"Friday=2025-06-13", "Two hours later=2025-06-13"}},
		{"the same day", "", "The strike began on Friday and the bill passed the same day.", []string{"Friday=2025-06-13", "the same day=2025-06-13"}},
		{"the following year", "", "The company was founded in 2011 and listed the following year.", []string{"2011=2011", "the following year=2012"}},
		{"last week", "", "Prices rose sharply last week.", []string{"last week=2025-W23"}},
		{"last month", "", "Sales fell last month.", []string{"last month=2025-05"}},
		{"last and next year", "", "The economy shrank last year and will grow next year.", []string{"last year=2024", "next year=2026"}},
		{"this week", "", "Lawmakers debated the bill this week.", []string{"this week=2025-W24"}},
		{"earlier this month", "", "The crash happened earlier this month.", []string{"earlier this month=2025-06"}},
		{"later this year", "", "The ruling is expected later this year.", []string{"later this year=2025"}},
		{"weeks ago", "", "The election took place three weeks ago.", []string{"three weeks ago=2025-W21"}},
		{"a decade ago", "", "The company was fined a decade ago.", []string{"a decade ago=2015"}},
		{"week across a new year", "2026-01-02", "Markets were closed last week.", []string{"last week=2025-W52"}},
		{"the next year after a year", "", "In 1989, the Berlin Wall fell. The next year, Germany reunified.", []string{"1989=1989", "The next year=1990"}},
		{"a year earlier", "", "In the first quarter, profits rose 12 percent from a year earlier.", []string{"a year earlier=2024"}},

		// Durations.
		{"hyphenated minutes", "", "The 50-minute call ended without a deal.", []string{"50-minute=PT50M"}},
		{"minutes", "", "The meeting lasted 50 minutes.", []string{"50 minutes=PT50M"}},
		{"about minutes", "", "Putin and Trump spoke by telephone on Saturday for about 50 minutes, the Kremlin said.", []string{"Saturday=2025-06-14", "about 50 minutes=PT50M"}},
		{"years in words", "", "He served three years in prison.", []string{"three years=P3Y"}},
		{"and a half", "", "The operation took two and a half hours.", []string{"two and a half hours=PT2H30M"}},
		{"an hour", "", "The flight lasted an hour.", []string{"an hour=PT1H"}},
		{"hyphenated days", "", "The 90-day pause expires in July.", []string{"90-day=P90D", "July=2025-07"}},
		{"hyphenated words", "", "Both sides signed a two-year truce.", []string{"two-year=P2Y"}},
		{"compound number word", "", "She has lived there for thirty-two years.", []string{"thirty-two years=P32Y"}},
		{"units joined", "", "The agreement runs for three years and two months.", []string{"three years and two months=P3Y2M"}},
		{"the past years", "", "Output has fallen over the past three years.", []string{"the past three years=P3Y"}},
		{"the next year as a stretch", "", "Over the next year, the bank will cut jobs.", []string{"the next year=P1Y"}},
		{"the past week", "", "Shares fell 5% in the past week.", []string{"the past week=P1W"}},
		{"more than", "", "The fire burned for more than 24 hours.", []string{"more than 24 hours=PT24H"}},
		{"a year and a half", "", "The mission lasted a year and a half.", []string{"a year and a half=P1Y6M"}},
		{"half an hour", "", "It took half an hour to clear the road.", []string{"half an hour=PT30M"}},
		{"decimal hours", "", "He spent 1.5 hours with reporters.", []string{"1.5 hours=PT1H30M"}},
		{"number word minutes", "", "The fighting lasted ninety minutes.", []string{"ninety minutes=PT90M"}},
		{"unit-long", "", "About 40 ships were delayed by the week-long stoppage.", []string{"week-long=P1W"}},
		{"one day after a preposition", "", "The ceasefire lasted for one day.", []string{"one day=P1D"}},
		{"adjective before the unit", "", "Protests have continued for 10 straight days.", []string{"10 straight days=P10D"}},
		{"last the verb", "", "The talks, which began on Tuesday, are expected to last three days.", []string{"Tuesday=2025-06-10", "three days=P3D"}},
		{"a week and a half", "", "The station has been closed for a week and a half.", []string{"a week and a half=P1.5W"}},

		// What is not a time expression.
		{"may the modal", "", "They may go to the coast if it stays dry.", nil},
		{"may at the start of a question", "", "May I ask a question?", nil},
		{"march the verb", "", "Thousands march through the city every year.", nil},
		{"march the noun", "", "The march drew thousands of protesters.", nil},
		{"a month as a first name", "", "June Carter sang on stage.", nil},
		{"a second time", "", "He tried a second time and failed.", nil},
		{"a year in a name", "", "Xinhua 2025 reported record harvests.", nil},
		{"scores and prices", "", "The team won 3-1 and tickets cost $45.", nil},
		{"a price like a year", "", "The shares closed at $2025 on the exchange.", nil},
		{"a count like a year", "", "The plant produced 2025 tonnes of steel.", nil},
		{"a rate", "", "Oil output reached 2,000 barrels a day.", nil},
		{"twice a day", "", "Guards checked the cells twice a day.", nil},
		{"one day as a story opening", "", "One day, he said, the war will end.", nil},
		{"a weekday in a name", "", "It was the Sunday Times that broke the story.", nil},
		{"a holiday", "", "Shoppers flocked to stores on Black Friday.", nil},
		{"an age", "", "A three-year-old boy was rescued.", nil},
		{"an age with of age", "", "Applicants must be 21 years of age.", nil},
		{"an age in words", "", "The child is three years old.", nil},
		{"a programme name", "", "She told the BBC's Today programme that she would stay.", nil},
		{"a rate of hours", "", "The service runs 24 hours a day, seven days a week.", nil},
		{"a product name", "", "Windows 2000 was released long ago.", nil},
		{"a unit in a compound", "", "He announced that day trips would resume.", nil},
		{"plural weekdays", "", "The U.N. Security Council rarely meets on Sundays.", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			published := saturday
			if tc.published != "" {
				var err error
				if published, err = time.Parse(time.DateOnly, tc.published); err != nil {
					t.Fatal(err)
				}
			}
			doc := analyse(t, tc.text, published)
			got := found(doc)
			want := tc.want
			if want == nil {
				want = []string{}
			}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("%s\n got %q\nwant %q", tc.text, got, want)
			}
		})
	}
}

// TestNoPublicationDate checks that without a publication date relative
// expressions are still found, with no value, while absolute dates,
// durations, and dates counted from a date the text gives keep theirs.
func TestNoPublicationDate(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"The ministers met on Saturday and will meet again next Monday.", []string{"Saturday=", "next Monday="}},
		{"The minister resigned yesterday, a week after the vote.", []string{"yesterday=", "a week=P1W"}},
		{"Prices rose last month and fell in June.", []string{"last month=", "June="}},
		{"The talks will resume after June 22.", []string{"June 22="}},
		{"A day earlier, the army had withdrawn.", []string{"A day earlier="}},
		{"The deal was signed on June 22, 2025, in Vienna. Two days later, it collapsed.", []string{"June 22, 2025=2025-06-22", "Two days later=2025-06-24"}},
		{"The company was founded in 2011 and the call lasted 50 minutes.", []string{"2011=2011", "50 minutes=PT50M"}},
	}
	for _, tc := range tests {
		doc := analyse(t, tc.text, time.Time{})
		if got := found(doc); fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("%s\n got %q\nwant %q", tc.text, got, tc.want)
		}
	}
}

// TestSampleArticles runs the recogniser on the sample articles shipped in
// testdata/articles, dated by their headers.
func TestSampleArticles(t *testing.T) {
	tests := []struct {
		file string
		want []string
	}{
		{"leaders-call.txt", []string{"Saturday=2025-06-14", "about 50 minutes=PT50M", "June 22=2025-06-22", "A day earlier=2025-06-13"}},
		{"port-strike.txt", []string{"Monday=2026-03-09", "Sunday=2026-03-08", "three days=P3D", "two years=P2Y", "week-long=P1W", "2015=2015"}},
		{"chip-plant.txt", []string{"Thursday=2026-10-01", "2029=2029", "2011=2011"}},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			arts, errs := article.ReadFile(filepath.Join("..", "..", "testdata", "articles", tc.file), article.Options{})
			if len(errs) > 0 || len(arts) != 1 {
				t.Fatalf("reading the article: %v", errs)
			}
			doc := analyse(t, arts[0].Text, arts[0].Date)
			if got := found(doc); fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("\n got %q\nwant %q", got, tc.want)
			}
		})
	}
}

// TestConcurrentUse runs one Recognizer on many documents at once; under
// the race detector it proves the stage shares nothing between calls.
func TestConcurrentUse(t *testing.T) {
	texts := []string{
		"The ministers met on Saturday for about 50 minutes.",
		"A day earlier, the army had withdrawn. Prices rose last week.",
		"The deal was signed on June 22, 2025. Two days later, it collapsed.",
	}
	want := make([][]string, len(texts))
	docs := make([]*extract.Document, 0, 8*len(texts))
	for i, text := range texts {
		want[i] = found(analyse(t, text, saturday))
		for range 8 {
			doc := analyse(t, text, saturday)
			doc.Times = nil
			docs = append(docs, doc)
		}
	}
	r := timex.New()
	var wg sync.WaitGroup
	errs := make([]error, len(docs))
	for i, doc := range docs {
		wg.Go(func() { errs[i] = r.Process(context.Background(), doc) })
	}
	wg.Wait()
	for i, doc := range docs {
		if errs[i] != nil {
			t.Fatal(errs[i])
		}
		if got := found(doc); fmt.Sprint(got) != fmt.Sprint(want[i/8]) {
			t.Errorf("document %d: got %q, want %q", i, got, want[i/8])
		}
	}
}

// TestCancelled checks that Process honours a cancelled context.
func TestCancelled(t *testing.T) {
	doc := &extract.Document{Text: "Saturday", Tokens: []extract.Token{{End: 8}}, Sentences: []extract.Sentence{{First: 0, Last: 1}}}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := timex.New().Process(ctx, doc); err != context.Canceled {
		t.Errorf("got %v, want context.Canceled", err)
	}
}

// TestRerun checks that running the stage again replaces its results.
func TestRerun(t *testing.T) {
	doc := analyse(t, "The ministers met on Saturday for about 50 minutes.", saturday)
	first := found(doc)
	if err := timex.New().Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if got := found(doc); fmt.Sprint(got) != fmt.Sprint(first) {
		t.Errorf("second run: got %q, want %q", got, first)
	}
}

// TestMalformed checks that sentences and tokens outside the document are
// errors, not panics.
func TestMalformed(t *testing.T) {
	tests := []struct {
		name string
		doc  extract.Document
	}{
		{"sentence past the last token", extract.Document{Text: "Monday", Tokens: []extract.Token{{End: 6}}, Sentences: []extract.Sentence{{First: 0, Last: 2}}}},
		{"sentence backwards", extract.Document{Text: "Monday", Tokens: []extract.Token{{End: 6}}, Sentences: []extract.Sentence{{First: 1, Last: 0}}}},
		{"token past the text", extract.Document{Text: "Monday", Tokens: []extract.Token{{End: 7}}, Sentences: []extract.Sentence{{First: 0, Last: 1}}}},
		{"token backwards", extract.Document{Text: "Monday", Tokens: []extract.Token{{Start: 4, End: 2}}, Sentences: []extract.Sentence{{First: 0, Last: 1}}}},
	}
	for _, tc := range tests {
		if err := timex.New().Process(context.Background(), &tc.doc); err == nil {
			t.Errorf("%s: no error", tc.name)
		}
	}
}
