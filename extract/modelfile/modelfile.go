// Package modelfile reads and writes the files newsgraph's trained models
// are shipped in: a gzip stream that starts with a header naming the kind of
// model, followed by the fields each model writes in its own order (varints,
// strings, string lists, perceptron models).
//
// Writer and Reader remember the first error, so a model's WriteTo or Load
// is a plain sequence of calls followed by one error check.
package modelfile

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"

	"github.com/newsgraph/newsgraph/extract/perceptron"
)

const header = "newsgraph model "

// maxString bounds a string read from a file, so that a corrupt length
// cannot ask for gigabytes.
const maxString = 1 << 24

// Writer writes a model file.
type Writer struct {
	count *countingWriter
	zw    *gzip.Writer
	bw    *bufio.Writer
	err   error
	buf   [binary.MaxVarintLen64]byte
}

// NewWriter starts a model file of the given kind ("tagger", "parser", ...).
func NewWriter(w io.Writer, kind string) *Writer {
	cw := &countingWriter{w: w}
	zw, _ := gzip.NewWriterLevel(cw, gzip.BestCompression)
	// The gzip header's time stays zero, so identical models give
	// byte-identical files.
	mw := &Writer{count: cw, zw: zw, bw: bufio.NewWriter(zw)}
	mw.String(header + kind)
	return mw
}

func (w *Writer) write(p []byte) {
	if w.err == nil {
		_, w.err = w.bw.Write(p)
	}
}

// Uvarint writes an unsigned integer.
func (w *Writer) Uvarint(v uint64) { w.write(w.buf[:binary.PutUvarint(w.buf[:], v)]) }

// Float writes a float64.
func (w *Writer) Float(f float64) { w.Uvarint(math.Float64bits(f)) }

// String writes a length-prefixed string.
func (w *Writer) String(s string) {
	w.Uvarint(uint64(len(s)))
	if w.err == nil {
		_, w.err = w.bw.WriteString(s)
	}
}

// Strings writes a list of strings.
func (w *Writer) Strings(list []string) {
	w.Uvarint(uint64(len(list)))
	for _, s := range list {
		w.String(s)
	}
}

// Model writes a perceptron model.
func (w *Writer) Model(m *perceptron.Model) {
	if w.err == nil {
		_, w.err = m.WriteTo(w.bw)
	}
}

// Close finishes the file and reports the bytes written and the first error.
func (w *Writer) Close() (int64, error) {
	if w.err == nil {
		w.err = w.bw.Flush()
	}
	if err := w.zw.Close(); w.err == nil {
		w.err = err
	}
	return w.count.n, w.err
}

// Reader reads a model file.
type Reader struct {
	r   *bufio.Reader
	err error
}

// NewReader opens a model file and checks that it holds a model of kind.
func NewReader(r io.Reader, kind string) (*Reader, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("not a %s model file: %w", kind, err)
	}
	mr := &Reader{r: bufio.NewReader(zr)}
	if got := mr.String(); mr.err != nil || got != header+kind {
		return nil, fmt.Errorf("not a %s model file", kind)
	}
	return mr, nil
}

// Err returns the first error met while reading.
func (r *Reader) Err() error {
	if errors.Is(r.err, io.EOF) {
		return io.ErrUnexpectedEOF
	}
	return r.err
}

// Uvarint reads an unsigned integer.
func (r *Reader) Uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	v, err := binary.ReadUvarint(r.r)
	r.err = err
	return v
}

// Int reads an unsigned integer that must be at most limit, as a count or
// index; a larger value is a corrupt file.
func (r *Reader) Int(limit int) int {
	v := r.Uvarint()
	if v > uint64(limit) && r.err == nil {
		r.err = fmt.Errorf("value %d exceeds %d: corrupt model file", v, limit)
	}
	if r.err != nil {
		return 0
	}
	return int(v)
}

// Float reads a float64.
func (r *Reader) Float() float64 { return math.Float64frombits(r.Uvarint()) }

// String reads a string.
func (r *Reader) String() string {
	n := r.Int(maxString)
	if r.err != nil {
		return ""
	}
	buf := make([]byte, n)
	_, r.err = io.ReadFull(r.r, buf)
	return string(buf)
}

// Strings reads a list of strings.
func (r *Reader) Strings() []string {
	n := r.Int(maxString)
	var list []string
	for i := 0; i < n && r.err == nil; i++ {
		list = append(list, r.String())
	}
	return list
}

// Model reads a perceptron model.
func (r *Reader) Model() *perceptron.Model {
	if r.err != nil {
		return nil
	}
	m, err := perceptron.ReadModel(r.r)
	r.err = err
	return m
}

type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
