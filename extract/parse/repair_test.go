package parse

import (
	"fmt"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
)

// TestHeadedPrepositions checks the repair of prepositions parsed as the
// heads of their noun phrases. Each tree is "UPOS:head:deprel" per word.
func TestHeadedPrepositions(t *testing.T) {
	tests := []repairCase{
		{"preposition heading a name", // Putin spoke with Netanyahu and Pezeshkian .
			"PROPN:2:nsubj VERB:0:root ADP:2:obl PROPN:3:obj CCONJ:6:cc PROPN:4:conj PUNCT:2:punct",
			"PROPN:2:nsubj VERB:0:root ADP:4:case PROPN:2:obl CCONJ:6:cc PROPN:4:conj PUNCT:2:punct"},
		{"its other dependents follow the noun", // talks right after the vote
			"NOUN:0:root ADV:3:advmod ADP:1:nmod DET:5:det NOUN:3:nmod",
			"NOUN:0:root ADV:5:advmod ADP:5:case DET:5:det NOUN:1:nmod"},
		{"a case marker is left alone", // spoke with Netanyahu
			"VERB:0:root ADP:3:case PROPN:1:obl",
			"VERB:0:root ADP:3:case PROPN:1:obl"},
		{"two nominal dependents: unclear, left alone",
			"VERB:0:root ADP:1:obl NOUN:2:obj NOUN:2:nmod",
			"VERB:0:root ADP:1:obl NOUN:2:obj NOUN:2:nmod"},
		{"a particle with an object is not a preposition phrase", // gave up hope (ADP as compound:prt)
			"VERB:0:root ADP:1:compound:prt NOUN:1:obj",
			"VERB:0:root ADP:1:compound:prt NOUN:1:obj"},
	}
	checkRepair(t, headedPrepositions, tests)
}

// TestHerNoun checks the repair of "her" read as the subject of the
// noun it possesses, tagged as a finite verb.
func TestHerNoun(t *testing.T) {
	tests := []wordCase{
		{"He told her aides to leave", repairCase{"a plural noun read as VBZ",
			"PRON/PRP:2:nsubj VERB/VBD:0:root PRON/PRP:4:nsubj VERB/VBZ:2:ccomp PART/TO:6:mark VERB/VB:4:xcomp",
			"PRON/PRP:2:nsubj VERB/VBD:0:root PRON/PRP$:4:nmod:poss NOUN/NNS:2:obj PART/TO:6:mark VERB/VB:2:xcomp"}},
		{"He told her Dutch counterpart that", repairCase{"a name between, read as VBD",
			"PRON/PRP:2:nsubj VERB/VBD:0:root PRON/PRP:5:nsubj PROPN/NNP:5:nsubj VERB/VBD:2:ccomp SCONJ/IN:5:mark",
			"PRON/PRP:2:nsubj VERB/VBD:0:root PRON/PRP$:5:nmod:poss PROPN/NNP:5:compound NOUN/NN:2:obj SCONJ/IN:5:mark"}},
		{"He said her plan works", repairCase{"a common noun between, maybe the subject: left alone",
			"PRON/PRP:2:nsubj VERB/VBD:0:root PRON/PRP:5:nsubj NOUN/NN:5:nsubj VERB/VBZ:2:ccomp",
			"PRON/PRP:2:nsubj VERB/VBD:0:root PRON/PRP:5:nsubj NOUN/NN:5:nsubj VERB/VBZ:2:ccomp"}},
		{"Aides her boss gives", repairCase{"the verb above has an object: left alone",
			"NOUN/NNS:4:obj PRON/PRP:3:nsubj VERB/VBZ:4:ccomp VERB/VBZ:0:root",
			"NOUN/NNS:4:obj PRON/PRP:3:nsubj VERB/VBZ:4:ccomp VERB/VBZ:0:root"}},
		{"They let her leave", repairCase{"a bare infinitive: left alone",
			"PRON/PRP:2:nsubj VERB/VBD:0:root PRON/PRP:4:nsubj VERB/VB:2:xcomp",
			"PRON/PRP:2:nsubj VERB/VBD:0:root PRON/PRP:4:nsubj VERB/VB:2:xcomp"}},
		{"He told him aides", repairCase{"only her is ambiguous",
			"PRON/PRP:2:nsubj VERB/VBD:0:root PRON/PRP:4:nsubj VERB/VBZ:2:ccomp",
			"PRON/PRP:2:nsubj VERB/VBD:0:root PRON/PRP:4:nsubj VERB/VBZ:2:ccomp"}},
	}
	checkWordRepair(t, herNoun, tests)
}

// TestRelativeSubjects checks the repair of a relative clause between a
// subject and its verb read as the main clause.
func TestRelativeSubjects(t *testing.T) {
	tests := []repairCase{
		{"the relative clause's verb as the root", // The mayor , who asked aid , criticised plans .
			"DET:2:det NOUN:5:nsubj PUNCT:2:punct PRON/WP:5:nsubj VERB:0:root NOUN:5:obj PUNCT:8:punct VERB:5:conj NOUN:8:obj PUNCT:5:punct",
			"DET:2:det NOUN:8:nsubj PUNCT:2:punct PRON/WP:5:nsubj VERB:2:acl:relcl NOUN:5:obj PUNCT:8:punct VERB:0:root NOUN:8:obj PUNCT:8:punct"},
		{"the conjunct has a subject: left alone", // The mayor , who asked , and he left
			"DET:2:det NOUN:5:nsubj PUNCT:2:punct PRON/WP:5:nsubj VERB:0:root PUNCT:9:punct CCONJ:9:cc PRON:9:nsubj VERB:5:conj",
			"DET:2:det NOUN:5:nsubj PUNCT:2:punct PRON/WP:5:nsubj VERB:0:root PUNCT:9:punct CCONJ:9:cc PRON:9:nsubj VERB:5:conj"},
		{"no relative pronoun: left alone", // The mayor , he asked , criticised
			"DET:2:det NOUN:5:nsubj PUNCT:2:punct PRON/PRP:5:nsubj VERB:0:root PUNCT:7:punct VERB:5:conj",
			"DET:2:det NOUN:5:nsubj PUNCT:2:punct PRON/PRP:5:nsubj VERB:0:root PUNCT:7:punct VERB:5:conj"},
		{"no conjunct: left alone", // The mayor , who asked .
			"DET:2:det NOUN:5:nsubj PUNCT:2:punct PRON/WP:5:nsubj VERB:0:root PUNCT:5:punct",
			"DET:2:det NOUN:5:nsubj PUNCT:2:punct PRON/WP:5:nsubj VERB:0:root PUNCT:5:punct"},
	}
	checkRepair(t, relativeSubjects, tests)
}

// TestParticipleMains checks the repair of a main verb read as a
// participle modifying its subject.
func TestParticipleMains(t *testing.T) {
	tests := []repairCase{
		{"the noun as the root", // Analysts estimated the strike would cost millions .
			"NOUN/NNS:0:root VERB/VBN:1:acl DET/DT:4:det NOUN/NN:6:nsubj AUX/MD:6:aux VERB/VB:2:ccomp NOUN/NNS:6:obj PUNCT/.:1:punct",
			"NOUN/NNS:2:nsubj VERB/VBD:0:root DET/DT:4:det NOUN/NN:6:nsubj AUX/MD:6:aux VERB/VB:2:ccomp NOUN/NNS:6:obj PUNCT/.:2:punct"},
		{"the object before a modal", // Analysts estimated the stoppage would cost millions .
			"NOUN/NNS:6:nsubj VERB/VBN:1:acl DET/DT:4:det NOUN/NN:2:obj AUX/MD:6:aux VERB/VB:0:root NOUN/NNS:6:obj PUNCT/.:6:punct",
			"NOUN/NNS:2:nsubj VERB/VBD:0:root DET/DT:4:det NOUN/NN:6:nsubj AUX/MD:6:aux VERB/VB:2:ccomp NOUN/NNS:6:obj PUNCT/.:2:punct"},
		{"an object, and the noun as the root", // The airline cancelled flights .
			"DET/DT:2:det NOUN/NN:0:root VERB/VBN:2:acl NOUN/NNS:3:obj PUNCT/.:2:punct",
			"DET/DT:2:det NOUN/NN:3:nsubj VERB/VBD:0:root NOUN/NNS:3:obj PUNCT/.:3:punct"},
		{"an adjective inside a compound", // The bank raised interest rates .
			"DET/DT:2:det NOUN/NN:5:compound VERB/VBN:5:amod NOUN/NN:5:compound NOUN/NNS:0:root PUNCT/.:5:punct",
			"DET/DT:2:det NOUN/NN:3:nsubj VERB/VBD:0:root NOUN/NN:5:compound NOUN/NNS:3:obj PUNCT/.:3:punct"},
		{"an object read as a naming complement", // The union called a strike .
			"DET/DT:2:det NOUN/NN:0:root VERB/VBN:2:acl DET/DT:5:det NOUN/NN:3:xcomp PUNCT/.:2:punct",
			"DET/DT:2:det NOUN/NN:3:nsubj VERB/VBD:0:root DET/DT:5:det NOUN/NN:3:obj PUNCT/.:3:punct"},
		{"a name given: left alone", // A union called Unite
			"DET/DT:2:det NOUN/NN:0:root VERB/VBN:2:acl PROPN/NNP:3:xcomp",
			"DET/DT:2:det NOUN/NN:0:root VERB/VBN:2:acl PROPN/NNP:3:xcomp"},
		{"a compound without a determiner: left alone", // Coast specialized servers
			"PROPN/NNP:3:compound VERB/VBN:3:amod NOUN/NNS:0:root",
			"PROPN/NNP:3:compound VERB/VBN:3:amod NOUN/NNS:0:root"},
		{"a participle without a clause: left alone", // Man arrested after chase
			"NOUN/NN:0:root VERB/VBN:1:acl ADP/IN:4:case NOUN/NN:2:obl",
			"NOUN/NN:0:root VERB/VBN:1:acl ADP/IN:4:case NOUN/NN:2:obl"},
		{"a passive participle: left alone", // Firms were told the law would change
			"NOUN/NNS:0:root AUX/VBD:3:aux:pass VERB/VBN:1:acl DET/DT:5:det NOUN/NN:7:nsubj AUX/MD:7:aux VERB/VB:3:ccomp",
			"NOUN/NNS:0:root AUX/VBD:3:aux:pass VERB/VBN:1:acl DET/DT:5:det NOUN/NN:7:nsubj AUX/MD:7:aux VERB/VB:3:ccomp"},
		{"no modal after the object: left alone", // Workers hired the day quickly left
			"NOUN/NNS:6:nsubj VERB/VBN:1:acl DET/DT:4:det NOUN/NN:2:obj ADV/RB:6:advmod VERB/VBD:0:root",
			"NOUN/NNS:6:nsubj VERB/VBN:1:acl DET/DT:4:det NOUN/NN:2:obj ADV/RB:6:advmod VERB/VBD:0:root"},
		{"a word between the object and the modal: left alone", // Analysts estimated costs today would rise
			"NOUN/NNS:6:nsubj VERB/VBN:1:acl NOUN/NNS:2:obj NOUN/NN:2:obl:tmod AUX/MD:6:aux VERB/VB:0:root",
			"NOUN/NNS:6:nsubj VERB/VBN:1:acl NOUN/NNS:2:obj NOUN/NN:2:obl:tmod AUX/MD:6:aux VERB/VB:0:root"},
	}
	checkRepair(t, participleMains, tests)
}

