package timex

import (
	"math"
	"strings"

	"github.com/newsgraph/newsgraph/extract"
)

// The grammar is a list of rules over the tokens of a sentence. Each rule
// tries to read one kind of expression starting at a token, moving a
// cursor over the tokens it takes; the longest reading at a token wins
// (the first rule on ties), and the scan goes on after it. A rule's
// comment gives its pattern: words in quotes are literal, [x] is optional,
// a|b is either, Capitalised names are the cursor's readers.

// A rule reads one kind of time expression at the cursor.
type rule func(c *cursor) (Expr, bool)

// rules is the grammar, most specific first.
var rules = [...]rule{
	monthFirst,
	dayFirst,
	isoDateRule,
	yearAlone,
	monthAlone,
	decadeRule,
	weekdayRule,
	deictic,
	calendarUnit,
	ago,
	anaphoricShift,
	theUnit,
	duration,
	compound,
}

// match returns the longest expression starting at token i and where it
// ends.
func (s *scan) match(i int) (Expr, int, bool) {
	if w := &s.words[i]; w.lex == nil && w.shape == noDigits {
		return Expr{}, 0, false // no rule starts with an unknown word
	}
	var best Expr
	end := i
	c := &s.cur
	for _, r := range rules {
		*c = cursor{s: s, start: i, i: i}
		if e, ok := r(c); ok && c.i > end {
			best, end = e, c.i
		}
	}
	return best, end, end > i
}

// monthFirst reads a date that starts with its month:
//
//	[Weekday [","]] Month (Day [[","] Year] | [","|"of"] Year)
//
// "June 22", "Jan. 5", "June 22, 2025", "Monday, June 16", "June 2025",
// "July of 1977".
func monthFirst(c *cursor) (Expr, bool) {
	e := Expr{Kind: extract.Date}
	c.weekdayPrefix(&e)
	m, ok := c.month()
	if !ok {
		return e, false
	}
	e.Month = m.month
	if d, ok := c.day(); ok {
		e.Day = d
		mark := c.i
		c.word(",")
		if y, ok := c.year(); ok {
			e.Year = y
		} else {
			c.i = mark
		}
		return e, c.dateOK(&e)
	}
	if !c.word(",") {
		c.word("of")
	}
	y, ok := c.year()
	e.Year = y
	return e, ok
}

// dayFirst reads a date that starts with its day:
//
//	[Weekday [","]] Day ["of"] Month [Year]
//
// "22 June", "22nd June 2025", "the 22nd of June" (from "22nd"), "the
// first of June" (from "first"). With "of" the day must be an ordinal,
// and an ordinal word needs "of".
func dayFirst(c *cursor) (Expr, bool) {
	e := Expr{Kind: extract.Date}
	c.weekdayPrefix(&e)
	d, form, ok := c.dayOrdinal()
	if !ok {
		return e, false
	}
	if of := c.word("of"); of && form == cardinalDay || !of && form == wordDay {
		return e, false
	}
	m, ok := c.month()
	if !ok || m.hedged {
		return e, false
	}
	e.Month, e.Day = m.month, d
	if y, ok := c.year(); ok {
		e.Year = y
	}
	return e, c.dateOK(&e)
}

// isoDateRule reads a date written the ISO way, as one token:
// "2025-06-14", "2025-06".
func isoDateRule(c *cursor) (Expr, bool) {
	w := c.w()
	if w.shape != isoDate {
		return Expr{}, false
	}
	c.i++
	return Expr{Kind: extract.Date, Year: w.y, Month: w.m, Day: w.d}, true
}

