// Package timex finds time expressions in news text and normalises them to
// ISO 8601, anchored on the article's publication date: "on Saturday" in
// an article of Saturday 2025-06-14 is 2025-06-14, "last week" 2025-W23,
// "June 22" 2025-06-22, "a 50-minute call" PT50M.
//
// It is a rule-based stage, in the way of SUTime and HeidelTime: a small
// grammar over the tagged and parsed tokens (grammar.go), word tables
// (tables.go), and Resolve, a pure function that anchors what the grammar
// read. The parse supplies what the words alone do not: the tense of the
// clause a weekday or a month stands in ("spoke on Friday" is the last
// Friday, "will meet on Friday" the next one), and the parts of speech
// keep "May" the modal verb and "march" the verb out.
//
// Dates relative to today ("yesterday", "last week", "Saturday") are
// anchored on Document.Published; dates relative to another date ("the
// previous day", "two days later") on the date the text last mentioned,
// looking, in a past-tense clause, only at dates not after publication.
// Without a publication date, relative expressions are still found, with
// an empty Value unless they refer back to a date the text spells out.
package timex

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/newsgraph/newsgraph/extract"
)

// Recognizer is the pipeline stage that fills Document.Times. It holds no
// state: its zero value is ready to use and safe for concurrent use.
type Recognizer struct{}

// New returns a Recognizer.
func New() *Recognizer { return &Recognizer{} }

// Process finds the time expressions of a tagged and parsed document and
// sets doc.Times to them, in text order, each inside one sentence.
func (*Recognizer) Process(ctx context.Context, doc *extract.Document) error {
	doc.Times = doc.Times[:0]
	var (
		s    scan
		refs references
	)
	for si, sent := range doc.Sentences {
		if si%64 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if sent.First < 0 || sent.Last > len(doc.Tokens) || sent.First > sent.Last {
			return fmt.Errorf("timex: sentence %d spans tokens %d to %d of %d", si, sent.First, sent.Last, len(doc.Tokens))
		}
		if err := s.reset(doc, sent); err != nil {
			return err
		}
		for i := 0; i < len(s.words); {
			e, end, ok := s.match(i)
			if !ok {
				i++
				continue
			}
			anchor, referred, past := doc.Published, true, false
			if e.Anaphoric {
				past = s.tense(i, end) == OnOrBefore
				anchor, referred = refs.anchor(e.Unit, past, doc.Published)
			}
			value := Resolve(e, anchor)
			if !referred && past && e.Shift > 0 {
				// "Two days later, the case was closed" with no date before
				// it: counting from publication would put a past event in
				// the future.
				value = ""
			}
			doc.Times = append(doc.Times, extract.TimeExpr{
				Span:  extract.Span{First: s.base + i, Last: s.base + end},
				Kind:  e.Kind,
				Value: value,
			})
			if e.Kind == extract.Date {
				refs.note(value)
			}
			i = end
		}
	}
	return nil
}

// reference is a date the text mentioned, which later anaphoric
// expressions may count from.
type reference struct {
	start time.Time // its first day
	unit  Unit      // its precision: Day, Week, Month or Year
}

// references are the dates mentioned so far, in text order.
type references []reference

// lookBack bounds how many mentioned dates an anaphoric expression looks
// through, keeping the work per expression constant.
const lookBack = 16

// note records a resolved date value.
func (r *references) note(value string) {
	if ref, ok := parseValue(value); ok {
		*r = append(*r, ref)
	}
}

// anchor returns the date an anaphoric expression counting in units of u
// refers back to: the last one mentioned that is at least as precise as u
// (a year anchors "the following year" but not "the next day"), and, in a
// past-tense clause, not after publication. Without one, it falls back on
// the publication date and reports false.
func (r references) anchor(u Unit, past bool, published time.Time) (time.Time, bool) {
	for k := len(r) - 1; k >= 0 && k >= len(r)-lookBack; k-- {
		ref := r[k]
		if ref.unit > u {
			continue
		}
		if past && !published.IsZero() && ref.start.After(published) {
			continue
		}
		return ref.start, true
	}
	return published, false
}

// parseValue reads back a date value Resolve wrote at day, week, month or
// year precision.
func parseValue(v string) (reference, bool) {
	switch {
	case len(v) == 10:
		t, err := time.Parse(time.DateOnly, v)
		return reference{t, Day}, err == nil
	case len(v) == 8 && v[5] == 'W':
		y, err1 := strconv.Atoi(v[:4])
		w, err2 := strconv.Atoi(v[6:])
		if err1 != nil || err2 != nil {
			return reference{}, false
		}
		// ISO week 1 holds January 4th; weeks start on Monday.
		jan4 := time.Date(y, time.January, 4, 0, 0, 0, 0, time.UTC)
		monday := jan4.AddDate(0, 0, -int((jan4.Weekday()+6)%7)+7*(w-1))
		return reference{monday, Week}, true
	case len(v) == 7:
		t, err := time.Parse("2006-01", v)
		return reference{t, Month}, err == nil
	case len(v) == 4:
		t, err := time.Parse("2006", v)
		return reference{t, Year}, err == nil
	}
	return reference{}, false
}