// TestReportingClauses checks the repair of a reporting clause at the end
// of a sentence read as an adverbial clause.
func TestReportingClauses(t *testing.T) {
	tests := []repairCase{
		{"a reporting clause", // Firms will cut jobs , the chief announced .
			"NOUN/NNS:3:nsubj AUX/MD:3:aux VERB/VB:0:root NOUN/NNS:3:obj PUNCT/,:8:punct DET/DT:7:det NOUN/NN:8:nsubj VERB/VBD:3:advcl PUNCT/.:3:punct",
			"NOUN/NNS:3:nsubj AUX/MD:3:aux VERB/VB:8:ccomp NOUN/NNS:3:obj PUNCT/,:8:punct DET/DT:7:det NOUN/NN:8:nsubj VERB/VBD:0:root PUNCT/.:8:punct"},
		{"a subordinator: left alone", // Firms cut jobs , after sales fell .
			"NOUN/NNS:2:nsubj VERB/VBD:0:root NOUN/NNS:2:obj PUNCT/,:7:punct SCONJ/IN:7:mark NOUN/NNS:7:nsubj VERB/VBD:2:advcl PUNCT/.:2:punct",
			"NOUN/NNS:2:nsubj VERB/VBD:0:root NOUN/NNS:2:obj PUNCT/,:7:punct SCONJ/IN:7:mark NOUN/NNS:7:nsubj VERB/VBD:2:advcl PUNCT/.:2:punct"},
		{"an object of its own: left alone", // Firms cut jobs , analysts expected it .
			"NOUN/NNS:2:nsubj VERB/VBD:0:root NOUN/NNS:2:obj PUNCT/,:6:punct NOUN/NNS:6:nsubj VERB/VBD:2:advcl PRON/PRP:6:obj PUNCT/.:2:punct",
			"NOUN/NNS:2:nsubj VERB/VBD:0:root NOUN/NNS:2:obj PUNCT/,:6:punct NOUN/NNS:6:nsubj VERB/VBD:2:advcl PRON/PRP:6:obj PUNCT/.:2:punct"},
		{"no comma: left alone", // Firms cut jobs analysts said
			"NOUN/NNS:2:nsubj VERB/VBD:0:root NOUN/NNS:2:obj NOUN/NNS:5:nsubj VERB/VBD:2:advcl",
			"NOUN/NNS:2:nsubj VERB/VBD:0:root NOUN/NNS:2:obj NOUN/NNS:5:nsubj VERB/VBD:2:advcl"},
		{"not at the end: left alone", // Firms cut jobs , analysts said , and left
			"NOUN/NNS:2:nsubj VERB/VBD:0:root NOUN/NNS:2:obj PUNCT/,:5:punct NOUN/NNS:6:nsubj VERB/VBD:2:advcl PUNCT/,:9:punct CCONJ/CC:9:cc VERB/VBD:2:conj",
			"NOUN/NNS:2:nsubj VERB/VBD:0:root NOUN/NNS:2:obj PUNCT/,:5:punct NOUN/NNS:6:nsubj VERB/VBD:2:advcl PUNCT/,:9:punct CCONJ/CC:9:cc VERB/VBD:2:conj"},
	}
	checkRepair(t, reportingClauses, tests)
}

// TestContentClauses checks the repair of a content clause read as a
// relative clause.
func TestContentClauses(t *testing.T) {
	checkWordRepair(t, contentClauses, []wordCase{
		{"reports that firms won contracts", repairCase{"that and an object",
			"NOUN/NNS:0:root PRON/WDT:4:obj NOUN/NNS:4:nsubj VERB/VBD:1:acl:relcl NOUN/NNS:4:obj",
			"NOUN/NNS:0:root SCONJ/IN:4:mark NOUN/NNS:4:nsubj VERB/VBD:1:acl NOUN/NNS:4:obj"}},
		{"contracts that firms won", repairCase{"a relative clause: left alone",
			"NOUN/NNS:0:root PRON/WDT:4:obj NOUN/NNS:4:nsubj VERB/VBD:1:acl:relcl",
			"NOUN/NNS:0:root PRON/WDT:4:obj NOUN/NNS:4:nsubj VERB/VBD:1:acl:relcl"}},
		{"firms that won contracts", repairCase{"a relative subject: left alone",
			"NOUN/NNS:0:root PRON/WDT:3:nsubj VERB/VBD:1:acl:relcl NOUN/NNS:3:obj",
			"NOUN/NNS:0:root PRON/WDT:3:nsubj VERB/VBD:1:acl:relcl NOUN/NNS:3:obj"}},
	})
}

// TestDeterminedSubjects checks the repair of a subject whose noun was
// read as an adjective, its words left to the verb.
func TestDeterminedSubjects(t *testing.T) {
	tests := []repairCase{
		{"a subject read as adjectives", // , the chief executive announced .
			"PUNCT/,:5:punct DET/DT:5:det ADJ/JJ:5:advmod ADJ/JJ:5:amod VERB/VBD:0:root PUNCT/.:5:punct",
			"PUNCT/,:5:punct DET/DT:4:det ADJ/JJ:4:amod NOUN/NN:5:nsubj VERB/VBD:0:root PUNCT/.:5:punct"},
		{"the verb has a subject: left alone", // the new plan he announced
			"DET/DT:5:det ADJ/JJ:5:amod NOUN/NN:5:obj PRON/PRP:5:nsubj VERB/VBD:0:root",
			"DET/DT:5:det ADJ/JJ:5:amod NOUN/NN:5:obj PRON/PRP:5:nsubj VERB/VBD:0:root"},
		{"a present tense: left alone", // share the same taste
			"VERB/VBP:0:root DET/DT:4:det ADJ/JJ:4:amod VERB/VBZ:1:obj",
			"VERB/VBP:0:root DET/DT:4:det ADJ/JJ:4:amod VERB/VBZ:1:obj"},
		{"a word between that is not an adjective or noun: left alone", // the very announced
			"DET/DT:3:det ADV/RB:3:advmod VERB/VBD:0:root",
			"DET/DT:3:det ADV/RB:3:advmod VERB/VBD:0:root"},
	}
	checkRepair(t, determinedSubjects, tests)
}

// TestFiniteModifiers checks the repair of a past tense read as an
// adjective of its object in a sentence without a verb.
func TestFiniteModifiers(t *testing.T) {
	tests := []repairCase{
		{"a past tense modifying the object", // Acme suspended services , and schools were closed .
			"PROPN/NNP:0:root VERB/VBD:3:amod NOUN/NNS:1:list PUNCT/,:8:punct CCONJ/CC:8:cc NOUN/NNS:8:nsubj:pass AUX/VBD:8:aux:pass VERB/VBN:1:acl:relcl PUNCT/.:1:punct",
			"PROPN/NNP:2:nsubj VERB/VBD:0:root NOUN/NNS:2:obj PUNCT/,:8:punct CCONJ/CC:8:cc NOUN/NNS:8:nsubj:pass AUX/VBD:8:aux:pass VERB/VBN:2:conj PUNCT/.:2:punct"},
		{"a participle: left alone", // Acme suspended services
			"PROPN/NNP:0:root VERB/VBN:3:amod NOUN/NNS:1:list",
			"PROPN/NNP:0:root VERB/VBN:3:amod NOUN/NNS:1:list"},
		{"a sentence with a verb: left alone", // Acme cut suspended services
			"PROPN/NNP:2:nsubj VERB/VBD:0:root VERB/VBD:4:amod NOUN/NNS:2:obj",
			"PROPN/NNP:2:nsubj VERB/VBD:0:root VERB/VBD:4:amod NOUN/NNS:2:obj"},
	}
	checkRepair(t, finiteModifiers, tests)
}

// TestIndefiniteAdjectives checks the retagging of a modified adjective
// heading a subject after "a".
func TestIndefiniteAdjectives(t *testing.T) {
	checkWordRepair(t, indefiniteAdjectives, []wordCase{
		{"A former executive was sentenced", repairCase{"a modified adjective after a",
			"DET/DT:3:det ADJ/JJ:3:amod ADJ/JJ:5:nsubj:pass AUX/VBD:5:aux:pass VERB/VBN:0:root",
			"DET/DT:3:det ADJ/JJ:3:amod NOUN/NN:5:nsubj:pass AUX/VBD:5:aux:pass VERB/VBN:0:root"}},
		{"They bought a few", repairCase{"an adjective alone: left alone",
			"PRON/PRP:2:nsubj VERB/VBD:0:root DET/DT:4:det ADJ/JJ:2:obj",
			"PRON/PRP:2:nsubj VERB/VBD:0:root DET/DT:4:det ADJ/JJ:2:obj"}},
		{"The former executive was sentenced", repairCase{"after the: left alone",
			"DET/DT:3:det ADJ/JJ:3:amod ADJ/JJ:5:nsubj:pass AUX/VBD:5:aux:pass VERB/VBN:0:root",
			"DET/DT:3:det ADJ/JJ:3:amod ADJ/JJ:5:nsubj:pass AUX/VBD:5:aux:pass VERB/VBN:0:root"}},
	})
}

// TestVerbConjuncts checks the repair of a verb phrase read as a
// conjunct of the object before it.
func TestVerbConjuncts(t *testing.T) {
	tests := []repairCase{
		{"a participle with an object", // He denied the charge and blamed rivals .
			"PRON/PRP:2:nsubj VERB/VBD:0:root DET/DT:4:det NOUN/NN:2:obj CCONJ/CC:6:cc VERB/VBN:4:conj NOUN/NNS:6:obj PUNCT/.:2:punct",
			"PRON/PRP:2:nsubj VERB/VBD:0:root DET/DT:4:det NOUN/NN:2:obj CCONJ/CC:6:cc VERB/VBD:2:conj NOUN/NNS:6:obj PUNCT/.:2:punct"},
		{"a present tense keeps its tag", // She wants the job and likes it
			"PRON/PRP:2:nsubj VERB/VBZ:0:root DET/DT:4:det NOUN/NN:2:obj CCONJ/CC:6:cc VERB/VBZ:4:conj PRON/PRP:6:obj",
			"PRON/PRP:2:nsubj VERB/VBZ:0:root DET/DT:4:det NOUN/NN:2:obj CCONJ/CC:6:cc VERB/VBZ:2:conj PRON/PRP:6:obj"},
		{"no object of its own: left alone", // He denied the charge and resigned
			"PRON/PRP:2:nsubj VERB/VBD:0:root DET/DT:4:det NOUN/NN:2:obj CCONJ/CC:6:cc VERB/VBD:4:conj",
			"PRON/PRP:2:nsubj VERB/VBD:0:root DET/DT:4:det NOUN/NN:2:obj CCONJ/CC:6:cc VERB/VBD:4:conj"},
		{"a gerund: left alone", // He liked the food and eating it
			"PRON/PRP:2:nsubj VERB/VBD:0:root DET/DT:4:det NOUN/NN:2:obj CCONJ/CC:6:cc VERB/VBG:4:conj PRON/PRP:6:obj",
			"PRON/PRP:2:nsubj VERB/VBD:0:root DET/DT:4:det NOUN/NN:2:obj CCONJ/CC:6:cc VERB/VBG:4:conj PRON/PRP:6:obj"},
		{"a subject of its own: left alone", // He denied the charge and she blamed rivals
			"PRON/PRP:2:nsubj VERB/VBD:0:root DET/DT:4:det NOUN/NN:2:obj CCONJ/CC:7:cc PRON/PRP:7:nsubj VERB/VBD:4:conj NOUN/NNS:7:obj",
			"PRON/PRP:2:nsubj VERB/VBD:0:root DET/DT:4:det NOUN/NN:2:obj CCONJ/CC:7:cc PRON/PRP:7:nsubj VERB/VBD:4:conj NOUN/NNS:7:obj"},
	}
	checkRepair(t, verbConjuncts, tests)
}