// yearAlone reads a four-digit year standing alone, only where the words
// around it make it one, for a bare number is more often a count, a price
// or part of a name ("Xinhua 2025"):
//
//	Year  with its own cue ("mid-2026"),
//	      after "in", "since", "by", … ("in 2019"),
//	      after "of" after "the end", "the summer", … ("the end of 2025"),
//	      after a year and "to", "and", "-" ("2019 to 2021"),
//	      between a determiner and a singular noun ("the 2025 budget");
//
// and never before a plural noun, a unit or "%" ("in 2000 years").
func yearAlone(c *cursor) (Expr, bool) {
	y, ok := c.year()
	if !ok {
		return Expr{}, false
	}
	next, nextTok := c.w(), c.s.tok(c.i)
	if next.lex != nil && next.lex.unit.unit != NoUnit || nextTok.XPOS == "NNS" || nextTok.XPOS == "NNPS" || c.s.form(c.i) == "%" {
		return Expr{}, false
	}
	prev, prevTok := c.s.at(c.start-1), c.s.tok(c.start-1)
	switch {
	case c.s.at(c.start).hedged, prev.is(clsYearCue), prev.low() == "early", prev.low() == "late":
	case prev.low() == "of" && c.s.at(c.start-2).is(clsPeriodPart):
	case prev.is(clsRangeLink) && c.s.at(c.start-2).isYear():
	case (prevTok.UPOS == "DET" || prevTok.XPOS == "PRP$") && (nextTok.XPOS == "NN" || nextTok.XPOS == "NNP"):
	default:
		return Expr{}, false
	}
	return Expr{Kind: extract.Date, Year: y}, true
}

// monthAlone reads a month without a day or a year:
//
//	["last"|"next"|"this"] Month
//
// "in June", "since March", "last May", "mid-June". Without "last",
// "next" or "this", the month needs a cue before it ("in", "since",
// "early", …, or a month and "to" in a range), so that "May" the name or
// "March" the noun stay out. Which June is the nearest one, or for a
// past-tense clause the last one, and for a future clause the next one.
func monthAlone(c *cursor) (Expr, bool) {
	e := Expr{Kind: extract.Date}
	mod, _ := c.modifier("last", "next", "this")
	m, ok := c.month()
	if !ok || m.abbrev {
		return e, false
	}
	prev := c.s.at(c.start - 1)
	inRange := prev.is(clsRangeLink) && c.s.at(c.start-2).lex != nil && c.s.at(c.start-2).lex.month > 0
	if mod == "" && !m.hedged && !prev.is(clsMonthCue) && !inRange {
		return e, false
	}
	e.Month = m.month
	switch mod {
	case "last":
		e.Dir = Before
	case "next":
		e.Dir = After
	case "this":
		e.Dir = Nearest
	default:
		e.Dir = c.tense()
	}
	return e, true
}

// decadeRule reads a decade: "1990s" (in "the 1990s").
func decadeRule(c *cursor) (Expr, bool) {
	w := c.w()
	if w.shape != decade || w.y < 100 {
		return Expr{}, false
	}
	c.i++
	return Expr{Kind: extract.Date, Decade: w.y}, true
}

// weekdayRule reads a day of the week:
//
//	["last"|"next"|"this"|"coming"|"past"|"this past"|"this coming"] Weekday [TimeOfDay]
//
// "Saturday", "last Friday", "next Monday", "Tuesday night". Bare, the
// weekday is the article's own day or the nearest one, looking back in a
// past-tense clause and ahead in a future one. It is not a date in a name
// ("the Sunday Times") or a holiday ("Good Friday").
func weekdayRule(c *cursor) (Expr, bool) {
	e := Expr{Kind: extract.Date}
	mod, _ := c.modifier("last", "next", "this", "coming", "past")
	if mod == "this" {
		if m, ok := c.oneOf("past", "coming"); ok {
			mod = m
		}
	}
	w := c.w()
	if w.lex == nil || w.lex.weekday == 0 {
		return e, false
	}
	if prev := c.s.at(c.i - 1); prev.upper && prev.is(clsHoliday) {
		return e, false
	}
	e.Weekday = w.lex.weekday
	c.i++
	if _, ok := c.class(clsTimeOfDay); !ok {
		// A capitalised noun right after the weekday makes it part of a
		// name, whether the tagger calls that noun proper or common
		// ("the Sunday Times").
		if next, t := c.w(), c.s.tok(c.i); (t.UPOS == "PROPN" || t.UPOS == "NOUN") && next.upper && (next.lex == nil || next.lex.month == 0) {
			return e, false
		}
	}
	switch mod {
	case "last", "past":
		e.Dir = Before
	case "next", "coming":
		e.Dir = After
	case "this":
		e.Dir = OnOrAfter
	default:
		e.Dir = c.tense()
	}
	return e, true
}

