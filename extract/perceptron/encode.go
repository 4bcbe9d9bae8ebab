package perceptron

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
)

const magic = "NGPERC1\n"

// WriteTo writes the model in a compact binary form: feature keys sorted and
// delta-coded, weights as integer multiples of the model's quantum, all as
// varints. Callers usually compress the stream.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	cw := &countWriter{w: bufio.NewWriter(w)}
	cw.WriteString(magic)
	cw.uvarint(uint64(len(m.classes)))
	for _, c := range m.classes {
		cw.uvarint(uint64(len(c)))
		cw.WriteString(c)
	}
	cw.uvarint(math.Float64bits(m.quantum))
	type row struct {
		key        uint64
		start, end uint32
	}
	rows := make([]row, 0, m.n)
	for _, sl := range m.slots {
		if sl.key != 0 {
			rows = append(rows, row{sl.key, sl.start, sl.end})
		}
	}
	slices.SortFunc(rows, func(a, b row) int {
		switch {
		case a.key < b.key:
			return -1
		case a.key > b.key:
			return 1
		}
		return 0
	})
	cw.uvarint(uint64(len(rows)))
	var prev uint64
	for _, r := range rows {
		cw.uvarint(r.key - prev)
		prev = r.key
		cw.uvarint(uint64(r.end - r.start))
		prevClass := 0
		for j := r.start; j < r.end; j++ {
			e := m.entries[j]
			c := int(e.class)
			cw.uvarint(uint64(c - prevClass))
			prevClass = c
			if m.quantum > 0 {
				cw.varint(int64(math.Round(float64(e.w) / m.quantum)))
			} else {
				cw.uvarint(uint64(math.Float32bits(e.w)))
			}
		}
	}
	if cw.err == nil {
		cw.err = cw.w.Flush()
	}
	return cw.n, cw.err
}

// byteReader is what ReadModel reads from; a *bufio.Reader is one. Reading
// byte by byte through it leaves whatever follows the model unread.
type byteReader interface {
	io.Reader
	io.ByteReader
}

// ReadModel reads a model written by WriteTo. If r is an io.ByteReader,
// ReadModel reads nothing past the model's end.
func ReadModel(r io.Reader) (*Model, error) {
	br, ok := r.(byteReader)
	if !ok {
		br = bufio.NewReader(r)
	}
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != magic {
		return nil, errors.New("perceptron: not a model file")
	}
	rd := &varReader{r: br}
	nc := rd.uvarint()
	if nc > 1<<16 {
		return nil, fmt.Errorf("perceptron: %d classes", nc)
	}
	classes := make([]string, nc)
	for i := range classes {
		n := rd.uvarint()
		if n > 1<<10 {
			return nil, errors.New("perceptron: class name too long")
		}
		buf := make([]byte, n)
		rd.read(buf)
		classes[i] = string(buf)
	}
	quantum := math.Float64frombits(rd.uvarint())
	b := newBuilder(classes, 0)
	b.m.quantum = quantum
	n := rd.uvarint()
	var key uint64
	var row []Weight
	for i := uint64(0); i < n && rd.err == nil; i++ {
		key += rd.uvarint()
		cnt := rd.uvarint()
		if cnt > nc {
			return nil, errors.New("perceptron: corrupt row")
		}
		row = row[:0]
		class := 0
		for j := uint64(0); j < cnt; j++ {
			class += int(rd.uvarint())
			if class >= len(classes) {
				return nil, errors.New("perceptron: class out of range")
			}
			var w float64
			if quantum > 0 {
				w = float64(rd.varint()) * quantum
			} else {
				w = float64(math.Float32frombits(uint32(rd.uvarint())))
			}
			row = append(row, Weight{Class: class, W: w})
		}
		b.add(key, row)
	}
	if rd.err != nil {
		return nil, fmt.Errorf("perceptron: %w", rd.err)
	}
	return b.build(), nil
}

type countWriter struct {
	w   *bufio.Writer
	n   int64
	err error
	buf [binary.MaxVarintLen64]byte
}

func (c *countWriter) write(p []byte) {
	if c.err != nil {
		return
	}
	n, err := c.w.Write(p)
	c.n += int64(n)
	c.err = err
}

func (c *countWriter) WriteString(s string) { c.write([]byte(s)) }
func (c *countWriter) uvarint(v uint64)     { c.write(c.buf[:binary.PutUvarint(c.buf[:], v)]) }
func (c *countWriter) varint(v int64)       { c.write(c.buf[:binary.PutVarint(c.buf[:], v)]) }

type varReader struct {
	r   byteReader
	err error
}

func (v *varReader) uvarint() uint64 {
	if v.err != nil {
		return 0
	}
	x, err := binary.ReadUvarint(v.r)
	v.err = err
	return x
}

func (v *varReader) varint() int64 {
	if v.err != nil {
		return 0
	}
	x, err := binary.ReadVarint(v.r)
	v.err = err
	return x
}

func (v *varReader) read(p []byte) {
	if v.err != nil {
		return
	}
	_, v.err = io.ReadFull(v.r, p)
}