// TestAppositiveNames checks the repair of a subject and its apposition
// read as two subjects.
func TestAppositiveNames(t *testing.T) {
	tests := []repairCase{
		{"a description, then the name", // The minister , Erik Dahl , criticised it .
			"DET/DT:2:det NOUN/NN:7:nsubj PUNCT/,:2:punct PROPN/NNP:7:nsubj PROPN/NNP:4:flat PUNCT/,:7:punct VERB/VBD:0:root PRON/PRP:7:obj PUNCT/.:7:punct",
			"DET/DT:2:det NOUN/NN:7:nsubj PUNCT/,:4:punct PROPN/NNP:2:appos PROPN/NNP:4:flat PUNCT/,:4:punct VERB/VBD:0:root PRON/PRP:7:obj PUNCT/.:7:punct"},
		{"the name, then a description", // Erik Dahl , the minister , criticised it
			"PROPN/NNP:7:nsubj PROPN/NNP:1:flat PUNCT/,:7:punct DET/DT:5:det NOUN/NN:7:nsubj PUNCT/,:7:punct VERB/VBD:0:root PRON/PRP:7:obj",
			"PROPN/NNP:7:nsubj PROPN/NNP:1:flat PUNCT/,:5:punct DET/DT:5:det NOUN/NN:1:appos PUNCT/,:5:punct VERB/VBD:0:root PRON/PRP:7:obj"},
		{"a title with no commas", // Acme chief Erik Dahl said
			"PROPN/NNP:5:nsubj NOUN/NN:1:flat PROPN/NNP:5:nsubj PROPN/NNP:3:flat VERB/VBD:0:root",
			"PROPN/NNP:3:compound NOUN/NN:1:flat PROPN/NNP:5:nsubj PROPN/NNP:3:flat VERB/VBD:0:root"},
		{"no commas, a word before the verb: left alone", // Acme chief Erik Dahl also said
			"PROPN/NNP:6:nsubj NOUN/NN:1:flat PROPN/NNP:6:nsubj PROPN/NNP:3:flat ADV/RB:6:advmod VERB/VBD:0:root",
			"PROPN/NNP:6:nsubj NOUN/NN:1:flat PROPN/NNP:6:nsubj PROPN/NNP:3:flat ADV/RB:6:advmod VERB/VBD:0:root"},
		{"two descriptions: left alone", // The minister , the judge , criticised it
			"DET/DT:2:det NOUN/NN:7:nsubj PUNCT/,:7:punct DET/DT:5:det NOUN/NN:7:nsubj PUNCT/,:7:punct VERB/VBD:0:root PRON/PRP:7:obj",
			"DET/DT:2:det NOUN/NN:7:nsubj PUNCT/,:7:punct DET/DT:5:det NOUN/NN:7:nsubj PUNCT/,:7:punct VERB/VBD:0:root PRON/PRP:7:obj"},
		{"a word besides commas between: left alone", // The minister and Erik , criticised it
			"DET/DT:2:det NOUN/NN:6:nsubj CCONJ/CC:4:cc PROPN/NNP:6:nsubj PUNCT/,:6:punct VERB/VBD:0:root PRON/PRP:6:obj",
			"DET/DT:2:det NOUN/NN:6:nsubj CCONJ/CC:4:cc PROPN/NNP:6:nsubj PUNCT/,:6:punct VERB/VBD:0:root PRON/PRP:6:obj"},
		{"no comma before the verb: left alone", // The minister , Erik criticised it
			"DET/DT:2:det NOUN/NN:5:nsubj PUNCT/,:2:punct PROPN/NNP:5:nsubj VERB/VBD:0:root PRON/PRP:5:obj",
			"DET/DT:2:det NOUN/NN:5:nsubj PUNCT/,:2:punct PROPN/NNP:5:nsubj VERB/VBD:0:root PRON/PRP:5:obj"},
	}
	checkRepair(t, appositiveNames, tests)
}

// TestObjectAppositions checks the repair of a name in apposition to an
// object read as an oblique of the verb.
func TestObjectAppositions(t *testing.T) {
	tests := []repairCase{
		{"a name after the object", // He met the president , Ana Lobo .
			"PRON:2:nsubj VERB:0:root DET:4:det NOUN:2:obj PUNCT/,:7:punct PROPN:7:compound PROPN:2:obl PUNCT/.:2:punct",
			"PRON:2:nsubj VERB:0:root DET:4:det NOUN:2:obj PUNCT/,:7:punct PROPN:7:compound PROPN:4:appos PUNCT/.:2:punct"},
		{"what follows the apposition goes back to the verb", // He hosted the envoy , Ana Lobo , in Lisbon
			"PRON:2:nsubj VERB:0:root DET:4:det NOUN:2:obj PUNCT/,:7:punct PROPN:7:compound PROPN:2:obl PUNCT/,:10:punct ADP:10:case PROPN:7:nmod",
			"PRON:2:nsubj VERB:0:root DET:4:det NOUN:2:obj PUNCT/,:7:punct PROPN:7:compound PROPN:4:appos PUNCT/,:10:punct ADP:10:case PROPN:2:obl"},
		{"a preposition: left alone", // He met the president in Lisbon
			"PRON:2:nsubj VERB:0:root DET:4:det NOUN:2:obj ADP:6:case PROPN:2:obl",
			"PRON:2:nsubj VERB:0:root DET:4:det NOUN:2:obj ADP:6:case PROPN:2:obl"},
		{"no comma: left alone", // He paid the bill Monday
			"PRON:2:nsubj VERB:0:root DET:4:det NOUN:2:obj PROPN:2:obl",
			"PRON:2:nsubj VERB:0:root DET:4:det NOUN:2:obj PROPN:2:obl"},
		{"a dash, not a comma: left alone", // He thanked the envoy - Ana Lobo
			"PRON:2:nsubj VERB:0:root DET:4:det NOUN:2:obj PUNCT/HYPH:7:punct PROPN:7:compound PROPN:2:obl",
			"PRON:2:nsubj VERB:0:root DET:4:det NOUN:2:obj PUNCT/HYPH:7:punct PROPN:7:compound PROPN:2:obl"},
		{"no object: left alone", // He left early , Ana Lobo
			"PRON:2:nsubj VERB:0:root ADV:2:advmod PUNCT/,:6:punct PROPN:6:compound PROPN:2:obl",
			"PRON:2:nsubj VERB:0:root ADV:2:advmod PUNCT/,:6:punct PROPN:6:compound PROPN:2:obl"},
	}
	checkRepair(t, objectAppositions, tests)
}

// TestAppositiveSubjects checks the repair of a subject with an
// apposition read as a sentence with no verb.
func TestAppositiveSubjects(t *testing.T) {
	tests := []repairCase{
		{"the verb read as the apposition's conjunct", // The minister , a former judge , signed the decree .
			"DET/DT:2:det NOUN/NN:0:root PUNCT/,:2:punct DET/DT:6:det ADJ/JJ:6:amod NOUN/NN:2:appos PUNCT/,:8:punct VERB/VBD:6:conj DET/DT:10:det NOUN/NN:8:obj PUNCT/.:2:punct",
			"DET/DT:2:det NOUN/NN:8:nsubj PUNCT/,:2:punct DET/DT:6:det ADJ/JJ:6:amod NOUN/NN:2:appos PUNCT/,:8:punct VERB/VBD:0:root DET/DT:10:det NOUN/NN:8:obj PUNCT/.:8:punct"},
		{"the verb read as the apposition's participle", // The governor , a judge , praised the plan .
			"DET/DT:2:det NOUN/NN:0:root PUNCT/,:5:punct DET/DT:5:det NOUN/NN:2:appos PUNCT/,:7:punct VERB/VBN:5:acl DET/DT:9:det NOUN/NN:7:obj PUNCT/.:2:punct",
			"DET/DT:2:det NOUN/NN:7:nsubj PUNCT/,:5:punct DET/DT:5:det NOUN/NN:2:appos PUNCT/,:7:punct VERB/VBD:0:root DET/DT:9:det NOUN/NN:7:obj PUNCT/.:7:punct"},
		{"a participle aside before the verb", // The Citizens ' Alliance , led by Kovac , took 54 percent
			"DET/DT:2:det PROPN/NNPS:0:root PUNCT/``:4:punct PROPN/NNP:2:appos PUNCT/,:6:punct VERB/VBN:4:acl ADP/IN:8:case PROPN/NNP:6:obl:agent PUNCT/,:10:punct VERB/VBD:4:conj NUM/CD:12:nummod NOUN/NN:10:obj",
			"DET/DT:2:det PROPN/NNPS:10:nsubj PUNCT/``:4:punct PROPN/NNP:2:appos PUNCT/,:6:punct VERB/VBN:4:acl ADP/IN:8:case PROPN/NNP:6:obl:agent PUNCT/,:10:punct VERB/VBD:0:root NUM/CD:12:nummod NOUN/NN:10:obj"},
		{"a participle with no comma before it: left alone", // The governor , a judge named in the report .
			"DET/DT:2:det NOUN/NN:0:root PUNCT/,:5:punct DET/DT:5:det NOUN/NN:2:appos VERB/VBN:5:acl ADP/IN:9:case DET/DT:9:det NOUN/NN:6:obl PUNCT/.:2:punct",
			"DET/DT:2:det NOUN/NN:0:root PUNCT/,:5:punct DET/DT:5:det NOUN/NN:2:appos VERB/VBN:5:acl ADP/IN:9:case DET/DT:9:det NOUN/NN:6:obl PUNCT/.:2:punct"},
		{"the noun has a copula: left alone", // Was the governor , a judge , praised ?
			"AUX/VBD:3:cop DET/DT:3:det NOUN/NN:0:root PUNCT/,:6:punct DET/DT:6:det NOUN/NN:3:appos PUNCT/,:8:punct VERB/VBN:6:acl PUNCT/.:3:punct",
			"AUX/VBD:3:cop DET/DT:3:det NOUN/NN:0:root PUNCT/,:6:punct DET/DT:6:det NOUN/NN:3:appos PUNCT/,:8:punct VERB/VBN:6:acl PUNCT/.:3:punct"},
		{"the verb has a subject: left alone", // The governor , a judge , he praised .
			"DET/DT:2:det NOUN/NN:0:root PUNCT/,:5:punct DET/DT:5:det NOUN/NN:2:appos PUNCT/,:8:punct PRON/PRP:8:nsubj VERB/VBD:5:conj PUNCT/.:2:punct",
			"DET/DT:2:det NOUN/NN:0:root PUNCT/,:5:punct DET/DT:5:det NOUN/NN:2:appos PUNCT/,:8:punct PRON/PRP:8:nsubj VERB/VBD:5:conj PUNCT/.:2:punct"},
		{"a gerund: left alone", // The governor , a judge , seeking votes .
			"DET/DT:2:det NOUN/NN:0:root PUNCT/,:5:punct DET/DT:5:det NOUN/NN:2:appos PUNCT/,:7:punct VERB/VBG:5:acl NOUN/NNS:7:obj PUNCT/.:2:punct",
			"DET/DT:2:det NOUN/NN:0:root PUNCT/,:5:punct DET/DT:5:det NOUN/NN:2:appos PUNCT/,:7:punct VERB/VBG:5:acl NOUN/NNS:7:obj PUNCT/.:2:punct"},
	}
	checkRepair(t, appositiveSubjects, tests)
}