// deictic reads a day named by its distance from today:
//
//	"today"|"yesterday"|"tomorrow"|"tonight" [TimeOfDay]
//	"this" TimeOfDay | "last night"
//
// Capitalised inside a sentence, "Today" is a name (a programme, a
// newspaper), not a day.
func deictic(c *cursor) (Expr, bool) {
	e := Expr{Kind: extract.Date, Unit: Day}
	w := c.w()
	switch {
	case w.lex != nil && w.lex.isDeict:
		if w.upper && c.i > 0 && !c.s.after(c.i, "PUNCT") {
			return e, false
		}
		c.i++
		e.Shift = w.lex.deictic
		c.class(clsTimeOfDay)
		return e, true
	case c.word("this"):
		_, ok := c.class(clsTimeOfDay)
		return e, ok
	case c.w().low() == "last":
		if _, ok := c.modifier("last"); !ok {
			return e, false
		}
		e.Shift = -1
		return e, c.word("night")
	}
	return e, false
}

// calendarUnit reads a week, month or year named from the current one:
//
//	["earlier"|"later"] "last"|"next"|"this" "week"|"month"|"year"
//
// "last week" (2025-W23), "next month", "earlier this year".
func calendarUnit(c *cursor) (Expr, bool) {
	_, hedged := c.oneOf("earlier", "later")
	mod, ok := c.modifier("last", "next", "this")
	if !ok {
		return Expr{}, false
	}
	if !hedged && c.s.tok(c.start-1).UPOS == "DET" { // "the last week of June"
		return Expr{}, false
	}
	u, ok := c.unit()
	if !ok || u.plural || u.count != 1 || u.unit < Week {
		return Expr{}, false
	}
	e := Expr{Kind: extract.Date, Unit: u.unit}
	switch mod {
	case "last":
		e.Shift = -1
	case "next":
		e.Shift = 1
	}
	return e, true
}

// ago reads a date counted back from today:
//
//	[Approx] Amount "ago"
//
// "three years ago" (2022), "a week ago". Amounts under a day name the
// day itself.
func ago(c *cursor) (Expr, bool) {
	c.class(clsApprox)
	u, n, ok := c.wholeAmount()
	if !ok || !c.word("ago") {
		return Expr{}, false
	}
	return Expr{Kind: extract.Date, Unit: u, Shift: -n}, true
}

// anaphoricShift reads a date counted from the one the text last
// mentioned:
//
//	Amount "earlier"|"later"|"before"|"after"|"afterwards"
//
// "a day earlier", "two days later", "a year before"; "two hours later"
// is the same day. "before" and "after" count only without an object
// ("two days before the vote" is a duration and a relation).
func anaphoricShift(c *cursor) (Expr, bool) {
	u, n, ok := c.wholeAmount()
	if !ok {
		return Expr{}, false
	}
	switch w, _ := c.oneOf("earlier", "later", "before", "after", "afterward", "afterwards"); w {
	case "earlier":
		n = -n
	case "before":
		if !c.standsAlone() {
			return Expr{}, false
		}
		n = -n
	case "after":
		if !c.standsAlone() {
			return Expr{}, false
		}
	case "later", "afterward", "afterwards":
	default:
		return Expr{}, false
	}
	return Expr{Kind: extract.Date, Unit: u, Shift: n, Anaphoric: true}, true
}

