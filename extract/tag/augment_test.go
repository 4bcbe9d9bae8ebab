package tag

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/conllu"
)

// augmentSource has one sentence of each shape augment rebuilds.
const augmentSource = `# text = The aide told reporters that the talks would resume.
1	The	the	DET	DT	_	2	det	_	_
2	aide	aide	NOUN	NN	_	3	nsubj	_	_
3	told	tell	VERB	VBD	_	0	root	_	_
4	reporters	reporter	NOUN	NNS	_	3	obj	_	_
5	that	that	SCONJ	IN	_	9	mark	_	_
6	the	the	DET	DT	_	7	det	_	_
7	talks	talk	NOUN	NNS	_	9	nsubj	_	_
8	would	would	AUX	MD	_	9	aux	_	_
9	resume	resume	VERB	VB	_	3	ccomp	_	SpaceAfter=No
10	.	.	PUNCT	.	_	3	punct	_	_

# text = President Jane Doe plans a visit.
1	President	President	PROPN	NNP	_	2	nmod:desc	_	_
2	Jane	Jane	PROPN	NNP	_	4	nsubj	_	_
3	Doe	Doe	PROPN	NNP	_	2	flat	_	_
4	plans	plan	VERB	VBZ	_	0	root	_	_
5	a	a	DET	DT	_	6	det	_	_
6	visit	visit	NOUN	NN	_	4	obj	_	SpaceAfter=No
7	.	.	PUNCT	.	_	4	punct	_	_

# text = Storm leaves thousands without power.
1	Storm	storm	NOUN	NN	_	2	nsubj	_	_
2	leaves	leave	VERB	VBZ	_	0	root	_	_
3	thousands	thousand	NOUN	NNS	_	2	obj	_	_
4	without	without	ADP	IN	_	5	case	_	_
5	power	power	NOUN	NN	_	2	obl	_	SpaceAfter=No
6	.	.	PUNCT	.	_	2	punct	_	_

# text = Their plans failed.
1	Their	their	PRON	PRP$	_	2	nmod:poss	_	_
2	plans	plan	NOUN	NNS	_	3	nsubj	_	_
3	failed	fail	VERB	VBD	_	0	root	_	SpaceAfter=No
4	.	.	PUNCT	.	_	3	punct	_	_
`

func augmentCorpus(t *testing.T) []conllu.Sentence {
	t.Helper()
	sents, err := conllu.Read(strings.NewReader(augmentSource))
	if err != nil {
		t.Fatal(err)
	}
	return sents
}

// tagged renders words as "form/XPOS".
func tagged(words []conllu.Word) string {
	var b []string
	for _, w := range words {
		b = append(b, w.Form+"/"+w.XPOS)
	}
	return strings.Join(b, " ")
}

func TestAugmentShapes(t *testing.T) {
	sents := augmentCorpus(t)
	names, titles := namePhrases(sents)
	if len(names) != 1 || tagged(names[0]) != "President/NNP Jane/NNP Doe/NNP" {
		t.Fatalf("names %v", names)
	}
	if len(titles) != 1 || tagged(titles[0]) != "President/NNP" {
		t.Fatalf("titles %v", titles)
	}
	rng := rand.New(rand.NewPCG(1, 2))

	quoted, ok := frontQuote(&sents[0], rng)
	if !ok {
		t.Fatal("frontQuote refused a reported clause")
	}
	got := strings.NewReplacer("“", `"`, "”", `"`).Replace(tagged(quoted))
	if want := `"/` + "``" + ` The/DT talks/NNS would/MD resume/VB ,/, "/'' the/DT aide/NN told/VBD reporters/NNS ./.`; got != want {
		t.Errorf("frontQuote:\n got %s\nwant %s", got, want)
	}

	// "leaves" takes one name (it agrees with a singular subject).
	named, ok := withNamedSubject(&sents[2], names, titles, rng)
	if !ok {
		t.Fatal("withNamedSubject refused a clause with a subject")
	}
	got = tagged(named)
	if !strings.HasSuffix(got, "President/NNP Jane/NNP Doe/NNP leaves/VBZ thousands/NNS without/IN power/NN ./.") || strings.Contains(got, "and/CC") {
		t.Errorf("withNamedSubject: %s", got)
	}

	nounlike, ok := withNounlikeVerb(&sents[2], nounlikeVerbs(sents), names, titles, rng)
	if !ok || !strings.HasSuffix(tagged(nounlike), "Doe/NNP plans/VBZ thousands/NNS without/IN power/NN ./.") {
		t.Errorf("withNounlikeVerb: %s, %v", tagged(nounlike), ok)
	}

	var forms []string
	for _, w := range headline(sents[2].Words, rng) {
		forms = append(forms, w.Form)
	}
	if got, want := strings.Join(forms, " "), "Storm Leaves Thousands Without Power"; got != want {
		t.Errorf("headline: got %q, want %q", got, want)
	}
}

func TestNounlikeVerbs(t *testing.T) {
	got := nounlikeVerbs(augmentCorpus(t))
	if want := map[string][]string{"VBZ": {"plans"}}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	for lemma, want := range map[string]string{"plan": "plans", "vow": "vows", "push": "pushes", "fix": "fixes", "try": "tries", "say": "says"} {
		if got := thirdPerson(lemma); got != want {
			t.Errorf("thirdPerson(%q) = %q, want %q", lemma, got, want)
		}
	}
}

func TestAugmentDeterministic(t *testing.T) {
	sents := augmentCorpus(t)
	a, b := augment(sents, 1, 7), augment(sents, 1, 7)
	if len(a) == 0 {
		t.Fatal("no sentences made")
	}
	if !reflect.DeepEqual(a, b) {
		t.Error("the same seed made different sentences")
	}
	for _, ex := range a {
		for _, w := range ex.words {
			if w.Form == "" || w.UPOS == "" || w.XPOS == "" {
				t.Fatalf("sentence %s has an empty word", tagged(ex.words))
			}
		}
	}
}

func TestTitleCase(t *testing.T) {
	classes := []string{"NOUN\tNN", "PROPN\tNNP", "VERB\tVBZ", "ADP\tIN"}
	sets := map[string][]int{
		"storm": {0}, "leaves": {0, 2}, "thousands": {0}, "without": {3}, "power": {0},
		"in": {3}, "texas": {1}, "putin": {1}, "trump": {1},
	}
	lx := newLexicon(sets, nil, classes)
	for _, tc := range []struct {
		text string
		want uint64
	}{
		{"Storm Leaves Thousands Without Power in Texas", 2},
		{"Vladimir Putin and Donald Trump spoke in Texas .", 0},
		{"The storm left Power Corp without staff in the town", 1},
		{"Power was cut in Texas", 0}, // a capital at the start says nothing
	} {
		forms := strings.Fields(tc.text)
		if got := titleCase(forms, lx.prepare(forms, nil)); got != tc.want {
			t.Errorf("%q: %d, want %d", tc.text, got, tc.want)
		}
	}
}