// TestMediumContents checks the repair of what a verb says read as the
// content of the medium it says it in.
func TestMediumContents(t *testing.T) {
	checkWordRepair(t, mediumContents, []wordCase{
		{"firms said in statements that prices rose", repairCase{"the clause on the medium",
			"NOUN:2:nsubj VERB:0:root ADP:4:case NOUN:2:obl SCONJ:7:mark NOUN:7:nsubj VERB:4:acl",
			"NOUN:2:nsubj VERB:0:root ADP:4:case NOUN:2:obl SCONJ:7:mark NOUN:7:nsubj VERB:2:ccomp"}},
		{"firms differ , in fact that prices rose", repairCase{"the phrase apart from the verb: left alone",
			"NOUN:2:nsubj VERB:0:root PUNCT:5:punct ADP:5:case NOUN:2:obl SCONJ:8:mark NOUN:8:nsubj VERB:5:acl",
			"NOUN:2:nsubj VERB:0:root PUNCT:5:punct ADP:5:case NOUN:2:obl SCONJ:8:mark NOUN:8:nsubj VERB:5:acl"}},
		{"firms said on statements that prices rose", repairCase{"not in: left alone",
			"NOUN:2:nsubj VERB:0:root ADP:4:case NOUN:2:obl SCONJ:7:mark NOUN:7:nsubj VERB:4:acl",
			"NOUN:2:nsubj VERB:0:root ADP:4:case NOUN:2:obl SCONJ:7:mark NOUN:7:nsubj VERB:4:acl"}},
		{"this firms said in statements that prices rose", repairCase{"the verb has an object: left alone",
			"PRON:3:obj NOUN:3:nsubj VERB:0:root ADP:5:case NOUN:3:obl SCONJ:8:mark NOUN:8:nsubj VERB:5:acl",
			"PRON:3:obj NOUN:3:nsubj VERB:0:root ADP:5:case NOUN:3:obl SCONJ:8:mark NOUN:8:nsubj VERB:5:acl"}},
		{"firms said in statements prices rose", repairCase{"no that: left alone",
			"NOUN:2:nsubj VERB:0:root ADP:4:case NOUN:2:obl NOUN:6:nsubj VERB:4:acl",
			"NOUN:2:nsubj VERB:0:root ADP:4:case NOUN:2:obl NOUN:6:nsubj VERB:4:acl"}},
	})
}

// TestStrandedObjects checks the repair of the object of a reported
// clause attached to the reporting verb after it.
func TestStrandedObjects(t *testing.T) {
	tests := []repairCase{
		{"a second subject", // The carrier moved four ships , a spokesman said
			"DET:2:det NOUN:3:nsubj VERB:10:ccomp NUM:5:nummod NOUN:10:nsubj PUNCT:10:punct DET:8:det NOUN:10:nsubj VERB:0:root",
			"DET:2:det NOUN:3:nsubj VERB:10:ccomp NUM:5:nummod NOUN:3:obj PUNCT:10:punct DET:8:det NOUN:10:nsubj VERB:0:root"},
		{"a noun as a clause", // Maersk diverted vessels , it said
			"PROPN:2:nsubj VERB:6:ccomp NOUN:6:ccomp PUNCT:6:punct PRON:6:nsubj VERB:0:root",
			"PROPN:2:nsubj VERB:6:ccomp NOUN:2:obj PUNCT:6:punct PRON:6:nsubj VERB:0:root"},
		{"the verb has its object: left alone", // ships Maersk moved crews , it said
			"NOUN:3:obj PROPN:3:nsubj VERB:7:ccomp NOUN:7:nsubj PUNCT:7:punct PRON:7:nsubj VERB:0:root",
			"NOUN:3:obj PROPN:3:nsubj VERB:7:ccomp NOUN:7:nsubj PUNCT:7:punct PRON:7:nsubj VERB:0:root"},
		{"a determiner heading the object", // The bank repaid all of the victims , a spokeswoman said
			"DET:2:det NOUN:3:nsubj VERB:11:ccomp DET:11:nsubj ADP:7:case DET:7:det NOUN:4:nmod PUNCT:11:punct DET:10:det NOUN:11:nsubj VERB:0:root",
			"DET:2:det NOUN:3:nsubj VERB:11:ccomp DET:3:obj ADP:7:case DET:7:det NOUN:4:nmod PUNCT:11:punct DET:10:det NOUN:11:nsubj VERB:0:root"},
		{"a pronoun: left alone", // prices rose , he said
			"NOUN:2:nsubj VERB:5:ccomp PRON:5:nsubj PUNCT:5:punct PRON:5:nsubj VERB:0:root",
			"NOUN:2:nsubj VERB:5:ccomp PRON:5:nsubj PUNCT:5:punct PRON:5:nsubj VERB:0:root"},
		{"one subject: left alone", // ports closed , officials said
			"NOUN:2:nsubj VERB:5:ccomp PUNCT:5:punct NOUN:5:nsubj VERB:0:root",
			"NOUN:2:nsubj VERB:5:ccomp PUNCT:5:punct NOUN:5:nsubj VERB:0:root"},
		{"a noun clause with a copula: left alone", // he said the plan was a failure
			"PRON:2:nsubj VERB:0:root DET:4:det NOUN:7:nsubj AUX:7:cop DET:7:det NOUN:2:ccomp",
			"PRON:2:nsubj VERB:0:root DET:4:det NOUN:7:nsubj AUX:7:cop DET:7:det NOUN:2:ccomp"},
		{"a word between that is not the noun's: left alone", // Maersk moved today ships , it said
			"PROPN:2:nsubj VERB:7:ccomp NOUN:2:obl:tmod NOUN:7:ccomp PUNCT:7:punct PRON:7:nsubj VERB:0:root",
			"PROPN:2:nsubj VERB:7:ccomp NOUN:2:obl:tmod NOUN:7:ccomp PUNCT:7:punct PRON:7:nsubj VERB:0:root"},
	}
	checkRepair(t, strandedObjects, tests)
}

// repairCase is a tree before and after a repair, each word written as
// readTree reads it.
type repairCase struct{ name, tree, want string }

// checkRepair runs repair on each case's tree.
func checkRepair(t *testing.T, repair func([]extract.Token), tests []repairCase) {
	t.Helper()
	for _, tt := range tests {
		toks := readTree(tt.tree)
		repair(toks)
		if g := writeTree(toks); g != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.name, g, tt.want)
		}
	}
}

// readTree reads a tree written as "UPOS:head:deprel" or
// "UPOS/XPOS:head:deprel" per word.
func readTree(tree string) []extract.Token {
	var toks []extract.Token
	for _, w := range strings.Fields(tree) {
		var tok extract.Token
		parts := strings.SplitN(w, ":", 3)
		tok.UPOS, tok.XPOS, _ = strings.Cut(parts[0], "/")
		tok.DepRel = parts[2]
		fmt.Sscan(parts[1], &tok.Head)
		toks = append(toks, tok)
	}
	return toks
}

// writeTree writes toks as readTree reads them.
func writeTree(toks []extract.Token) string {
	var out []string
	for _, tok := range toks {
		tag := tok.UPOS
		if tok.XPOS != "" {
			tag += "/" + tok.XPOS
		}
		out = append(out, fmt.Sprintf("%s:%d:%s", tag, tok.Head, tok.DepRel))
	}
	return strings.Join(out, " ")
}

// TestCoordinatedClauses checks the repair of two clauses joined by "and"
// parsed as two nouns joined by "and". Each tree is "UPOS/XPOS:head:deprel"
// per word.
func TestCoordinatedClauses(t *testing.T) {
	tests := []repairCase{
		{"a subject taken for a conjunct", // Lula thanked Modi for his help and both leaders praised the deal
			"PROPN/NNP:2:nsubj VERB/VBD:0:root PROPN/NNP:2:obj ADP/IN:6:case PRON/PRP$:6:nmod:poss NOUN/NN:2:obl " +
				"CCONJ/CC:9:cc DET/DT:9:det NOUN/NNS:6:conj VERB/VBD:2:advcl DET/DT:12:det NOUN/NN:10:obj",
			"PROPN/NNP:2:nsubj VERB/VBD:0:root PROPN/NNP:2:obj ADP/IN:6:case PRON/PRP$:6:nmod:poss NOUN/NN:2:obl " +
				"CCONJ/CC:10:cc DET/DT:9:det NOUN/NNS:10:nsubj VERB/VBD:2:conj DET/DT:12:det NOUN/NN:10:obj"},
		{"the verb has its subject: left alone", // ... and prices they rose
			"PROPN/NNP:2:nsubj VERB/VBD:0:root NOUN/NNS:2:obj CCONJ/CC:5:cc NOUN/NNS:3:conj VERB/VBD:2:conj PRON/PRP:6:nsubj",
			"PROPN/NNP:2:nsubj VERB/VBD:0:root NOUN/NNS:2:obj CCONJ/CC:5:cc NOUN/NNS:3:conj VERB/VBD:2:conj PRON/PRP:6:nsubj"},
		{"a participle is no finite verb", // wheat and rice grown in Asia
			"NOUN/NN:0:root CCONJ/CC:3:cc NOUN/NN:1:conj VERB/VBN:3:acl",
			"NOUN/NN:0:root CCONJ/CC:3:cc NOUN/NN:1:conj VERB/VBN:3:acl"},
		{"the verb heads the first clause: left alone, or the tree would loop", // he said the deal and talks began
			"PRON/PRP:2:nsubj VERB/VBD:6:ccomp NOUN/NN:2:obj CCONJ/CC:5:cc NOUN/NNS:3:conj VERB/VBD:0:root",
			"PRON/PRP:2:nsubj VERB/VBD:6:ccomp NOUN/NN:2:obj CCONJ/CC:5:cc NOUN/NNS:3:conj VERB/VBD:0:root"},
	}
	checkRepair(t, coordinatedClauses, tests)
}