// theUnit reads a day, week, month or year named from the one the text
// last mentioned, or a stretch of one unit:
//
//	"the" "previous"|"preceding"|"next"|"following"|"same" Unit
//	"the" Unit "before"|"after"|"earlier"
//	"that" Unit
//	"the" "past"|"last"|"next"|"coming"|"previous"|"following" Unit  (a duration)
//
// "the previous day", "the day before", "the same day", "that week".
// After "over", "within", "for", "during" or "throughout" — and "in" for
// "the next year" — it is a duration ("over the next year" is P1Y), and
// "the past week" always is. Before a noun the unit is part of a compound
// ("that day trip").
func theUnit(c *cursor) (Expr, bool) {
	if c.word("that") {
		u, ok := c.calendarUnitWord()
		return Expr{Kind: extract.Date, Unit: u, Anaphoric: true}, ok && c.s.tok(c.i).UPOS != "NOUN"
	}
	if !c.word("the") {
		return Expr{}, false
	}
	mod, _ := c.oneOf("previous", "preceding", "next", "following", "same", "past", "last", "coming")
	u, ok := c.calendarUnitWord()
	if !ok || c.s.tok(c.i).UPOS == "NOUN" {
		return Expr{}, false
	}
	date := Expr{Kind: extract.Date, Unit: u, Anaphoric: true}
	span := Expr{Kind: extract.Duration}
	span.Period.add(u, 1)
	prev := c.s.at(c.start - 1)
	over := prev.is(clsSpan) && prev.low() != "in"
	switch mod {
	case "":
		switch w, _ := c.oneOf("before", "after", "earlier"); {
		case w == "after" && c.standsAlone():
			date.Shift = 1
		case w == "before" && c.standsAlone(), w == "earlier":
			date.Shift = -1
		default:
			return date, false
		}
		return date, true
	case "past":
		return span, true
	case "last", "coming":
		return span, prev.is(clsSpan)
	case "next":
		if prev.is(clsSpan) {
			return span, true
		}
		date.Shift = 1
	case "previous", "preceding":
		if over {
			return span, true
		}
		date.Shift = -1
	case "following":
		if over {
			return span, true
		}
		date.Shift = 1
	}
	return date, true
}

// duration reads a length of time:
//
//	[Hedge] Amount {("and"|",") Amount}
//	"the" "past"|"last"|"next"|"coming"|"first"|"previous"|"following" Amount
//	"past"|"last"|"next"|"first" Amount
//
// "50 minutes", "about 50 minutes", "two and a half hours", "an hour",
// "two hours and 30 minutes", "the past three days". The hedge belongs
// to the expression ("about", "more than", "at least", …). A rate is not
// a duration ("twice a day", "100 barrels a day", "24 hours a day"), nor
// "a second" ("a second time"), nor an age ("three years old", "21
// years of age").
func duration(c *cursor) (Expr, bool) {
	e := Expr{Kind: extract.Duration}
	var modded bool
	if c.word("the") {
		if _, modded = c.oneOf("past", "last", "next", "coming", "first", "previous", "following"); !modded {
			return e, false
		}
	} else {
		// Without "the", "following" and "previous" are prepositions
		// ("following three days of talks"), and "last" after "to" or a
		// modal is the verb even when the tagger misses it ("expected to
		// last three days").
		if c.w().low() != "last" || !strings.EqualFold(c.s.form(c.i-1), "to") && c.s.tok(c.i-1).XPOS != "MD" {
			_, modded = c.modifier("past", "last", "next", "first")
		}
	}
	if !modded {
		c.hedge()
	}
	first := c.i
	q, ok := c.amount()
	if !ok || modded && q.article {
		return e, false
	}
	if q.article && c.rate(first) || c.s.at(first).low() == "one" && !c.s.after(first, "ADP", "VERB", "AUX") {
		return e, false // "twice a day"; "One day, …"
	}
	e.Period.add(q.unit, q.n)
	for last := q.unit; ; {
		mark := c.i
		if !c.word("and") && !c.word(",") {
			break
		}
		more, ok := c.amount()
		if !ok || more.unit >= last {
			c.i = mark
			break
		}
		e.Period.add(more.unit, more.n)
		last = more.unit
	}
	if c.w().low() == "old" || c.s.at(c.i+1).low() == "age" && c.w().low() == "of" || c.perUnit() {
		return e, false
	}
	return e, true
}

