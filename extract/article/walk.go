package article

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Skipped is a path that Walk left out, and why.
type Skipped struct {
	Path, Reason string
}

// Walk expands paths, files and directories, into the files to read.
// Directories are read recursively in sorted order, depth first; in them,
// hidden entries (names starting with '.'), files with an unsupported
// extension and special files are skipped with a reason. Files named in
// paths are always kept, whatever their extension: Read sniffs them.
// Symbolic links are followed, but a link back to a directory being read
// (a loop) or to a file or directory already listed is skipped, so every
// file is listed once. err reports the paths that do not exist or cannot
// be read at all; files and skipped are complete for the others.
func Walk(paths []string) (files []string, skipped []Skipped, err error) {
	w := &walker{seen: map[string]string{}}
	var errs []error
	for _, p := range paths {
		info, err := os.Stat(p)
		switch {
		case err != nil:
			errs = append(errs, err)
		case info.IsDir():
			w.dir(p, nil)
		case info.Mode().IsRegular():
			w.file(p)
		default:
			w.skip(p, "not a regular file")
		}
	}
	return w.files, w.skipped, errors.Join(errs...)
}

type walker struct {
	files   []string
	skipped []Skipped
	seen    map[string]string // real path → the path it was listed under
}

func (w *walker) skip(path, reason string) {
	w.skipped = append(w.skipped, Skipped{Path: path, Reason: reason})
}

// realPath returns the absolute path of path with every symbolic link resolved.
func realPath(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	return filepath.EvalSymlinks(abs)
}

// file lists a regular file unless it was listed already.
func (w *walker) file(path string) {
	r, err := realPath(path)
	if err != nil {
		w.skip(path, cause(err))
		return
	}
	if first, ok := w.seen[r]; ok {
		w.skip(path, fmt.Sprintf("same file as %s", first))
		return
	}
	w.seen[r] = path
	w.files = append(w.files, path)
}

// dir lists the files under a directory; ancestors are the real paths of
// the directories being read around it.
func (w *walker) dir(path string, ancestors []string) {
	r, err := realPath(path)
	if err != nil {
		w.skip(path, cause(err))
		return
	}
	if slices.Contains(ancestors, r) {
		w.skip(path, "symbolic link loop: leads back to a directory above it")
		return
	}
	if first, ok := w.seen[r]; ok {
		w.skip(path, fmt.Sprintf("same directory as %s", first))
		return
	}
	w.seen[r] = path
	entries, err := os.ReadDir(path) // sorted by name
	if err != nil {
		w.skip(path, fmt.Sprintf("unreadable directory: %s", cause(err)))
		// ReadDir returns the entries it read before the error: go on.
	}
	ancestors = append(ancestors, r)
	for _, e := range entries {
		child := filepath.Join(path, e.Name())
		if strings.HasPrefix(e.Name(), ".") {
			w.skip(child, "hidden")
			continue
		}
		mode := e.Type()
		if mode&fs.ModeSymlink != 0 {
			info, err := os.Stat(child)
			if err != nil {
				w.skip(child, fmt.Sprintf("unusable symbolic link: %s", cause(err)))
				continue
			}
			mode = info.Mode().Type()
		}
		switch {
		case mode.IsDir():
			w.dir(child, ancestors)
		case !mode.IsRegular():
			w.skip(child, "not a regular file")
		case !supported(child):
			w.skip(child, fmt.Sprintf("unsupported extension %s", filepath.Ext(child)))
		default:
			w.file(child)
		}
	}
}

// supported tells whether a file found in a directory is to be read: a
// known extension, or none at all.
func supported(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	_, ok := extensions[ext]
	return ok || ext == ""
}

// cause is the message of an error without the path that a *PathError
// repeats.
func cause(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