// TestPossessiveHer checks the repair of "her" read as a second object
// where it is the possessive of the noun after it.
func TestPossessiveHer(t *testing.T) {
	tests := []wordCase{
		{"He congratulated her counterpart", repairCase{"her and the noun both objects",
			"PRON/PRP:2:nsubj VERB/VBD:0:root PRON/PRP:2:obj NOUN/NN:2:obj",
			"PRON/PRP:2:nsubj VERB/VBD:0:root PRON/PRP$:4:nmod:poss NOUN/NN:2:obj"}},
		{"He met her new counterpart", repairCase{"an adjective between",
			"PRON/PRP:2:nsubj VERB/VBD:0:root PRON/PRP:2:obj ADJ/JJ:5:amod NOUN/NN:2:obj",
			"PRON/PRP:2:nsubj VERB/VBD:0:root PRON/PRP$:5:nmod:poss ADJ/JJ:5:amod NOUN/NN:2:obj"}},
		{"They gave her flowers", repairCase{"an indirect object is left alone",
			"PRON/PRP:2:nsubj VERB/VBD:0:root PRON/PRP:2:iobj NOUN/NNS:2:obj",
			"PRON/PRP:2:nsubj VERB/VBD:0:root PRON/PRP:2:iobj NOUN/NNS:2:obj"}},
		{"They gave him flowers", repairCase{"only her is ambiguous",
			"PRON/PRP:2:nsubj VERB/VBD:0:root PRON/PRP:2:obj NOUN/NNS:2:obj",
			"PRON/PRP:2:nsubj VERB/VBD:0:root PRON/PRP:2:obj NOUN/NNS:2:obj"}},
		{"She saw her yesterday", repairCase{"one object: left alone",
			"PRON/PRP:2:nsubj VERB/VBD:0:root PRON/PRP:2:obj NOUN/NN:2:obl:tmod",
			"PRON/PRP:2:nsubj VERB/VBD:0:root PRON/PRP:2:obj NOUN/NN:2:obl:tmod"}},
		{"He told her Monday plans", repairCase{"a word between that is not the noun's",
			"PRON/PRP:2:nsubj VERB/VBD:0:root PRON/PRP:2:obj PROPN/NNP:2:obl:tmod NOUN/NNS:2:obj",
			"PRON/PRP:2:nsubj VERB/VBD:0:root PRON/PRP:2:obj PROPN/NNP:2:obl:tmod NOUN/NNS:2:obj"}},
	}
	checkWordRepair(t, possessiveHer, tests)
}

// TestHeadlineInfinitives checks the repair of a headline's "to" for what
// a name will do.
func TestHeadlineInfinitives(t *testing.T) {
	checkWordRepair(t, headlineInfinitives, []wordCase{
		{"Pellion to buy Arvex", repairCase{"a name's infinitive",
			"PROPN/NNP:0:root PART/TO:3:mark VERB/VB:1:acl PROPN/NNP:3:obj",
			"PROPN/NNP:3:nsubj PART/TO:3:mark VERB/VB:0:root PROPN/NNP:3:obj"}},
		{"Pellion to buy Arvex .", repairCase{"the end of the headline goes to the verb",
			"PROPN/NNP:0:root PART/TO:3:mark VERB/VB:1:acl PROPN/NNP:3:obj PUNCT/.:1:punct",
			"PROPN/NNP:3:nsubj PART/TO:3:mark VERB/VB:0:root PROPN/NNP:3:obj PUNCT/.:3:punct"}},
		{"Things to do", repairCase{"a common noun: left alone",
			"NOUN/NNS:0:root PART/TO:3:mark VERB/VB:1:acl",
			"NOUN/NNS:0:root PART/TO:3:mark VERB/VB:1:acl"}},
		{"Pellion says plan to buy Arvex", repairCase{"a finite verb: left alone",
			"PROPN/NNP:0:root VERB/VBZ:1:acl NOUN/NN:2:obj PART/TO:5:mark VERB/VB:1:acl PROPN/NNP:5:obj",
			"PROPN/NNP:0:root VERB/VBZ:1:acl NOUN/NN:2:obj PART/TO:5:mark VERB/VB:1:acl PROPN/NNP:5:obj"}},
	})
}

// wordCase is a repair case of a repair that reads the words' forms too.
type wordCase struct {
	sentence string
	repairCase
}

// checkWordRepair runs repair on each case's tree and its sentence's words.
func checkWordRepair(t *testing.T, repair func([]extract.Token, []word), tests []wordCase) {
	t.Helper()
	for _, tt := range tests {
		var words []word
		for _, f := range strings.Fields(tt.sentence) {
			words = append(words, word{form: f})
		}
		checkRepair(t, func(toks []extract.Token) { repair(toks, words) }, []repairCase{tt.repairCase})
	}
}

// TestDescribedNames checks the repair of a noun describing the name after
// it, read as a second subject or object.
// TestReportingConjuncts checks the repair of a reporting clause after a
// quotation read as the quoted clause's conjunct.
func TestReportingConjuncts(t *testing.T) {
	// "We did nothing," the lawyer, Ilic, told reporters.
	const told = "PUNCT:3:punct PRON:3:nsubj VERB:0:root PRON:3:obj PUNCT/,:3:punct PUNCT/'':3:punct DET:8:det NOUN:3:obl:unmarked " +
		"PUNCT/,:10:punct PROPN:8:appos PUNCT/,:12:punct VERB:3:conj NOUN:12:iobj PUNCT/.:3:punct"
	checkRepair(t, reportingConjuncts, []repairCase{
		{"after a quotation", told,
			"PUNCT:3:punct PRON:3:nsubj VERB:12:ccomp PRON:3:obj PUNCT/,:3:punct PUNCT/'':3:punct DET:8:det NOUN:12:nsubj " +
				"PUNCT/,:10:punct PROPN:8:appos PUNCT/,:12:punct VERB:0:root NOUN:12:iobj PUNCT/.:12:punct"},
		{"the subject read as a noun conjunct of the verb", // Troops withdrew , the spokesman told radio .
			"NOUN:2:nsubj VERB/VBD:0:root PUNCT/,:5:punct DET:5:det NOUN:2:conj VERB/VBD:2:conj NOUN:6:iobj PUNCT/.:2:punct",
			"NOUN:2:nsubj VERB/VBD:6:ccomp PUNCT/,:5:punct DET:5:det NOUN:6:nsubj VERB/VBD:0:root NOUN:6:iobj PUNCT/.:6:punct"},
		{"a verb with an object: left alone", // He pokes around a bit , asks questions .
			"PRON:2:nsubj VERB/VBZ:0:root ADV:2:advmod DET:5:det NOUN:2:conj PUNCT/,:7:punct VERB/VBZ:2:conj NOUN:7:obj PUNCT/.:2:punct",
			"PRON:2:nsubj VERB/VBZ:0:root ADV:2:advmod DET:5:det NOUN:2:conj PUNCT/,:7:punct VERB/VBZ:2:conj NOUN:7:obj PUNCT/.:2:punct"},
		{"a coordinator: left alone", // They worked all day and left
			"PRON:2:nsubj VERB:0:root DET:4:det NOUN:2:obl:unmarked CCONJ:6:cc VERB:2:conj PUNCT/.:2:punct",
			"PRON:2:nsubj VERB:0:root DET:4:det NOUN:2:obl:unmarked CCONJ:6:cc VERB:2:conj PUNCT/.:2:punct"},
		{"no comma before the noun: left alone", // They worked all day, left
			"PRON:2:nsubj VERB:0:root DET:4:det NOUN:2:obl:unmarked PUNCT/,:6:punct VERB:2:conj PUNCT/.:2:punct",
			"PRON:2:nsubj VERB:0:root DET:4:det NOUN:2:obl:unmarked PUNCT/,:6:punct VERB:2:conj PUNCT/.:2:punct"},
	})
}

// TestSubordinatedClauses checks the repair of a clause after "after"
// read as the preposition's noun phrase.
func TestSubordinatedClauses(t *testing.T) {
	checkWordRepair(t, subordinatedClauses, []wordCase{
		{"Nordair cancelled flights on Monday after its pilots went on strike", repairCase{"a clause after a noun",
			"PROPN:2:nsubj VERB/VBD:0:root NOUN:2:obj ADP:5:case PROPN:2:obl ADP:8:case PRON:8:nmod:poss NOUN:5:nmod VERB/VBD:2:conj ADP:11:case NOUN:9:obl",
			"PROPN:2:nsubj VERB/VBD:0:root NOUN:2:obj ADP:5:case PROPN:2:obl SCONJ:9:mark PRON:8:nmod:poss NOUN:9:nsubj VERB/VBD:2:advcl ADP:11:case NOUN:9:obl"}},
		{"Pilots returned to work after their union reached a deal", repairCase{"an adverbial clause without subject or marker",
			"NOUN:2:nsubj VERB/VBD:0:root PART:4:mark VERB/VB:2:xcomp ADP:7:case PRON:7:nmod:poss NOUN:4:obl VERB/VBD:2:advcl DET:10:det NOUN:8:obj",
			"NOUN:2:nsubj VERB/VBD:0:root PART:4:mark VERB/VB:2:xcomp SCONJ:8:mark PRON:7:nmod:poss NOUN:8:nsubj VERB/VBD:2:advcl DET:10:det NOUN:8:obj"}},
		{"Pilots returned to work after talks wages rose", repairCase{"an adverbial clause with a subject: left alone",
			"NOUN:2:nsubj VERB/VBD:0:root PART:4:mark VERB/VB:2:xcomp ADP:6:case NOUN:4:obl NOUN:8:nsubj VERB/VBD:2:advcl",
			"NOUN:2:nsubj VERB/VBD:0:root PART:4:mark VERB/VB:2:xcomp ADP:6:case NOUN:4:obl NOUN:8:nsubj VERB/VBD:2:advcl"}},
		{"Nordair cancelled flights after talks and went home", repairCase{"a coordinator: left alone",
			"PROPN:2:nsubj VERB/VBD:0:root NOUN:2:obj ADP:5:case NOUN:2:obl CCONJ:7:cc VERB/VBD:2:conj NOUN:7:obj",
			"PROPN:2:nsubj VERB/VBD:0:root NOUN:2:obj ADP:5:case NOUN:2:obl CCONJ:7:cc VERB/VBD:2:conj NOUN:7:obj"}},
		{"Nordair cancelled flights during talks went home", repairCase{"a preposition of nouns only: left alone",
			"PROPN:2:nsubj VERB/VBD:0:root NOUN:2:obj ADP:5:case NOUN:2:obl VERB/VBD:2:conj NOUN:6:obj",
			"PROPN:2:nsubj VERB/VBD:0:root NOUN:2:obj ADP:5:case NOUN:2:obl VERB/VBD:2:conj NOUN:6:obj"}},
	})
}

// TestNameAppositions checks the repair of a person's name in apposition
// to a phrase, attached to the name inside it.
func TestNameAppositions(t *testing.T) {
	checkRepair(t, nameAppositions, []repairCase{
		{"the name's second word on the place", // The mayor of Eastfield , Rachel Dunmore , defended
			"DET:2:det NOUN:9:nsubj ADP:4:case PROPN:2:nmod PUNCT/,:6:punct PROPN:4:appos PROPN:4:flat PUNCT/,:2:punct VERB:0:root",
			"DET:2:det NOUN:9:nsubj ADP:4:case PROPN:2:nmod PUNCT/,:6:punct PROPN:2:appos PROPN:6:flat PUNCT/,:2:punct VERB:0:root"},
		{"one word: left alone", // my favourite store in Lawrence , KS
			"PRON:3:nmod:poss ADJ:3:amod NOUN:0:root ADP:5:case PROPN:3:nmod PUNCT/,:7:punct PROPN:5:appos",
			"PRON:3:nmod:poss ADJ:3:amod NOUN:0:root ADP:5:case PROPN:3:nmod PUNCT/,:7:punct PROPN:5:appos"},
		{"a description: left alone", // a resident of Paris , the French capital
			"DET:2:det NOUN:0:root ADP:4:case PROPN:2:nmod PUNCT/,:8:punct DET:8:det ADJ:8:amod NOUN:4:appos",
			"DET:2:det NOUN:0:root ADP:4:case PROPN:2:nmod PUNCT/,:8:punct DET:8:det ADJ:8:amod NOUN:4:appos"},
	})
}