// perUnit reports whether the cursor is at "a day", "an hour", "per
// week": after it, the duration before is a rate ("24 hours a day").
func (c *cursor) perUnit() bool {
	switch c.w().low() {
	case "a", "an", "per":
		u := c.s.at(c.i + 1)
		return u.lex != nil && u.lex.unit.unit != NoUnit && !u.lex.unit.plural
	}
	return false
}

// compound reads a length of time written as one hyphenated word, as in
// "a 50-minute call":
//
//	Number "-" Unit ["-" "long"] | "half" "-" Unit | Unit "-" "long"
//
// "50-minute", "90-day", "two-year", "half-hour", "hour-long". An age
// ("a three-year-old") is not one.
func compound(c *cursor) (Expr, bool) {
	e := Expr{Kind: extract.Duration}
	n := 1.0
	if c.word("half") {
		n = 0.5
	} else if v, ok := c.number(); ok {
		n = v
	}
	counted := c.i > c.start
	if counted && !c.hyphen() {
		return e, false
	}
	u, ok := c.unit()
	if !ok || u.plural {
		return e, false
	}
	long := false
	if mark := c.i; c.hyphen() {
		switch w, _ := c.oneOf("long", "old"); w {
		case "long":
			long = true
		case "old":
			return e, false
		default:
			c.i = mark
		}
	}
	if !counted && !long {
		return e, false
	}
	e.Period.add(u.unit, n*u.count)
	return e, true
}

// cursor walks the tokens of a sentence for one rule. The readers below
// move it past what they read and leave it in place when they fail.
type cursor struct {
	s     *scan
	start int // where the rule began
	i     int // the next token
}

// w returns the word at the cursor.
func (c *cursor) w() *word { return c.s.at(c.i) }

// word reads the lower-cased word w.
func (c *cursor) word(w string) bool {
	if c.w().low() == w {
		c.i++
		return true
	}
	return false
}

// oneOf reads any of the lower-cased words ws and returns it.
func (c *cursor) oneOf(ws ...string) (string, bool) {
	low := c.w().low()
	for _, w := range ws {
		if low == w {
			c.i++
			return w, true
		}
	}
	return "", false
}

// modifier reads one of the lower-cased words ws unless the tagger took it
// for a verb ("the talks will last three days").
func (c *cursor) modifier(ws ...string) (string, bool) {
	if c.s.tok(c.i).UPOS == "VERB" {
		return "", false
	}
	return c.oneOf(ws...)
}

// class reads a word of class cls.
func (c *cursor) class(cls class) (string, bool) {
	if w := c.w(); w.is(cls) {
		c.i++
		return w.lex.word, true
	}
	return "", false
}

// hyphen reads a hyphen written with no space on either side, as in
// "50-minute".
func (c *cursor) hyphen() bool {
	if c.w().low() == "-" && c.s.at(c.i-1).glued && c.w().glued {
		c.i++
		return true
	}
	return false
}

// hedge reads the words that make a duration approximate or a bound:
// "about", "around", "more than", "at least", "up to".
func (c *cursor) hedge() {
	if _, ok := c.class(clsApprox); ok {
		return
	}
	mark := c.i
	switch w, _ := c.oneOf("more", "less", "fewer", "at", "up"); w {
	case "more", "less", "fewer":
		if c.word("than") {
			return
		}
	case "at":
		if _, ok := c.oneOf("least", "most"); ok {
			return
		}
	case "up":
		if c.word("to") {
			return
		}
	}
	c.i = mark
}

