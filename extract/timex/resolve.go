package timex

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/extract"
)

// Unit is a unit of time.
type Unit uint8

// The units of time, shortest first.
const (
	NoUnit Unit = iota
	Second
	Minute
	Hour
	Day
	Week
	Month
	Year
)

// Dir tells which of the dates that fit an underspecified expression (a
// weekday, a month, a day of a month without a year) it means, relative to
// its anchor.
type Dir uint8

const (
	// Nearest is the closest date on either side, the anchor's own
	// included: "Saturday" in a present-tense clause.
	Nearest Dir = iota
	// OnOrBefore is the latest date not after the anchor: "on Saturday"
	// in a past-tense clause.
	OnOrBefore
	// OnOrAfter is the earliest date not before the anchor: "on Saturday"
	// in a future clause.
	OnOrAfter
	// Before is the latest date strictly before the anchor: "last Friday".
	Before
	// After is the earliest date strictly after the anchor: "next Monday".
	After
)

// Period is a length of time as the text gives it, unit by unit: "two and
// a half hours" is {Hours: 2.5}.
type Period struct {
	Years, Months, Weeks, Days, Hours, Minutes, Seconds float64
}

// add adds n units of u to p.
func (p *Period) add(u Unit, n float64) {
	switch u {
	case Year:
		p.Years += n
	case Month:
		p.Months += n
	case Week:
		p.Weeks += n
	case Day:
		p.Days += n
	case Hour:
		p.Hours += n
	case Minute:
		p.Minutes += n
	case Second:
		p.Seconds += n
	}
}

// ISO returns the period in ISO 8601 form ("PT2H30M", "P3Y"). A fraction
// is carried into the next smaller unit when it comes out whole there (2.5
// hours is PT2H30M, 1.5 years P1Y6M) and kept as a decimal otherwise.
// Weeks are written as days when other units come with them, since ISO
// 8601 writes weeks alone ("P2W", but "P1M14D"). The zero period is "PT0S".
func (p Period) ISO() string {
	q := p
	carry(&q.Years, &q.Months, 12)
	carry(&q.Days, &q.Hours, 24)
	carry(&q.Hours, &q.Minutes, 60)
	carry(&q.Minutes, &q.Seconds, 60)
	if q.Weeks != 0 && (q.Years != 0 || q.Months != 0 || q.Days != 0 || q.Hours != 0 || q.Minutes != 0 || q.Seconds != 0) {
		q.Days += 7 * q.Weeks
		q.Weeks = 0
		carry(&q.Days, &q.Hours, 24)
	}
	var b strings.Builder
	b.WriteByte('P')
	for _, f := range []struct {
		n      float64
		letter byte
	}{{q.Years, 'Y'}, {q.Months, 'M'}, {q.Weeks, 'W'}, {q.Days, 'D'}} {
		writeField(&b, f.n, f.letter)
	}
	if q.Hours != 0 || q.Minutes != 0 || q.Seconds != 0 {
		b.WriteByte('T')
		writeField(&b, q.Hours, 'H')
		writeField(&b, q.Minutes, 'M')
		writeField(&b, q.Seconds, 'S')
	}
	if b.Len() == 1 {
		return "PT0S"
	}
	return b.String()
}

// carry moves the fraction of *n into *smaller when it is a whole number of
// the smaller unit, of which per make one of n.
func carry(n, smaller *float64, per float64) {
	whole := math.Floor(*n)
	frac := (*n - whole) * per
	if frac == 0 || math.Abs(frac-math.Round(frac)) > 1e-9 {
		return
	}
	*n = whole
	*smaller += math.Round(frac)
}

func writeField(b *strings.Builder, n float64, letter byte) {
	if n == 0 {
		return
	}
	b.WriteString(strconv.FormatFloat(n, 'f', -1, 64))
	b.WriteByte(letter)
}

// Expr is a time expression as the grammar reads it, before it is
// anchored in time. Resolve turns it into its ISO 8601 value.
type Expr struct {
	Kind extract.TimeKind

	// Year, Month and Day are the calendar fields the text gives, 0 when
	// absent: "June 22" has Month 6 and Day 22 and no Year.
	Year, Month, Day int
	// Decade is the decade the text names, as its first three digits
	// ("the 1990s" is 199), 0 if none.
	Decade int
	// Weekday is the day of the week the text names, 1 = Monday … 7 =
	// Sunday, 0 if none. It counts only when Month is 0: "Monday, June 16"
	// is June 16.
	Weekday int
	// Dir chooses among the dates that fit a weekday, a month, or a day of
	// a month without a year.
	Dir Dir

	// Unit is set for a date relative to the anchor: Shift units from it,
	// at the unit's precision. "yesterday" is {Unit: Day, Shift: -1},
	// "next year" {Unit: Year, Shift: 1}, "this week" {Unit: Week}.
	Unit  Unit
	Shift int
	// Anaphoric relative dates count from the date the text last
	// mentioned rather than from the publication date: "the previous
	// day", "two days later".
	Anaphoric bool

	// Period is a duration's length.
	Period Period
}

