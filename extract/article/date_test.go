package article

import (
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	utc := func(y int, m time.Month, d, h, min, s int) time.Time {
		return time.Date(y, m, d, h, min, s, 0, time.UTC)
	}
	tests := []struct {
		in   string
		want time.Time // zero: not understood
	}{
		// ISO 8601 and RFC 3339.
		{"2025-06-14", utc(2025, 6, 14, 0, 0, 0)},
		{"2025/06/14", utc(2025, 6, 14, 0, 0, 0)},
		{"2025-06-14T10:00:00Z", utc(2025, 6, 14, 10, 0, 0)},
		{"2025-06-14T10:00Z", utc(2025, 6, 14, 10, 0, 0)},
		{"2025-06-14T10:00:00", utc(2025, 6, 14, 10, 0, 0)},
		{"2025-06-14 10:00:00", utc(2025, 6, 14, 10, 0, 0)},
		{"2025-06-14T10:00:00+02:00", utc(2025, 6, 14, 8, 0, 0)},
		{"2025-06-14T10:00:00+0200", utc(2025, 6, 14, 8, 0, 0)},
		{"2025-06-14T10:00:00-05", utc(2025, 6, 14, 15, 0, 0)},
		{"2025-06-14T10:00:00.250Z", time.Date(2025, 6, 14, 10, 0, 0, 250e6, time.UTC)},
		{"2025-06-14T23:30:00-04:30", utc(2025, 6, 15, 4, 0, 0)},
		// RFC 1123 and RFC 2822.
		{"Sat, 14 Jun 2025 10:00:00 GMT", utc(2025, 6, 14, 10, 0, 0)},
		{"Sat, 14 Jun 2025 10:00:00 +0200", utc(2025, 6, 14, 8, 0, 0)},
		{"14 Jun 2025 10:00 -0700", utc(2025, 6, 14, 17, 0, 0)},
		{"Sat, 14 Jun 2025 10:00:00 +0000 (UTC)", utc(2025, 6, 14, 10, 0, 0)},
		{"Sat, 14 Jun 2025 10:00:00 EDT", utc(2025, 6, 14, 14, 0, 0)},
		// Written by people.
		{"June 14, 2025", utc(2025, 6, 14, 0, 0, 0)},
		{"14 June 2025", utc(2025, 6, 14, 0, 0, 0)},
		{"Jun 14 2025", utc(2025, 6, 14, 0, 0, 0)},
		{"Sept. 3, 2025", utc(2025, 9, 3, 0, 0, 0)},
		{"Saturday, June 14th, 2025", utc(2025, 6, 14, 0, 0, 0)},
		{"june 1st, 2025", utc(2025, 6, 1, 0, 0, 0)},
		{"June 14, 2025 at 3:30 p.m. EDT", utc(2025, 6, 14, 19, 30, 0)},
		{"June 14, 2025, 12:05 AM", utc(2025, 6, 14, 0, 5, 0)},
		{"14 June 2025 18:45 BST", utc(2025, 6, 14, 17, 45, 0)},
		{"Sat Jun 14 10:00:00 2025", utc(2025, 6, 14, 10, 0, 0)},
		// Not understood.
		{"", time.Time{}},
		{"yesterday", time.Time{}},
		{"06/07/2025", time.Time{}}, // day and month ambiguous
		{"2025-02-30", time.Time{}}, // no such day
		{"2025-13-01", time.Time{}}, // no such month
		{"2025-06-14T25:00:00Z", time.Time{}},
		{"June 2025", time.Time{}},               // no day
		{"June 31, 2025", time.Time{}},           // no such day
		{"June 14, 2025 10:00 IST", time.Time{}}, // ambiguous zone
		{"June 2nd 14, 2025", time.Time{}},
		{"June 14th, 2025 13:00 pm", time.Time{}},
		{"June 3th, 2025", time.Time{}}, // wrong ordinal
		{"July 4, 2025 July", time.Time{}},
		{"2025/06-14", time.Time{}},
	}
	for _, tt := range tests {
		got, ok := parseDate(tt.in)
		if ok == tt.want.IsZero() || !got.Equal(tt.want) {
			t.Errorf("parseDate(%q) = %v, %v; want %v", tt.in, got, ok, tt.want)
		}
	}
}

// TestParseDateZone checks that times keep the offset they were written
// with, whatever the machine's local time zone.
func TestParseDateZone(t *testing.T) {
	tests := []struct {
		in     string
		offset int
	}{
		{"2025-06-14T10:00:00+02:00", 7200},
		{"2025-06-14T10:00:00Z", 0},
		{"Sat, 14 Jun 2025 10:00:00 PDT", -7 * 3600},
		{"2025-06-14", 0},
	}
	for _, tt := range tests {
		got, ok := parseDate(tt.in)
		if !ok {
			t.Fatalf("parseDate(%q) failed", tt.in)
		}
		if _, off := got.Zone(); off != tt.offset {
			t.Errorf("parseDate(%q) offset %d, want %d", tt.in, off, tt.offset)
		}
		if tt.offset == 0 && got.Location() != time.UTC {
			t.Errorf("parseDate(%q) in %v, want UTC", tt.in, got.Location())
		}
	}
}