// TestFiniteComplements checks the repair of a finite verb read as an open
// complement.
func TestFiniteComplements(t *testing.T) {
	checkRepair(t, finiteComplements, []repairCase{
		{"a past tense with an object", // saying the city had no choice
			"VERB/VBG:0:root DET:3:det NOUN:1:obj VERB/VBD:1:xcomp DET:6:det NOUN:4:obj",
			"VERB/VBG:0:root DET:3:det NOUN:4:nsubj VERB/VBD:1:ccomp DET:6:det NOUN:4:obj"},
		{"a participle taken for a past tense: left alone", // had them embroidered within a week
			"VERB/VBD:0:root PRON:1:obj VERB/VBD:1:xcomp ADP:6:case DET:6:det NOUN:3:obl",
			"VERB/VBD:0:root PRON:1:obj VERB/VBD:1:xcomp ADP:6:case DET:6:det NOUN:3:obl"},
		{"a base form: left alone", // made them sign the deal
			"VERB/VBD:0:root PRON:1:obj VERB/VB:1:xcomp DET:5:det NOUN:3:obj",
			"VERB/VBD:0:root PRON:1:obj VERB/VB:1:xcomp DET:5:det NOUN:3:obj"},
	})
}

// TestParticipleComplements checks the repair of a participle clause read
// as a reporting verb's second complement.
func TestParticipleComplements(t *testing.T) {
	// "We won," he said, adding that …
	const adding = "PRON:2:nsubj VERB/VBD:5:ccomp PUNCT/,:2:punct PRON:5:nsubj VERB/VBD:0:root PUNCT/,:7:punct VERB/VBG:5:ccomp SCONJ:10:mark PRON:10:nsubj VERB/VBD:7:ccomp"
	checkRepair(t, participleComplements, []repairCase{
		{"a second complement", adding,
			"PRON:2:nsubj VERB/VBD:5:ccomp PUNCT/,:2:punct PRON:5:nsubj VERB/VBD:0:root PUNCT/,:7:punct VERB/VBG:5:advcl SCONJ:10:mark PRON:10:nsubj VERB/VBD:7:ccomp"},
		{"the only complement: left alone", // he said , adding that …
			"PRON:2:nsubj VERB/VBD:0:root PUNCT/,:4:punct VERB/VBG:2:ccomp SCONJ:7:mark PRON:7:nsubj VERB/VBD:4:ccomp",
			"PRON:2:nsubj VERB/VBD:0:root PUNCT/,:4:punct VERB/VBG:2:ccomp SCONJ:7:mark PRON:7:nsubj VERB/VBD:4:ccomp"},
	})
}

// TestSubjectRelatives checks the repair of a reported clause read as a
// relative clause without its pronoun.
func TestSubjectRelatives(t *testing.T) {
	checkWordRepair(t, subjectRelatives, []wordCase{
		{"Agencies say the north needs food", repairCase{"a finite verb with an object and no subject",
			"NOUN:2:nsubj VERB/VBP:0:root DET:4:det NOUN:2:obj VERB/VBZ:4:acl:relcl NOUN:5:obj",
			"NOUN:2:nsubj VERB/VBP:0:root DET:4:det NOUN:5:nsubj VERB/VBZ:2:ccomp NOUN:5:obj"}},
		{"They sold the food people need", repairCase{"an object relative: left alone",
			"PRON:2:nsubj VERB/VBD:0:root DET:4:det NOUN:2:obj NOUN:6:nsubj VERB/VBP:4:acl:relcl",
			"PRON:2:nsubj VERB/VBD:0:root DET:4:det NOUN:2:obj NOUN:6:nsubj VERB/VBP:4:acl:relcl"}},
		{"They hired a firm that builds ships", repairCase{"a relative pronoun: left alone",
			"PRON:2:nsubj VERB/VBD:0:root DET:4:det NOUN:2:obj PRON:6:nsubj VERB/VBZ:4:acl:relcl NOUN:6:obj",
			"PRON:2:nsubj VERB/VBD:0:root DET:4:det NOUN:2:obj PRON:6:nsubj VERB/VBZ:4:acl:relcl NOUN:6:obj"}},
		{"They hired a firm that builds ships", repairCase{"a relative pronoun the parser left out of the clause: left alone",
			"PRON:2:nsubj VERB/VBD:0:root DET:4:det NOUN:2:obj PRON:4:det VERB/VBZ:4:acl:relcl NOUN:6:obj",
			"PRON:2:nsubj VERB/VBD:0:root DET:4:det NOUN:2:obj PRON:4:det VERB/VBZ:4:acl:relcl NOUN:6:obj"}},
	})
}

// TestRelativeAsides checks the repair of a relative clause between a
// subject and its verb read as the sentence's only clause.
func TestRelativeAsides(t *testing.T) {
	checkRepair(t, relativeAsides, []repairCase{
		{"the verb a conjunct of the relative clause", // Baran , who was criticised , welcomed the deal .
			"PROPN:0:root PUNCT/,:5:punct PRON:5:nsubj:pass AUX:5:aux:pass VERB/VBN:1:acl:relcl PUNCT/,:7:punct VERB/VBD:5:conj DET:9:det NOUN:7:obj PUNCT/.:1:punct",
			"PROPN:7:nsubj PUNCT/,:5:punct PRON:5:nsubj:pass AUX:5:aux:pass VERB/VBN:1:acl:relcl PUNCT/,:7:punct VERB/VBD:0:root DET:9:det NOUN:7:obj PUNCT/.:7:punct"},
		{"a participle: left alone", // Baran , who was elected , seeking votes
			"PROPN:0:root PUNCT/,:5:punct PRON:5:nsubj:pass AUX:5:aux:pass VERB/VBN:1:acl:relcl PUNCT/,:7:punct VERB/VBG:5:conj NOUN:7:obj",
			"PROPN:0:root PUNCT/,:5:punct PRON:5:nsubj:pass AUX:5:aux:pass VERB/VBN:1:acl:relcl PUNCT/,:7:punct VERB/VBG:5:conj NOUN:7:obj"},
		{"a coordinator: left alone", // Baran , who was criticised and resigned
			"PROPN:0:root PUNCT/,:5:punct PRON:5:nsubj:pass AUX:5:aux:pass VERB/VBN:1:acl:relcl PUNCT/,:8:punct CCONJ:8:cc VERB/VBD:5:conj",
			"PROPN:0:root PUNCT/,:5:punct PRON:5:nsubj:pass AUX:5:aux:pass VERB/VBN:1:acl:relcl PUNCT/,:8:punct CCONJ:8:cc VERB/VBD:5:conj"},
	})
}

// TestRelativeParticiples checks the repair of the main verb after a
// relative clause read as a participle of the noun after it.
func TestRelativeParticiples(t *testing.T) {
	checkRepair(t, relativeParticiples, []repairCase{
		{"the verb an adjective of a second object", // residents , who lost homes , demanded compensation .
			"NOUN:0:root PUNCT/,:4:punct PRON:4:nsubj VERB/VBD:1:acl:relcl NOUN:4:obj PUNCT/,:7:punct VERB/VBN:8:amod NOUN:4:obj PUNCT/.:1:punct",
			"NOUN:7:nsubj PUNCT/,:4:punct PRON:4:nsubj VERB/VBD:1:acl:relcl NOUN:4:obj PUNCT/,:7:punct VERB/VBD:0:root NOUN:7:obj PUNCT/.:7:punct"},
		{"the verb an adjective of a noun conjunct", // Sadiq , who visited , promised compensation .
			"PROPN:0:root PUNCT/,:4:punct PRON:4:nsubj VERB/VBD:1:acl:relcl PUNCT/,:7:punct VERB/VBN:7:amod NOUN:4:conj PUNCT/.:1:punct",
			"PROPN:6:nsubj PUNCT/,:4:punct PRON:4:nsubj VERB/VBD:1:acl:relcl PUNCT/,:7:punct VERB/VBD:0:root NOUN:6:obj PUNCT/.:6:punct"},
		{"a conjunct with a coordinator: left alone", // Sadiq , who visited , and promised compensation
			"PROPN:0:root PUNCT/,:4:punct PRON:4:nsubj VERB/VBD:1:acl:relcl PUNCT/,:8:punct CCONJ:8:cc VERB/VBN:8:amod NOUN:4:conj",
			"PROPN:0:root PUNCT/,:4:punct PRON:4:nsubj VERB/VBD:1:acl:relcl PUNCT/,:8:punct CCONJ:8:cc VERB/VBN:8:amod NOUN:4:conj"},
		{"one object: left alone", // residents , who lost , demanded compensation
			"NOUN:0:root PUNCT/,:4:punct PRON:4:nsubj VERB/VBD:1:acl:relcl PUNCT/,:6:punct VERB/VBN:7:amod NOUN:4:obj",
			"NOUN:0:root PUNCT/,:4:punct PRON:4:nsubj VERB/VBD:1:acl:relcl PUNCT/,:6:punct VERB/VBN:7:amod NOUN:4:obj"},
		{"no comma before it: left alone", // residents who lost homes and demanded compensation
			"NOUN:0:root PRON:3:nsubj VERB/VBD:1:acl:relcl NOUN:3:obj CCONJ:6:cc VERB/VBN:7:amod NOUN:3:obj",
			"NOUN:0:root PRON:3:nsubj VERB/VBD:1:acl:relcl NOUN:3:obj CCONJ:6:cc VERB/VBN:7:amod NOUN:3:obj"},
		{"a root with a subject: left alone",
			"PRON:2:nsubj NOUN:0:root PUNCT/,:5:punct PRON:5:nsubj VERB/VBD:2:acl:relcl NOUN:5:obj PUNCT/,:8:punct VERB/VBN:9:amod NOUN:5:obj",
			"PRON:2:nsubj NOUN:0:root PUNCT/,:5:punct PRON:5:nsubj VERB/VBD:2:acl:relcl NOUN:5:obj PUNCT/,:8:punct VERB/VBN:9:amod NOUN:5:obj"},
	})
}

