package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExitStatus(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.txt")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	good := filepath.Join("..", "..", "testdata", "articles", "port-strike.txt")
	for _, tc := range []struct {
		name       string
		args       []string
		status     int
		stdout     string // a substring the output must have
		stderrLine string // a substring of the last stderr line
	}{
		{"no command", nil, 2, "", "--help"},
		{"help", []string{"help"}, 0, "", "--help"},
		{"unknown command", []string{"frobnicate"}, 2, "", `unknown command "frobnicate"`},
		{"command help", []string{"parse", "--help"}, 0, "", "standard output"},
		{"bad flag", []string{"parse", "--no-such-flag"}, 2, "", ""},
		{"parse", []string{"parse", good}, 0, "# newdoc id = " + good, ""},
		{"partial failure", []string{"parse", good, empty, filepath.Join(dir, "missing.txt")}, 1, "Rotterdam", "2 input(s) refused"},
		{"eval usage", []string{"eval"}, 2, "", "eval ud"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			status := run(context.Background(), tc.args, &stdout, &stderr)
			if status != tc.status {
				t.Errorf("status %d, want %d; stderr:\n%s", status, tc.status, stderr.String())
			}
			if !strings.Contains(stdout.String(), tc.stdout) {
				t.Errorf("stdout lacks %q", tc.stdout)
			}
			lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
			if last := lines[len(lines)-1]; !strings.Contains(last, tc.stderrLine) {
				t.Errorf("last stderr line %q lacks %q", last, tc.stderrLine)
			}
		})
	}
}
