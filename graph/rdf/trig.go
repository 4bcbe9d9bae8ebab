package rdf

import "io"

// NewTriG returns a Writer of RDF 1.1 TriG: Turtle (see NewTurtle) with
// each run of consecutive quads of one graph in a block "<label> { ... }",
// and quads without a label in an unnamed block "{ ... }". A graph whose
// quads come in several runs gets several blocks, which TriG merges.
func NewTriG(w io.Writer, p Prefixes) Writer { return newTurtle(w, p, true) }