// TestRelativeReductions checks the repair of the main verb after a
// relative clause read as a reduced relative clause on its last noun.
func TestRelativeReductions(t *testing.T) {
	checkRepair(t, relativeReductions, []repairCase{
		{"a past tense on the relative clause's object", // businessmen who paid bribes received sentences .
			"NOUN:0:root PRON:3:nsubj VERB/VBD:1:acl:relcl NOUN:3:obj VERB/VBD:4:acl NOUN:5:obj PUNCT/.:1:punct",
			"NOUN:5:nsubj PRON:3:nsubj VERB/VBD:1:acl:relcl NOUN:3:obj VERB/VBD:0:root NOUN:5:obj PUNCT/.:5:punct"},
		{"a participle: left alone", // businessmen who paid bribes received by officials
			"NOUN:0:root PRON:3:nsubj VERB/VBD:1:acl:relcl NOUN:3:obj VERB/VBN:4:acl ADP:7:case NOUN:5:obl:agent",
			"NOUN:0:root PRON:3:nsubj VERB/VBD:1:acl:relcl NOUN:3:obj VERB/VBN:4:acl ADP:7:case NOUN:5:obl:agent"},
		{"outside a relative clause: left alone", // reports of bribes received sentences
			"NOUN:0:root ADP:3:case NOUN:1:nmod VERB/VBD:3:acl NOUN:4:obj",
			"NOUN:0:root ADP:3:case NOUN:1:nmod VERB/VBD:3:acl NOUN:4:obj"},
		{"a root with a copula: left alone",
			"NOUN:0:root PRON:3:nsubj VERB/VBD:1:acl:relcl NOUN:3:obj VERB/VBD:4:acl AUX:1:cop",
			"NOUN:0:root PRON:3:nsubj VERB/VBD:1:acl:relcl NOUN:3:obj VERB/VBD:4:acl AUX:1:cop"},
	})
}

// TestGerundSubjects checks the repair of a gerund subject read as an
// adverbial clause.
func TestGerundSubjects(t *testing.T) {
	checkRepair(t, gerundSubjects, []repairCase{
		{"a gerund before the verb", // Fighting between forces has killed people
			"VERB/VBG:5:advcl ADP:3:case NOUN:1:obl AUX/VBZ:5:aux VERB/VBN:0:root NOUN:5:obj",
			"VERB/VBG:5:nsubj ADP:3:case NOUN:1:obl AUX/VBZ:5:aux VERB/VBN:0:root NOUN:5:obj"},
		{"a participle clause with a comma: left alone", // Fighting tears , thanked crowds
			"VERB/VBG:4:advcl NOUN:1:obj PUNCT/,:1:punct VERB/VBD:0:root NOUN:4:obj",
			"VERB/VBG:4:advcl NOUN:1:obj PUNCT/,:1:punct VERB/VBD:0:root NOUN:4:obj"},
		{"a verb with a subject: left alone", // Fighting tears she thanked crowds
			"VERB/VBG:4:advcl NOUN:1:obj PRON:4:nsubj VERB/VBD:0:root NOUN:4:obj",
			"VERB/VBG:4:advcl NOUN:1:obj PRON:4:nsubj VERB/VBD:0:root NOUN:4:obj"},
		{"a subject after the verb: left alone", // Smiling said the minister
			"VERB/VBG:2:advcl VERB/VBD:0:root DET:4:det NOUN:2:nsubj",
			"VERB/VBG:2:advcl VERB/VBD:0:root DET:4:det NOUN:2:nsubj"},
		{"a verb that is no clause of its own: left alone", // Going home tired
			"VERB/VBG:3:advcl NOUN:1:obj ADJ:0:root",
			"VERB/VBG:3:advcl NOUN:1:obj ADJ:0:root"},
	})
}

// TestNounClauses checks the repair of a clause read as a noun phrase
// with its verb as a participle.
func TestNounClauses(t *testing.T) {
	checkRepair(t, nounClauses, []repairCase{
		{"a reported clause", // Georgian police detained opposition leader , his party said
			"ADJ:5:amod NOUN:5:compound VERB/VBN:5:amod NOUN:5:compound NOUN:9:ccomp PUNCT/,:5:punct PRON:8:nmod:poss NOUN:9:nsubj VERB/VBD:0:root",
			"ADJ:2:amod NOUN:3:nsubj VERB/VBD:9:ccomp NOUN:5:compound NOUN:3:obj PUNCT/,:3:punct PRON:8:nmod:poss NOUN:9:nsubj VERB/VBD:0:root"},
		{"a title at the root: left alone", // Coast specialized server
			"PROPN:3:compound VERB/VBN:3:amod NOUN:0:root",
			"PROPN:3:compound VERB/VBN:3:amod NOUN:0:root"},
		{"a subject: left alone", // state run media reported
			"NOUN:3:compound VERB/VBN:3:amod NOUN:4:nsubj VERB/VBD:0:root",
			"NOUN:3:compound VERB/VBN:3:amod NOUN:4:nsubj VERB/VBD:0:root"},
		{"an adjective in its place: left alone", // the planned police operation , he said
			"DET:4:det VERB/VBN:4:amod NOUN:4:compound NOUN:7:ccomp PUNCT/,:4:punct PRON:7:nsubj VERB/VBD:0:root",
			"DET:4:det VERB/VBN:4:amod NOUN:4:compound NOUN:7:ccomp PUNCT/,:4:punct PRON:7:nsubj VERB/VBD:0:root"},
	})
}

// TestAdjectiveRoots checks the repair of a demonym read as the root with
// the name after it as its object.
func TestAdjectiveRoots(t *testing.T) {
	checkRepair(t, adjectiveRoots, []repairCase{
		{"a demonym before a title and a name", // Portuguese Prime Minister Luis Carvalho and Ruiz signed .
			"ADJ:0:root ADJ:3:amod PROPN:4:nmod:desc PROPN:1:obj PROPN:4:flat CCONJ:8:cc PROPN:8:nsubj VERB:1:conj PUNCT/.:1:punct",
			"ADJ:3:amod ADJ:3:amod PROPN:4:nmod:desc PROPN:0:root PROPN:4:flat CCONJ:8:cc PROPN:8:nsubj VERB:4:conj PUNCT/.:4:punct"},
		{"an object after other words: left alone", // Happy to see Lisbon
			"ADJ:0:root PART:3:mark VERB:1:xcomp PROPN:1:obj",
			"ADJ:0:root PART:3:mark VERB:1:xcomp PROPN:1:obj"},
	})
}

// TestCoordinatedSubjects checks the repair of two coordinated names read
// as a name and a clause.
func TestCoordinatedSubjects(t *testing.T) {
	checkRepair(t, coordinatedSubjects, []repairCase{
		{"two names", // Carvalho and Ruiz signed the deal .
			"PROPN:0:root CCONJ:4:cc PROPN:4:nsubj VERB:1:conj DET:6:det NOUN:4:obj PUNCT/.:1:punct",
			"PROPN:4:nsubj CCONJ:3:cc PROPN:1:conj VERB:0:root DET:6:det NOUN:4:obj PUNCT/.:4:punct"},
		{"a common noun: left alone", // Great food and the staff helped us
			"ADJ:2:amod NOUN:0:root CCONJ:6:cc DET:5:det NOUN:6:nsubj VERB:2:conj PRON:6:obj",
			"ADJ:2:amod NOUN:0:root CCONJ:6:cc DET:5:det NOUN:6:nsubj VERB:2:conj PRON:6:obj"},
		{"a name and a clause with a pronoun: left alone", // John , and we will call
			"PROPN:0:root PUNCT/,:1:punct CCONJ:6:cc PRON:6:nsubj AUX:6:aux VERB:1:conj",
			"PROPN:0:root PUNCT/,:1:punct CCONJ:6:cc PRON:6:nsubj AUX:6:aux VERB:1:conj"},
	})
}

// TestRelativeConjuncts checks the repair of a relative clause read as a
// conjunct of its noun.
func TestRelativeConjuncts(t *testing.T) {
	checkRepair(t, relativeConjuncts, []repairCase{
		{"a relative pronoun after a comma", // The frog , which is a species , was found .
			"DET:2:det NOUN:10:nsubj:pass PUNCT/,:7:punct PRON/WDT:7:nsubj AUX:7:cop DET:7:det NOUN:2:conj PUNCT/,:2:punct AUX:10:aux:pass VERB/VBN:0:root PUNCT/.:10:punct",
			"DET:2:det NOUN:10:nsubj:pass PUNCT/,:7:punct PRON/WDT:7:nsubj AUX:7:cop DET:7:det NOUN:2:acl:relcl PUNCT/,:2:punct AUX:10:aux:pass VERB/VBN:0:root PUNCT/.:10:punct"},
		{"a question word after and: left alone", // the frog and what happened
			"DET:2:det NOUN:0:root CCONJ:5:cc PRON/WP:5:nsubj VERB:2:conj",
			"DET:2:det NOUN:0:root CCONJ:5:cc PRON/WP:5:nsubj VERB:2:conj"},
		{"a plain subject: left alone", // the frog , it ate flies
			"DET:2:det NOUN:0:root PUNCT/,:5:punct PRON/PRP:5:nsubj VERB:2:conj NOUN:5:obj",
			"DET:2:det NOUN:0:root PUNCT/,:5:punct PRON/PRP:5:nsubj VERB:2:conj NOUN:5:obj"},
	})
}

// TestTitledNames checks the repair of a name read as the head of the
// next name and its title.
func TestTitledNames(t *testing.T) {
	checkRepair(t, titledNames, []repairCase{
		{"an apposition", // Pellion chief executive Sofia Brandt said
			"PROPN:6:nsubj ADJ:4:amod ADJ:4:amod PROPN:1:appos PROPN:4:flat VERB:0:root",
			"PROPN:4:compound ADJ:4:amod ADJ:4:amod PROPN:6:nsubj PROPN:4:flat VERB:0:root"},
		{"a parataxis, the first name of two words", // Kessler Automotive founder Leon Marsh will join
			"PROPN:7:nsubj PROPN:1:flat NOUN:4:nmod:desc PROPN:1:parataxis PROPN:4:flat AUX:7:aux VERB:0:root",
			"PROPN:4:compound PROPN:1:flat NOUN:4:nmod:desc PROPN:7:nsubj PROPN:4:flat AUX:7:aux VERB:0:root"},
		{"a comma between: left alone", // Pellion, chief executive Sofia Brandt
			"PROPN:7:nsubj PUNCT:5:punct ADJ:5:amod ADJ:5:amod PROPN:1:appos PROPN:5:flat VERB:0:root",
			"PROPN:7:nsubj PUNCT:5:punct ADJ:5:amod ADJ:5:amod PROPN:1:appos PROPN:5:flat VERB:0:root"},
		{"no title: left alone", // Pellion Sofia Brandt said
			"PROPN:4:nsubj PROPN:1:appos PROPN:2:flat VERB:0:root",
			"PROPN:4:nsubj PROPN:1:appos PROPN:2:flat VERB:0:root"},
	})
}

