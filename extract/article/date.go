package article

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Dates are parsed by hand rather than with time.Parse layouts: there are
// many layouts, and time.Parse resolves zone abbreviations through the
// machine's local time zone, which would make results depend on where the
// program runs. Every result here is in UTC or in a fixed offset.

// isoDate matches ISO 8601 / RFC 3339 dates and times: 2025-06-14,
// 2025-06-14T10:00, 2025-06-14 10:00:00.5+02:00, 2025-06-14T10:00:00Z,
// and 2025/06/14.
var isoDate = regexp.MustCompile(`^(\d{4})([-/])(\d{2})[-/](\d{2})` +
	`(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?[ ]?(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?$`)

// parseDate understands the date formats found in article metadata: ISO
// 8601, RFC 1123 and RFC 2822 ("Sat, 14 Jun 2025 10:00:00 +0200"), and the
// forms people write ("June 14, 2025", "14 June 2025", "Saturday, June
// 14th, 2025 at 3:30 p.m. EDT"). Date-only values are at 00:00 UTC, times
// without a zone are taken as UTC. Ambiguous numeric dates (06/07/2025)
// are not understood.
func parseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if m := isoDate.FindStringSubmatch(s); m != nil {
		if m[2] == "/" && strings.Contains(s[5:], "-") {
			return time.Time{}, false // 2025/06-14
		}
		return isoTime(m)
	}
	return wordDate(s)
}

func isoTime(m []string) (time.Time, bool) {
	num := func(s string) int {
		n, _ := strconv.Atoi(s) // the pattern admits digits only
		return n
	}
	year, month, day := num(m[1]), num(m[3]), num(m[4])
	hour, minute, sec, nsec := 0, 0, 0, 0
	if m[5] != "" {
		hour, minute, sec = num(m[5]), num(m[6]), num(m[7])
		if m[8] != "" {
			nsec = num((m[8] + "00000000")[:9])
		}
	}
	offset, ok := 0, true
	if z := m[9]; z != "" && z != "Z" && z != "UTC" && z != "GMT" {
		offset, ok = numericOffset(z)
	}
	if !ok {
		return time.Time{}, false
	}
	return makeTime(year, month, day, hour, minute, sec, nsec, offset)
}

// numericOffset reads "+02", "+0200" or "+02:00" as seconds east of UTC.
func numericOffset(z string) (int, bool) {
	digits := strings.ReplaceAll(z[1:], ":", "")
	if len(digits) == 2 {
		digits += "00"
	}
	if len(digits) != 4 {
		return 0, false
	}
	h, err1 := strconv.Atoi(digits[:2])
	m, err2 := strconv.Atoi(digits[2:])
	if err1 != nil || err2 != nil || h > 14 || m > 59 {
		return 0, false
	}
	off := h*3600 + m*60
	if z[0] == '-' {
		off = -off
	}
	return off, true
}

// makeTime builds a time after checking every field's range (time.Date
// would silently normalise June 31 to July 1).
func makeTime(year, month, day, hour, minute, sec, nsec, offset int) (time.Time, bool) {
	if year < 1000 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || sec > 60 {
		return time.Time{}, false
	}
	if sec == 60 { // a leap second: keep the date right
		sec = 59
	}
	if day > time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day() {
		return time.Time{}, false
	}
	loc := time.UTC
	if offset != 0 {
		loc = time.FixedZone("", offset)
	}
	return time.Date(year, time.Month(month), day, hour, minute, sec, nsec, loc), true
}

// months and weekdays by their lower-case names and abbreviations.
var (
	months = map[string]int{
		"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
		"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
		"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
		"oct": 10, "nov": 11, "dec": 12,
	}
	weekdays = map[string]bool{
		"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
		"saturday": true, "sunday": true, "mon": true, "tue": true, "tues": true, "wed": true,
		"thu": true, "thur": true, "thurs": true, "fri": true, "sat": true, "sun": true,
	}
	// zones holds the zone abbreviations of RFC 822 and the common
	// unambiguous ones of news sites, in hours east of UTC. Ambiguous ones
	// (IST, CST in China) are left out: a wrong offset is worse than none.
	zones = map[string]float64{
		"ut": 0, "utc": 0, "gmt": 0, "z": 0, "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7,
		"mdt": -6, "pst": -8, "pdt": -7, "akst": -9, "akdt": -8, "hst": -10, "wet": 0, "west": 1,
		"bst": 1, "cet": 1, "cest": 2, "eet": 2, "eest": 3, "msk": 3, "jst": 9, "kst": 9, "hkt": 8,
		"sgt": 8, "aest": 10, "aedt": 11, "acst": 9.5, "acdt": 10.5, "awst": 8, "nzst": 12, "nzdt": 13,
	}
)

