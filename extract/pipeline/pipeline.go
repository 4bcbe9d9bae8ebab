// Package pipeline assembles newsgraph's NLP pipeline from its trained
// models: tokenizer → sentence splitter → tagger → lemmatiser → parser,
// and for fact extraction the named-entity recogniser.
//
// The models newsgraph ships are embedded in the binary (models/*.model,
// rebuilt by `newsgraph train`); Embedded loads them once per process and
// every caller shares them, which is safe because models are immutable.
// LoadDir loads models from a directory instead, to try freshly trained ones.
package pipeline

import (
	"embed"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sync"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/clause"
	"github.com/newsgraph/newsgraph/extract/entity"
	"github.com/newsgraph/newsgraph/extract/fact"
	"github.com/newsgraph/newsgraph/extract/gazetteer"
	"github.com/newsgraph/newsgraph/extract/morph"
	"github.com/newsgraph/newsgraph/extract/ner"
	"github.com/newsgraph/newsgraph/extract/parse"
	"github.com/newsgraph/newsgraph/extract/segment"
	"github.com/newsgraph/newsgraph/extract/tag"
	"github.com/newsgraph/newsgraph/extract/timex"
	"github.com/newsgraph/newsgraph/extract/tokenize"
)

// Model file names, inside the models directory.
const (
	SegmenterFile = "segment.model"
	TaggerFile    = "tagger.model"
	MorphFile     = "morph.model"
	ParserFile    = "parser.model"
	NERFile       = "ner.model"
)

// ModelDir is where `newsgraph train` writes models by default, relative to
// the repository root, so that the next build embeds them.
const ModelDir = "extract/pipeline/models"

//go:embed models/*.model
var embedded embed.FS

// Models are the trained stages of the pipeline.
type Models struct {
	Tokenizer *tokenize.Tokenizer
	Segmenter *segment.Model
	Tagger    *tag.Model
	Morph     *morph.Model
	Parser    *parse.Model
	NER       *ner.Model
}

// Embedded returns the models shipped in the binary, loading them on first
// use.
var Embedded = sync.OnceValues(func() (*Models, error) {
	sub, err := fs.Sub(embedded, "models")
	if err != nil {
		return nil, err
	}
	m, err := Load(sub)
	if err != nil {
		return nil, fmt.Errorf("embedded models: %w", err)
	}
	return m, nil
})

// LoadDir loads the models of a directory written by `newsgraph train`.
func LoadDir(dir string) (*Models, error) {
	m, err := Load(os.DirFS(dir))
	if err != nil {
		return nil, fmt.Errorf("models in %s: %w", dir, err)
	}
	return m, nil
}

// Load loads every model from fsys.
func Load(fsys fs.FS) (*Models, error) {
	m := &Models{Tokenizer: tokenize.New()}
	var err error
	if m.Segmenter, err = loadFile(fsys, SegmenterFile, segment.Load); err != nil {
		return nil, err
	}
	if m.Tagger, err = loadFile(fsys, TaggerFile, tag.Load); err != nil {
		return nil, err
	}
	if m.Morph, err = loadFile(fsys, MorphFile, morph.Load); err != nil {
		return nil, err
	}
	if m.Parser, err = loadFile(fsys, ParserFile, parse.Load); err != nil {
		return nil, err
	}
	if m.NER, err = loadFile(fsys, NERFile, ner.Load); err != nil {
		return nil, err
	}
	return m, nil
}

func loadFile[M any](fsys fs.FS, name string, load func(io.Reader) (M, error)) (M, error) {
	f, err := fsys.Open(name)
	if err != nil {
		var zero M
		return zero, err
	}
	defer f.Close()
	m, err := load(f)
	if err != nil {
		return m, fmt.Errorf("%s: %w", name, err)
	}
	return m, nil
}

// Pipeline returns the whole pipeline, from raw text to parsed sentences.
func (m *Models) Pipeline() extract.Pipeline {
	return extract.Pipeline{m.Tokenizer, m.Segmenter, m.Tagger, m.Morph, m.Parser}
}

// Extraction returns the whole pipeline from raw text to facts: the NLP
// pipeline, then names, time expressions, propositions, entities, and
// the relations, events and quotes read from them.
func (m *Models) Extraction() extract.Pipeline {
	return append(m.Pipeline(), m.NER, timex.New(), clause.Extractor{}, entity.New(gazetteer.Default()), fact.Reader{})
}

// Analysis returns the stages that run after tokenisation and sentence
// splitting: for documents whose tokens and sentences are already given,
// such as a treebank's.
func (m *Models) Analysis() extract.Pipeline {
	return extract.Pipeline{m.Tagger, m.Morph, m.Parser}
}
