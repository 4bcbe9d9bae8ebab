package timex

import "strings"

// The word tables of the grammar. They are built once, at package
// initialisation, into lexicon and never written again.

// monthNames are the months, January first.
var monthNames = [12]string{
	"january", "february", "march", "april", "may", "june",
	"july", "august", "september", "october", "november", "december",
}

// monthAbbrevs are the abbreviated month forms news style uses ("Jan. 5",
// "Sept. 12"). Being short and often names or words of their own ("Jan",
// "Mar"), they count only next to a day or a year.
var monthAbbrevs = map[string]int{
	"jan": 1, "jan.": 1, "feb": 2, "feb.": 2, "mar.": 3, "apr": 4, "apr.": 4,
	"jun.": 6, "jul.": 7, "aug": 8, "aug.": 8, "sep": 9, "sep.": 9, "sept": 9,
	"sept.": 9, "oct": 10, "oct.": 10, "nov": 11, "nov.": 11, "dec": 12, "dec.": 12,
}

// weekdayNames are the days of the week, Monday first (ISO 8601 order).
var weekdayNames = [7]string{
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
}

// cardinals are the number words up to ninety-nine that are one word;
// "twenty-five" is read as "twenty", "-", "five".
var cardinals = map[string]float64{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
	"thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
	"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
	"eighty": 80, "ninety": 90,
}

// multipliers scale the number before them: "two hundred".
var multipliers = map[string]float64{"hundred": 100, "thousand": 1000}

// ordinals are the ordinal words that name a day of the month ("the
// first of June"); "twenty-first" is read as "twenty", "-", "first".
var ordinals = map[string]int{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
	"seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
	"twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
	"sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
	"twentieth": 20, "thirtieth": 30,
}

// unitWord is a word for a length of time: a unit, and how many of it the
// word stands for ("decade" is ten years).
type unitWord struct {
	unit   Unit
	count  float64
	plural bool
}

// units are the words for lengths of time.
var units = map[string]unitWord{
	"second": {Second, 1, false}, "seconds": {Second, 1, true},
	"minute": {Minute, 1, false}, "minutes": {Minute, 1, true},
	"min": {Minute, 1, false}, "mins": {Minute, 1, true},
	"hour": {Hour, 1, false}, "hours": {Hour, 1, true},
	"hr": {Hour, 1, false}, "hrs": {Hour, 1, true},
	"day": {Day, 1, false}, "days": {Day, 1, true},
	"week": {Week, 1, false}, "weeks": {Week, 1, true},
	"fortnight": {Day, 14, false}, "fortnights": {Day, 14, true},
	"month": {Month, 1, false}, "months": {Month, 1, true},
	"year": {Year, 1, false}, "years": {Year, 1, true},
	"decade": {Year, 10, false}, "decades": {Year, 10, true},
	"century": {Year, 100, false}, "centuries": {Year, 100, true},
}

// deictics are the words that name a day by its distance from today.
var deictics = map[string]int{"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}

// class is a set of word classes the grammar tests for; a word can be in
// several.
type class uint32

const (
	// clsTimeOfDay words follow a day ("Tuesday night").
	clsTimeOfDay class = 1 << iota
	// clsMonthCue words before a bare month name make it a date ("in
	// June", "since May"): prepositions, and "early", "late", "mid".
	clsMonthCue
	// clsYearCue words before a bare four-digit number make it a year
	// ("in 2019", "since 2020", "the budget for 2026").
	clsYearCue
	// clsPeriodPart words are parts of a month or a year, before "of"
	// ("the end of June", "the summer of 2019").
	clsPeriodPart
	// clsApprox words hedge a duration and belong to it ("about 50
	// minutes").
	clsApprox
	// clsSpan words before "the next year" make it a stretch of time
	// rather than a date ("over the next year").
	clsSpan
	// clsFrequency words before "a day" make it a rate, not a length
	// ("twice a day").
	clsFrequency
	// clsHoliday words before a weekday make it a named day we do not
	// resolve ("Good Friday", "Super Tuesday").
	clsHoliday
	// clsRangeLink words join two dates of a range ("2019 to 2021").
	clsRangeLink
	// clsUnitAdj words may stand between an amount and its unit ("10
	// straight days", "two more years").
	clsUnitAdj
)

// classes lists the members of each word class.
var classes = []struct {
	cls   class
	words string
}{
	{clsTimeOfDay, "morning afternoon evening night"},
	{clsMonthCue, "in since by until till before after during through throughout from of early late mid"},
	{clsYearCue, "in since by until till before after during through throughout from between for"},
	{clsPeriodPart, "start beginning end middle half summer winter spring autumn fall quarter"},
	{clsApprox, "about around roughly approximately nearly almost some"},
	{clsSpan, "over within for during throughout in"},
	{clsFrequency, "once twice thrice times per"},
	{clsHoliday, "good black super ash holy maundy easter bloody cyber palm shrove"},
	{clsRangeLink, "and or to through - – —"},
	{clsUnitAdj, "straight consecutive full whole long more additional further extra"},
}

// entry is what the lexicon knows of one lower-cased word.
type entry struct {
	word    string  // the word itself, lower-cased
	month   int     // 1–12 for a month name
	abbrev  bool    // month is an abbreviation: it needs a day or a year
	hedged  bool    // month comes with its own cue ("mid-June")
	weekday int     // 1 = Monday … 7 = Sunday
	number  float64 // value of a cardinal number word
	isNum   bool    // the word is a cardinal number word
	scale   float64 // multiplier value ("hundred")
	ordinal int     // day named by an ordinal word
	unit    unitWord
	deictic int // offset in days of a deictic word
	isDeict bool
	cls     class
}

// keywords are the other words rules test one by one.
var keywords = strings.Fields(`a an the and half last next this past coming
	previous preceding following same that ago earlier later before after
	afterward afterwards , of more less fewer than at least most up long old age`)

// lexicon maps every word the grammar knows, lower-cased, to its entry.
var lexicon = buildLexicon()

func buildLexicon() map[string]*entry {
	lex := make(map[string]*entry)
	get := func(w string) *entry {
		e := lex[w]
		if e == nil {
			e = &entry{word: w}
			lex[w] = e
		}
		return e
	}
	for i, name := range monthNames {
		get(name).month = i + 1
		for _, cue := range []string{"mid-", "early-", "late-"} {
			e := get(cue + name)
			e.month, e.hedged = i+1, true
		}
	}
	for w, m := range monthAbbrevs {
		e := get(w)
		e.month, e.abbrev = m, true
	}
	for i, name := range weekdayNames {
		get(name).weekday = i + 1
	}
	for w, n := range cardinals {
		e := get(w)
		e.number, e.isNum = n, true
	}
	for w, n := range multipliers {
		get(w).scale = n
	}
	for w, n := range ordinals {
		get(w).ordinal = n
	}
	for w, u := range units {
		get(w).unit = u
	}
	for w, d := range deictics {
		e := get(w)
		e.deictic, e.isDeict = d, true
	}
	for _, c := range classes {
		for _, w := range strings.Fields(c.words) {
			get(w).cls |= c.cls
		}
	}
	for _, w := range keywords {
		get(w)
	}
	return lex
}
