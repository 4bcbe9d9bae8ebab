package main

import (
	"slices"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/pipeline"
	"github.com/newsgraph/newsgraph/extract/segment"
)

// defaultMaxSentenceWords is the longest sentence, in words, that ingest
// and extract analyse whole; longer ones are cut into pieces (see
// segment.Limit). It is far above any sentence a person writes (the
// longest of the English Web Treebank has 159 words) and keeps a
// page without punctuation, a 100,000-word "sentence", from making the
// parser and the fact extraction quadratic.
const defaultMaxSentenceWords = 250

// extraction returns m's extraction pipeline with sentences longer than
// maxWords words cut right after the sentence splitter; maxWords <= 0
// means no limit.
func extraction(m *pipeline.Models, maxWords int) extract.Pipeline {
	p := m.Extraction()
	if maxWords <= 0 {
		return p
	}
	i := slices.Index(p, extract.Stage(m.Segmenter))
	return slices.Insert(p, i+1, extract.Stage(segment.Limit{Words: maxWords}))
}