// weekdayPrefix reads the weekday a date may start with ("Monday, June
// 16") into e.
func (c *cursor) weekdayPrefix(e *Expr) {
	if w := c.w(); w.lex != nil && w.lex.weekday > 0 {
		c.i++
		c.word(",")
		e.Weekday = w.lex.weekday
	}
}

// month reads a month name: capitalised, and not tagged a verb or an
// auxiliary ("they may go", "they march").
func (c *cursor) month() (*entry, bool) {
	w, t := c.w(), c.s.tok(c.i)
	if w.lex == nil || w.lex.month == 0 || !w.upper && !w.lex.hedged || t.UPOS == "VERB" || t.UPOS == "AUX" {
		return nil, false
	}
	c.i++
	return w.lex, true
}

// day reads a day of the month in digits: "22", "22nd".
func (c *cursor) day() (int, bool) {
	w := c.w()
	if (w.shape == integer && w.ndig <= 2 || w.shape == ordinal) && w.num >= 1 && w.num <= 31 {
		c.i++
		return int(w.num), true
	}
	return 0, false
}

// dayForm is how a day of the month is written.
type dayForm uint8

const (
	cardinalDay dayForm = iota // "22"
	ordinalDay                 // "22nd"
	wordDay                    // "first"
)

// dayOrdinal reads a day of the month in digits or as an ordinal word
// ("first", "twenty-first") and tells how it was written.
func (c *cursor) dayOrdinal() (int, dayForm, bool) {
	w := c.w()
	if w.lex != nil && w.lex.ordinal > 0 {
		c.i++
		return w.lex.ordinal, wordDay, true
	}
	if w.lex != nil && (w.lex.number == 20 || w.lex.number == 30) {
		mark := c.i
		c.i++
		tens, ones := int(w.lex.number), c.s.at(c.i+1).lexOrdinal()
		if ones > 0 && ones < 10 && tens+ones <= 31 && c.hyphen() {
			c.i++
			return tens + ones, wordDay, true
		}
		c.i = mark
	}
	d, ok := c.day()
	if w.shape == ordinal {
		return d, ordinalDay, ok
	}
	return d, cardinalDay, ok
}

// lexOrdinal returns the day an ordinal word names, 0 for other words.
func (w *word) lexOrdinal() int {
	if w.lex == nil {
		return 0
	}
	return w.lex.ordinal
}

// year reads a four-digit year from 1000 to 2999.
func (c *cursor) year() (int, bool) {
	w := c.w()
	if !w.isYear() {
		return 0, false
	}
	c.i++
	return int(w.num), true
}

// isYear reports whether w is written like a year: four digits, 1000 to
// 2999.
func (w *word) isYear() bool {
	return w.shape == integer && w.ndig == 4 && w.num >= 1000 && w.num < 3000
}

// number reads a cardinal number: in digits ("50", "1.5", "1,000") or in
// words ("three", "twenty-five", "two hundred"), with "and a half" after
// it ("two and a half").
func (c *cursor) number() (float64, bool) {
	w := c.w()
	var n float64
	switch {
	case w.shape == integer || w.shape == decimal:
		n = w.num
		c.i++
	case w.lex != nil && w.lex.isNum:
		n = w.lex.number
		c.i++
		if n >= 20 && n < 100 {
			mark := c.i
			if ones := c.s.at(c.i + 1); c.hyphen() && ones.lex != nil && ones.lex.isNum && ones.lex.number > 0 && ones.lex.number < 10 {
				n += ones.lex.number
				c.i++
			} else {
				c.i = mark
			}
		}
		if s := c.w(); s.lex != nil && s.lex.scale > 0 {
			n *= s.lex.scale
			c.i++
		}
	default:
		return 0, false
	}
	mark := c.i
	if c.word("and") && (c.word("a") || c.word("an")) && c.word("half") {
		n += 0.5
	} else {
		c.i = mark
	}
	return n, true
}

// unit reads a unit of time.
func (c *cursor) unit() (unitWord, bool) {
	w := c.w()
	if w.lex == nil || w.lex.unit.unit == NoUnit {
		return unitWord{}, false
	}
	c.i++
	return w.lex.unit, true
}