// Resolve returns the ISO 8601 value of e, anchored on anchor (the
// publication date, or for an anaphoric expression the date it refers
// back to): "2025-06-14" for a day, "2025-W24" for a week, "2025-06" for a
// month, "2025" for a year, "199" for a decade (as TimeML writes it), "PT50M"
// for a duration. It returns "" when e needs an anchor and anchor is
// zero, or when the fields make no date (February 30).
func Resolve(e Expr, anchor time.Time) string {
	if e.Kind == extract.Duration {
		return e.Period.ISO()
	}
	switch {
	case e.Decade > 0:
		return fmt.Sprintf("%03d", e.Decade)
	case e.Year > 0 && e.Month > 0 && e.Day > 0:
		if !validDate(e.Year, e.Month, e.Day) {
			return ""
		}
		return fmt.Sprintf("%04d-%02d-%02d", e.Year, e.Month, e.Day)
	case e.Year > 0 && e.Month > 0:
		return fmt.Sprintf("%04d-%02d", e.Year, e.Month)
	case e.Year > 0:
		return fmt.Sprintf("%04d", e.Year)
	}
	if anchor.IsZero() {
		return ""
	}
	a := time.Date(anchor.Year(), anchor.Month(), anchor.Day(), 0, 0, 0, 0, time.UTC)
	switch {
	case e.Unit != NoUnit:
		return shift(a, e.Unit, e.Shift)
	case e.Month > 0 && e.Day > 0:
		return monthDay(a, e.Month, e.Day, e.Dir)
	case e.Month > 0:
		y, m := a.Year(), int(a.Month())
		here := y*12 + m - 1
		best, ok := choose(e.Dir, here, here+(e.Month-m)-12, here+(e.Month-m), here+(e.Month-m)+12)
		if !ok {
			return ""
		}
		return fmt.Sprintf("%04d-%02d", best/12, best%12+1)
	case e.Weekday > 0:
		today := int(a.Weekday()+6) % 7 // 0 = Monday
		d := e.Weekday - 1 - today      // -6 … 6
		off, _ := choose(e.Dir, 0, d-7, d, d+7)
		return day(a.AddDate(0, 0, off))
	}
	return ""
}

// monthDay resolves a day of a month in the year that dir picks around a.
func monthDay(a time.Time, month, dayOfMonth int, dir Dir) string {
	here := daysSinceEpoch(a)
	var cands []int
	for y := a.Year() - 1; y <= a.Year()+1; y++ {
		if validDate(y, month, dayOfMonth) {
			cands = append(cands, daysSinceEpoch(time.Date(y, time.Month(month), dayOfMonth, 0, 0, 0, 0, time.UTC)))
		}
	}
	best, ok := choose(dir, here, cands...)
	if !ok {
		return ""
	}
	return day(time.Unix(int64(best)*86400, 0).UTC())
}

// shift moves a by n units and writes the result at the unit's precision.
func shift(a time.Time, u Unit, n int) string {
	switch u {
	case Year:
		return fmt.Sprintf("%04d", a.Year()+n)
	case Month:
		m := a.Year()*12 + int(a.Month()) - 1 + n
		return fmt.Sprintf("%04d-%02d", m/12, m%12+1)
	case Week:
		y, w := a.AddDate(0, 0, 7*n).ISOWeek()
		return fmt.Sprintf("%04d-W%02d", y, w)
	default:
		return day(a.AddDate(0, 0, n))
	}
}

// choose picks among candidates (in increasing order) the one dir means
// relative to here.
func choose(dir Dir, here int, cands ...int) (int, bool) {
	best, found := 0, false
	for _, c := range cands {
		var fits, better bool
		switch dir {
		case OnOrBefore:
			fits, better = c <= here, c > best
		case Before:
			fits, better = c < here, c > best
		case OnOrAfter:
			fits, better = c >= here, c < best
		case After:
			fits, better = c > here, c < best
		default:
			fits, better = true, abs(c-here) < abs(best-here)
		}
		if fits && (!found || better) {
			best, found = c, true
		}
	}
	return best, found
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func validDate(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return t.Day() == d
}

func daysSinceEpoch(t time.Time) int { return int(t.Unix() / 86400) }

func day(t time.Time) string {
	return fmt.Sprintf("%04d-%02d-%02d", t.Year(), int(t.Month()), t.Day())
}
