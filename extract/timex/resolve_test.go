package timex

import (
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/extract"
)

func TestResolve(t *testing.T) {
	date := func(s string) time.Time {
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	sat := date("2025-06-14") // a Saturday
	tests := []struct {
		name   string
		e      Expr
		anchor time.Time
		want   string
	}{
		{"full date", Expr{Kind: extract.Date, Year: 2025, Month: 6, Day: 22}, time.Time{}, "2025-06-22"},
		{"no such day", Expr{Kind: extract.Date, Year: 2025, Month: 2, Day: 29}, sat, ""},
		{"leap day", Expr{Kind: extract.Date, Year: 2024, Month: 2, Day: 29}, sat, "2024-02-29"},
		{"month of a year", Expr{Kind: extract.Date, Year: 2025, Month: 6}, time.Time{}, "2025-06"},
		{"year", Expr{Kind: extract.Date, Year: 987}, time.Time{}, "0987"},
		{"decade", Expr{Kind: extract.Date, Decade: 199}, time.Time{}, "199"},
		{"relative without anchor", Expr{Kind: extract.Date, Unit: Day, Shift: -1}, time.Time{}, ""},
		{"weekday without anchor", Expr{Kind: extract.Date, Weekday: 6}, time.Time{}, ""},

		{"same weekday, nearest", Expr{Kind: extract.Date, Weekday: 6}, sat, "2025-06-14"},
		{"same weekday, on or before", Expr{Kind: extract.Date, Weekday: 6, Dir: OnOrBefore}, sat, "2025-06-14"},
		{"same weekday, on or after", Expr{Kind: extract.Date, Weekday: 6, Dir: OnOrAfter}, sat, "2025-06-14"},
		{"same weekday, before", Expr{Kind: extract.Date, Weekday: 6, Dir: Before}, sat, "2025-06-07"},
		{"same weekday, after", Expr{Kind: extract.Date, Weekday: 6, Dir: After}, sat, "2025-06-21"},
		{"Monday, nearest", Expr{Kind: extract.Date, Weekday: 1}, sat, "2025-06-16"},
		{"Wednesday, nearest", Expr{Kind: extract.Date, Weekday: 3}, sat, "2025-06-11"},
		{"Monday, on or before", Expr{Kind: extract.Date, Weekday: 1, Dir: OnOrBefore}, sat, "2025-06-09"},
		{"Friday, on or after", Expr{Kind: extract.Date, Weekday: 5, Dir: OnOrAfter}, sat, "2025-06-20"},
		{"Sunday, before", Expr{Kind: extract.Date, Weekday: 7, Dir: Before}, sat, "2025-06-08"},
		{"weekday across a month", Expr{Kind: extract.Date, Weekday: 4, Dir: OnOrBefore}, date("2025-03-03"), "2025-02-27"},
		{"anchor's clock and zone ignored", Expr{Kind: extract.Date, Unit: Day}, time.Date(2025, 6, 14, 23, 30, 0, 0, time.FixedZone("X", -11*3600)), "2025-06-14"},

		{"month and day, nearest", Expr{Kind: extract.Date, Month: 6, Day: 22}, sat, "2025-06-22"},
		{"month and day, on or before", Expr{Kind: extract.Date, Month: 6, Day: 22, Dir: OnOrBefore}, sat, "2024-06-22"},
		{"month and day, nearest across a year", Expr{Kind: extract.Date, Month: 12, Day: 30}, date("2025-01-03"), "2024-12-30"},
		{"month and day, nearest into a new year", Expr{Kind: extract.Date, Month: 1, Day: 2}, date("2025-12-30"), "2026-01-02"},
		{"February 29 in a leap year nearby", Expr{Kind: extract.Date, Month: 2, Day: 29, Dir: OnOrBefore}, date("2025-06-14"), "2024-02-29"},
		{"February 30", Expr{Kind: extract.Date, Month: 2, Day: 30}, sat, ""},
		{"month, nearest", Expr{Kind: extract.Date, Month: 12}, date("2025-01-10"), "2024-12"},
		{"month, on or after", Expr{Kind: extract.Date, Month: 12, Dir: OnOrAfter}, date("2025-01-10"), "2025-12"},
		{"same month, on or before", Expr{Kind: extract.Date, Month: 6, Dir: OnOrBefore}, sat, "2025-06"},
		{"same month, before", Expr{Kind: extract.Date, Month: 6, Dir: Before}, sat, "2024-06"},
		{"month, after", Expr{Kind: extract.Date, Month: 3, Dir: After}, sat, "2026-03"},

		{"yesterday", Expr{Kind: extract.Date, Unit: Day, Shift: -1}, date("2025-03-01"), "2025-02-28"},
		{"this week", Expr{Kind: extract.Date, Unit: Week}, sat, "2025-W24"},
		{"next week across a year", Expr{Kind: extract.Date, Unit: Week, Shift: 1}, date("2025-12-24"), "2026-W01"},
		{"last month across a year", Expr{Kind: extract.Date, Unit: Month, Shift: -1}, date("2025-01-31"), "2024-12"},
		{"eighteen months ago", Expr{Kind: extract.Date, Unit: Month, Shift: -18}, sat, "2023-12"},
		{"next year", Expr{Kind: extract.Date, Unit: Year, Shift: 1}, sat, "2026"},

		{"minutes", Expr{Kind: extract.Duration, Period: Period{Minutes: 50}}, time.Time{}, "PT50M"},
		{"hours and a half", Expr{Kind: extract.Duration, Period: Period{Hours: 2.5}}, sat, "PT2H30M"},
		{"years and a half", Expr{Kind: extract.Duration, Period: Period{Years: 1.5}}, sat, "P1Y6M"},
		{"days and a half", Expr{Kind: extract.Duration, Period: Period{Days: 1.5}}, sat, "P1DT12H"},
		{"a fraction kept", Expr{Kind: extract.Duration, Period: Period{Months: 1.5}}, sat, "P1.5M"},
		{"weeks alone", Expr{Kind: extract.Duration, Period: Period{Weeks: 2}}, sat, "P2W"},
		{"weeks with days", Expr{Kind: extract.Duration, Period: Period{Weeks: 2, Days: 3}}, sat, "P17D"},
		{"years and months", Expr{Kind: extract.Duration, Period: Period{Years: 3, Months: 2}}, sat, "P3Y2M"},
		{"date and time units", Expr{Kind: extract.Duration, Period: Period{Days: 1, Minutes: 5}}, sat, "P1DT5M"},
		{"seconds", Expr{Kind: extract.Duration, Period: Period{Seconds: 30}}, sat, "PT30S"},
		{"zero", Expr{Kind: extract.Duration}, sat, "PT0S"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Resolve(tc.e, tc.anchor); got != tc.want {
				t.Errorf("Resolve(%+v, %v) = %q, want %q", tc.e, tc.anchor, got, tc.want)
			}
		})
	}
}