// calendarUnitWord reads "day", "week", "month" or "year".
func (c *cursor) calendarUnitWord() (Unit, bool) {
	w := c.w()
	if w.lex == nil || w.lex.unit.plural || w.lex.unit.count != 1 || w.lex.unit.unit < Day {
		return NoUnit, false
	}
	c.i++
	return w.lex.unit.unit, true
}

// quantity is an amount of one unit of time.
type quantity struct {
	n       float64 // how many units
	unit    Unit
	article bool // the amount is "a" or "an" ("an hour")
}

// amount reads a number of units of time:
//
//	(Number | "a"|"an" ["half"] | "half" ["a"|"an"]) [UnitAdj] Unit ["and a half"]
//
// "50 minutes", "an hour", "half an hour", "an hour and a half", "two
// and a half hours", "a decade" (ten years), "10 straight days". "and a
// half" follows a singular unit only.
func (c *cursor) amount() (quantity, bool) {
	start := c.i
	var q quantity
	switch {
	case c.word("half"):
		q.n = 0.5
		c.oneOf("a", "an")
	case c.word("a") || c.word("an"):
		q.n, q.article = 1, true
		if c.word("half") {
			q.n = 0.5
		}
	default:
		n, ok := c.number()
		if !ok {
			return q, false
		}
		q.n = n
	}
	c.class(clsUnitAdj)
	u, ok := c.unit()
	if !ok || (q.article || q.n == 0.5) && u.plural || q.article && u.unit == Second {
		c.i = start
		return q, false
	}
	if !u.plural {
		mark := c.i
		if c.word("and") && c.word("a") && c.word("half") {
			q.n += 0.5
		} else {
			c.i = mark
		}
	}
	q.n *= u.count
	q.unit = u.unit
	return q, true
}

// wholeAmount reads an amount of whole units, as a date shift counts
// them: "three years", "a decade" (ten years), "a year and a half"
// (eighteen months). Amounts under a day count as zero days.
func (c *cursor) wholeAmount() (Unit, int, bool) {
	q, ok := c.amount()
	if !ok {
		return NoUnit, 0, false
	}
	switch {
	case q.unit < Day:
		return Day, 0, true
	case q.unit == Year && q.n != math.Trunc(q.n):
		q.unit, q.n = Month, q.n*12
	case q.unit == Week && q.n != math.Trunc(q.n):
		q.unit, q.n = Day, q.n*7
	}
	if q.n != math.Trunc(q.n) || q.n > 1e4 {
		return NoUnit, 0, false
	}
	return q.unit, int(q.n), true
}

// rate reports whether the article that starts an amount at first makes a
// rate rather than a length ("twice a day", "100 barrels a day").
func (c *cursor) rate(first int) bool {
	return c.s.at(first-1).is(clsFrequency) || c.s.after(first, "NOUN", "PROPN", "NUM", "SYM")
}

// standsAlone reports whether the "before" or "after" just read has no
// object, so that it is an adverb ("the day before, …") and not a
// preposition ("the day before the vote").
func (c *cursor) standsAlone() bool {
	if c.i >= len(c.s.toks) {
		return true
	}
	switch c.s.toks[c.i].UPOS {
	case "PUNCT", "CCONJ", "ADP", "ADV":
		return true
	}
	return false
}

// dateOK checks that a date read with its month and day is a real day
// (in some year, when it has none), and gives a yearless date the
// direction of its clause's tense.
func (c *cursor) dateOK(e *Expr) bool {
	y := e.Year
	if y == 0 {
		y = 2000 // a leap year: February 29 is a day of some years
		e.Dir = c.tense()
	}
	return validDate(y, e.Month, e.Day)
}

// tense returns the direction the tense of the clause around the cursor's
// span gives a date.
func (c *cursor) tense() Dir { return c.s.tense(c.start, c.i) }