// dateWord splits a written date into words: runs of letters (with the
// dots of "a.m." and "Sept."), runs of digits and colons (numbers and
// times), and signed offsets. Commas, parentheses and other white space
// separate words.
var dateWord = regexp.MustCompile(`[+-]\d{2}:?\d{2}|[A-Za-z][A-Za-z.]*|\d[\d:.]*(?:st|nd|rd|th)?|\S`)

// dateComment matches the comments of RFC 2822 dates: "+0000 (UTC)".
var dateComment = regexp.MustCompile(`\([^()]*\)`)

// wordDate parses dates written with a month name, in any order of day,
// month and year, with an optional weekday, time, am/pm and zone. Every
// word must be understood, and each part may appear once.
func wordDate(s string) (time.Time, bool) {
	var (
		year, month, day  = -1, -1, -1
		hour, minute, sec = -1, 0, 0
		ampm              = ""
		offset, haveZone  = 0, false
	)
	s = dateComment.ReplaceAllString(s, " ")
	for _, w := range dateWord.FindAllString(s, -1) {
		lw := strings.ToLower(strings.TrimSuffix(w, "."))
		switch {
		case w == "," || lw == "at" || lw == "on" || weekdays[lw]:
		case months[lw] != 0 && month < 0:
			month = months[lw]
		case (lw == "am" || lw == "a.m" || lw == "pm" || lw == "p.m") && hour >= 0 && ampm == "":
			ampm = lw[:1]
		case w[0] == '+' || w[0] == '-':
			off, ok := numericOffset(w)
			if !ok || haveZone {
				return time.Time{}, false
			}
			offset, haveZone = off, true
		case isZone(lw) && !haveZone:
			offset, haveZone = int(zones[lw]*3600), true
		case strings.Contains(w, ":") && hour < 0:
			var ok bool
			if hour, minute, sec, ok = clock(w); !ok {
				return time.Time{}, false
			}
		case w[0] >= '0' && w[0] <= '9' && !strings.ContainsAny(w, ":."):
			digits := strings.TrimRight(w, "stndrh")
			n, err := strconv.Atoi(digits)
			switch {
			case err != nil:
				return time.Time{}, false
			case len(digits) == 4 && digits == w && year < 0:
				year = n
			case len(digits) <= 2 && day < 0 && (digits == w || ordinal(n, w[len(digits):])):
				day = n
			default:
				return time.Time{}, false
			}
		default:
			return time.Time{}, false
		}
	}
	if year < 0 || month < 0 || day < 0 {
		return time.Time{}, false
	}
	if hour < 0 {
		if ampm != "" || haveZone {
			return time.Time{}, false
		}
		hour = 0
	}
	if ampm != "" {
		if hour < 1 || hour > 12 {
			return time.Time{}, false
		}
		hour %= 12
		if ampm == "p" {
			hour += 12
		}
	}
	return makeTime(year, month, day, hour, minute, sec, 0, offset)
}

func isZone(w string) bool {
	_, ok := zones[w]
	return ok
}

// ordinal tells whether suffix is the right one for n: 1st, 2nd, 3rd, 4th,
// 11th, 21st.
func ordinal(n int, suffix string) bool {
	want := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			want = "st"
		case 2:
			want = "nd"
		case 3:
			want = "rd"
		}
	}
	return suffix == want
}

// clock reads "10:30" or "10:30:15".
func clock(w string) (hour, minute, sec int, ok bool) {
	fields := strings.Split(w, ":")
	if len(fields) < 2 || len(fields) > 3 {
		return 0, 0, 0, false
	}
	var n [3]int
	for i, f := range fields {
		if len(f) == 0 || len(f) > 2 || (i > 0 && len(f) != 2) {
			return 0, 0, 0, false
		}
		v, err := strconv.Atoi(f)
		if err != nil {
			return 0, 0, 0, false
		}
		n[i] = v
	}
	return n[0], n[1], n[2], true
}
