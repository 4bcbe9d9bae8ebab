package article

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWalk builds a tree with hidden files, unsupported extensions,
// symbolic links to files and directories, two loops and a broken link.
func TestWalk(t *testing.T) {
	root := t.TempDir()
	for _, f := range []string{
		"news/a.txt", "news/b.MD", "news/c.pdf", "news/README", "news/.draft.txt", "news/.git/HEAD.txt",
		"news/sub/d.html", "news/sub/e.jsonl", "news/sub/f.txt~", "other/g.htm",
	} {
		path := filepath.Join(root, f)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte("Some text.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	links := []struct{ target, link string }{
		{"..", "news/sub/up"},           // a loop: back to news
		{".", "news/sub/self"},          // a loop: to itself
		{"a.txt", "news/same.txt"},      // the same file again
		{"../other", "news/other-link"}, // a directory not yet read
		{"missing.txt", "news/broken.txt"},
		{"loop2", "news/loop1"}, // a loop of links that resolves to nothing
		{"loop1", "news/loop2"},
	}
	for _, l := range links {
		if err := os.Symlink(l.target, filepath.Join(root, l.link)); err != nil {
			t.Skipf("symbolic links not available: %v", err)
		}
	}
	fifo := filepath.Join(root, "news", "pipe")
	if err := mkfifo(fifo); err != nil {
		fifo = ""
	}

	files, skipped, err := Walk([]string{filepath.Join(root, "news"), filepath.Join(root, "other"), filepath.Join(root, "news/c.pdf")})
	if err != nil {
		t.Fatal(err)
	}
	rel := func(p string) string { r, _ := filepath.Rel(root, p); return filepath.ToSlash(r) }
	var got []string
	for _, f := range files {
		got = append(got, rel(f))
	}
	want := []string{"news/README", "news/a.txt", "news/b.MD", "news/other-link/g.htm", "news/sub/d.html", "news/sub/e.jsonl", "news/c.pdf"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("files\n got %q\nwant %q", got, want)
	}
	reasons := map[string]string{}
	for _, s := range skipped {
		reasons[rel(s.Path)] = s.Reason
	}
	wantSkipped := map[string]string{
		"news/.draft.txt": "hidden",
		"news/.git":       "hidden",
		"news/c.pdf":      "unsupported extension .pdf",
		"news/sub/f.txt~": "unsupported extension .txt~",
		"news/sub/up":     "symbolic link loop: leads back to a directory above it",
		"news/sub/self":   "symbolic link loop: leads back to a directory above it",
		"news/same.txt":   "same file as " + filepath.Join(root, "news/a.txt"),
		"other":           "same directory as " + filepath.Join(root, "news/other-link"),
		"news/broken.txt": "unusable symbolic link: no such file or directory",
		"news/loop1":      "unusable symbolic link: too many levels of symbolic links",
		"news/loop2":      "unusable symbolic link: too many levels of symbolic links",
	}
	if fifo != "" {
		wantSkipped["news/pipe"] = "not a regular file"
	}
	for path, reason := range wantSkipped {
		if reasons[path] != reason {
			t.Errorf("skipped %s: reason %q, want %q", path, reasons[path], reason)
		}
	}
	if len(skipped) != len(wantSkipped) {
		t.Errorf("skipped %v, want %d entries", skipped, len(wantSkipped))
	}
}

func TestWalkErrors(t *testing.T) {
	root := t.TempDir()
	ok := filepath.Join(root, "ok.txt")
	if err := os.WriteFile(ok, []byte("Text.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	files, _, err := Walk([]string{filepath.Join(root, "nope"), ok})
	if err == nil || !strings.Contains(err.Error(), filepath.Join(root, "nope")) {
		t.Errorf("error %v does not name the missing path", err)
	}
	if len(files) != 1 || files[0] != ok {
		t.Errorf("files %q, want the readable one", files)
	}
}