// TestParseValue checks that every date precision Resolve writes reads
// back as the start of the period it names.
func TestParseValue(t *testing.T) {
	tests := []struct {
		value string
		start string
		unit  Unit
	}{
		{"2025-06-14", "2025-06-14", Day},
		{"2025-W24", "2025-06-09", Week},
		{"2026-W01", "2025-12-29", Week},
		{"2025-06", "2025-06-01", Month},
		{"2025", "2025-01-01", Year},
	}
	for _, tc := range tests {
		ref, ok := parseValue(tc.value)
		if !ok || ref.start.Format(time.DateOnly) != tc.start || ref.unit != tc.unit {
			t.Errorf("parseValue(%q) = %v %v %v, want %s %v", tc.value, ref.start, ref.unit, ok, tc.start, tc.unit)
		}
	}
	for _, v := range []string{"", "199", "PT50M", "2025-W", "20x5"} {
		if _, ok := parseValue(v); ok {
			t.Errorf("parseValue(%q) accepted", v)
		}
	}
}

// TestLexicon checks the word tables against the readers' limits.
func TestLexicon(t *testing.T) {
	for w, e := range lexicon {
		if len(w) > maxWord {
			t.Errorf("%q is longer than maxWord (%d): classify never looks it up", w, maxWord)
		}
		if w != e.word {
			t.Errorf("entry %q holds the word %q", w, e.word)
		}
		if strings.ToLower(w) != w {
			t.Errorf("%q is not lower-cased", w)
		}
	}
}