func TestAppositiveConjuncts(t *testing.T) {
	tests := []repairCase{
		{"a noun and a name between commas", // A carmaker , Lianfeng Motors , opened plants
			"DET:2:det NOUN:7:nsubj PUNCT/,:5:punct PROPN:5:compound PROPN:2:conj PUNCT/,:2:punct VERB:0:root NOUN:7:obj",
			"DET:2:det NOUN:7:nsubj PUNCT/,:5:punct PROPN:5:compound PROPN:2:appos PUNCT/,:5:punct VERB:0:root NOUN:7:obj"},
		{"a name and its description", // Lianfeng , a carmaker , opened plants
			"PROPN:6:nsubj PUNCT/,:4:punct DET:4:det NOUN:1:conj PUNCT/,:1:punct VERB:0:root NOUN:6:obj",
			"PROPN:6:nsubj PUNCT/,:4:punct DET:4:det NOUN:1:appos PUNCT/,:4:punct VERB:0:root NOUN:6:obj"},
		{"two names: left alone", // Merkel , Macron , met
			"PROPN:5:nsubj PUNCT/,:3:punct PROPN:1:conj PUNCT/,:1:punct VERB:0:root",
			"PROPN:5:nsubj PUNCT/,:3:punct PROPN:1:conj PUNCT/,:1:punct VERB:0:root"},
		{"a list: left alone", // workers , Lianfeng , and unions met
			"NOUN:7:nsubj PUNCT/,:3:punct PROPN:1:conj PUNCT/,:6:punct CCONJ:6:cc NOUN:1:conj VERB:0:root",
			"NOUN:7:nsubj PUNCT/,:3:punct PROPN:1:conj PUNCT/,:6:punct CCONJ:6:cc NOUN:1:conj VERB:0:root"},
		{"a companion: left alone", // Zane , along with friend Derek , announced
			"PROPN:8:nsubj PUNCT/,:5:punct ADV:5:advmod ADP:3:fixed NOUN:1:conj PROPN:5:flat PUNCT/,:1:punct VERB:0:root",
			"PROPN:8:nsubj PUNCT/,:5:punct ADV:5:advmod ADP:3:fixed NOUN:1:conj PROPN:5:flat PUNCT/,:1:punct VERB:0:root"},
		{"no comma after it: left alone", // A carmaker , Lianfeng opened plants
			"DET:2:det NOUN:5:nsubj PUNCT/,:4:punct PROPN:2:conj VERB:0:root NOUN:5:obj",
			"DET:2:det NOUN:5:nsubj PUNCT/,:4:punct PROPN:2:conj VERB:0:root NOUN:5:obj"},
	}
	checkRepair(t, appositiveConjuncts, tests)
}

func TestVerbCompounds(t *testing.T) {
	checkRepair(t, verbCompounds, []repairCase{
		{"a plural noun tagged as a verb", // but strong winds pushed it
			"CCONJ:4:cc ADJ:3:amod VERB/VBZ:4:compound VERB/VBD:0:root PRON:4:obj",
			"CCONJ:4:cc ADJ:3:amod NOUN/NNS:4:nsubj VERB/VBD:0:root PRON:4:obj"},
		{"a verb with a subject: left alone", // they window shop online
			"PRON:3:nsubj NOUN/NNS:3:compound VERB/VBP:0:root ADV:3:advmod",
			"PRON:3:nsubj NOUN/NNS:3:compound VERB/VBP:0:root ADV:3:advmod"},
		{"a hyphen: left alone", // oil - producing plants
			"NOUN/NNS:3:compound PUNCT/HYPH:1:punct VERB/VBN:4:amod NOUN:0:root",
			"NOUN/NNS:3:compound PUNCT/HYPH:1:punct VERB/VBN:4:amod NOUN:0:root"},
		{"an adjective: left alone", // dry clean it
			"ADJ/JJ:2:compound VERB/VB:0:root PRON:2:obj",
			"ADJ/JJ:2:compound VERB/VB:0:root PRON:2:obj"},
	})
}

func TestReportedSubjects(t *testing.T) {
	checkRepair(t, reportedSubjects, []repairCase{
		{"an object before a complement without subject", // Critics say the change will weaken courts
			"NOUN:2:nsubj VERB:0:root DET:4:det NOUN:2:obj AUX:6:aux VERB:2:ccomp NOUN:6:obj",
			"NOUN:2:nsubj VERB:0:root DET:4:det NOUN:6:nsubj AUX:6:aux VERB:2:ccomp NOUN:6:obj"},
		{"a complement with a subject: left alone", // told reporters the change will weaken courts
			"VERB:0:root NOUN:1:obj DET:4:det NOUN:6:nsubj AUX:6:aux VERB:1:ccomp NOUN:6:obj",
			"VERB:0:root NOUN:1:obj DET:4:det NOUN:6:nsubj AUX:6:aux VERB:1:ccomp NOUN:6:obj"},
		{"a complement with a marker: left alone", // warned the minister that would fail
			"VERB:0:root DET:3:det NOUN:1:obj SCONJ:6:mark AUX:6:aux VERB:1:ccomp",
			"VERB:0:root DET:3:det NOUN:1:obj SCONJ:6:mark AUX:6:aux VERB:1:ccomp"},
		{"a subject after the complement's verb: left alone", // say the change would , they think , weaken
			"VERB:0:root NOUN:1:obj AUX:4:aux VERB:1:ccomp PRON:4:nsubj",
			"VERB:0:root NOUN:1:obj AUX:4:aux VERB:1:ccomp PRON:4:nsubj"},
		{"a marker anywhere: left alone",
			"VERB:0:root NOUN:1:obj AUX:4:aux VERB:1:ccomp SCONJ:4:mark",
			"VERB:0:root NOUN:1:obj AUX:4:aux VERB:1:ccomp SCONJ:4:mark"},
		{"other words between: left alone", // say the change today will weaken
			"VERB:0:root DET:3:det NOUN:1:obj NOUN:1:obl:unmarked AUX:6:aux VERB:1:ccomp",
			"VERB:0:root DET:3:det NOUN:1:obj NOUN:1:obl:unmarked AUX:6:aux VERB:1:ccomp"},
	})
}

func TestTimedContents(t *testing.T) {
	checkWordRepair(t, timedContents, []wordCase{
		{"He warned last month that reform posed risks", repairCase{"a content clause on a bare time",
			"PRON:2:nsubj VERB:0:root ADJ:4:amod NOUN:2:obl:unmarked SCONJ:7:mark NOUN:7:nsubj VERB:4:acl NOUN:7:obj",
			"PRON:2:nsubj VERB:0:root ADJ:4:amod NOUN:2:obl:unmarked SCONJ:7:mark NOUN:7:nsubj VERB:2:ccomp NOUN:7:obj"}},
		{"He cited the report that reform posed risks", repairCase{"on an object: left alone",
			"PRON:2:nsubj VERB:0:root DET:4:det NOUN:2:obj SCONJ:7:mark NOUN:7:nsubj VERB:4:acl NOUN:7:obj",
			"PRON:2:nsubj VERB:0:root DET:4:det NOUN:2:obj SCONJ:7:mark NOUN:7:nsubj VERB:4:acl NOUN:7:obj"}},
		{"He warned last month because reform posed risks", repairCase{"another marker: left alone",
			"PRON:2:nsubj VERB:0:root ADJ:4:amod NOUN:2:obl:unmarked SCONJ:7:mark NOUN:7:nsubj VERB:4:acl NOUN:7:obj",
			"PRON:2:nsubj VERB:0:root ADJ:4:amod NOUN:2:obl:unmarked SCONJ:7:mark NOUN:7:nsubj VERB:4:acl NOUN:7:obj"}},
	})
}

func TestNamedObjects(t *testing.T) {
	tests := []repairCase{
		{"a name read as the subject of the noun after it", // fined the company Vale Norte 250 reais
			"VERB:0:root DET:3:det NOUN:1:obj PROPN:7:nsubj PROPN:4:flat NUM:7:nummod NOUN:1:obl",
			"VERB:0:root DET:3:det NOUN:1:obj PROPN:3:appos PROPN:4:flat NUM:7:nummod NOUN:1:obl"},
		{"the name's head last", // fined the bank Credit Alpin 2 francs
			"VERB:0:root DET:3:det NOUN:1:obj PROPN:5:compound PROPN:7:nsubj NUM:7:nummod NOUN:1:obl",
			"VERB:0:root DET:3:det NOUN:1:obj PROPN:5:compound PROPN:3:appos NUM:7:nummod NOUN:1:obl"},
		{"a noun with a copula: left alone", // told the court Khan is a liar
			"VERB:0:root DET:3:det NOUN:1:obj PROPN:7:nsubj AUX:7:cop DET:7:det NOUN:1:ccomp",
			"VERB:0:root DET:3:det NOUN:1:obj PROPN:7:nsubj AUX:7:cop DET:7:det NOUN:1:ccomp"},
		{"the noun on another verb: left alone",
			"VERB:0:root NOUN:1:obj PROPN:5:nsubj VERB:1:conj NOUN:4:obl",
			"VERB:0:root NOUN:1:obj PROPN:5:nsubj VERB:1:conj NOUN:4:obl"},
		{"no object before the name: left alone",
			"VERB:0:root ADP:3:case NOUN:1:obl PROPN:5:nsubj NOUN:1:obl",
			"VERB:0:root ADP:3:case NOUN:1:obl PROPN:5:nsubj NOUN:1:obl"},
	}
	checkRepair(t, namedObjects, tests)
}

func TestDescribedNames(t *testing.T) {
	tests := []repairCase{
		{"two subjects", // Shipping company Maersk diverted vessels
			"NOUN:2:compound NOUN:4:nsubj PROPN:4:nsubj VERB:0:root NOUN:4:obj",
			"NOUN:2:compound NOUN:3:compound PROPN:4:nsubj VERB:0:root NOUN:4:obj"},
		{"two objects", // bought rival Airbus
			"VERB:0:root NOUN:1:obj PROPN:1:obj",
			"VERB:0:root NOUN:3:compound PROPN:1:obj"},
		{"two objects, the name of two words", // acquire biotech firm Arvex Therapeutics
			"VERB:0:root NOUN:3:compound NOUN:1:obj PROPN:5:compound PROPN:1:obj",
			"VERB:0:root NOUN:3:compound NOUN:5:compound PROPN:5:compound PROPN:1:obj"},
		{"a bare oblique before the subject", // Housing Minister Lindqvist resigned
			"NOUN:4:obl PROPN:4:nsubj PROPN:2:flat VERB:0:root",
			"NOUN:2:compound PROPN:4:nsubj PROPN:2:flat VERB:0:root"},
		{"an oblique with a preposition: left alone", // In London Khan spoke
			"ADP:2:case PROPN:4:obl PROPN:4:nsubj VERB:0:root",
			"ADP:2:case PROPN:4:obl PROPN:4:nsubj VERB:0:root"},
		{"a bare oblique with its preposition: left alone", // in town Maersk hired
			"ADP:2:case NOUN:4:obl PROPN:4:nsubj VERB:0:root",
			"ADP:2:case NOUN:4:obl PROPN:4:nsubj VERB:0:root"},
		{"subject and object: left alone", // workers Maersk hired
			"NOUN:3:obj PROPN:3:nsubj VERB:0:root",
			"NOUN:3:obj PROPN:3:nsubj VERB:0:root"},
		{"a bare singular object before the subject", // German carmaker Holtz is recalling cars
			"ADJ:2:amod NOUN/NN:5:obj PROPN:5:nsubj AUX:5:aux VERB:0:root NOUN:5:obj",
			"ADJ:2:amod NOUN/NN:3:compound PROPN:5:nsubj AUX:5:aux VERB:0:root NOUN:5:obj"},
		{"a singular object with its determiner: left alone", // the car Holtz recalled
			"DET:2:det NOUN/NN:4:obj PROPN:4:nsubj VERB:0:root",
			"DET:2:det NOUN/NN:4:obj PROPN:4:nsubj VERB:0:root"},
		{"the name first: left alone", // gave Maersk ships
			"VERB:0:root PROPN:1:obj NOUN:1:obj",
			"VERB:0:root PROPN:1:obj NOUN:1:obj"},
	}
	checkRepair(t, describedNames, tests)
}
