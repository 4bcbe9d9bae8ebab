package rdf

import (
	"github.com/cayleygraph/quad"
	"github.com/newsgraph/newsgraph/graph/vocab"
)

// nastyCase is a quad holding text articles may contain that breaks
// careless writers, and the quad every format must write for it.
type nastyCase struct{ in, want quad.Quad }

func nastyCases() []nastyCase {
	art, art2 := quad.IRI(ex+"article/n1"), quad.IRI(ex+"article/n 2")
	art2Clean := quad.IRI(ex + "article/n%202")
	s := quad.IRI(ex + "entity/x")
	p := quad.IRI(ex + "ns#text")
	xsd := func(t string) quad.IRI { return quad.IRI(vocab.XSD + t) }
	same := func(q quad.Quad) nastyCase { return nastyCase{q, q} }
	lit := func(o quad.Value) nastyCase { return same(quad.Quad{Subject: s, Predicate: p, Object: o, Label: art}) }
	obj := func(in, want quad.Value) nastyCase {
		return nastyCase{quad.Quad{Subject: s, Predicate: p, Object: in, Label: art}, quad.Quad{Subject: s, Predicate: p, Object: want, Label: art}}
	}
	return []nastyCase{
		lit(quad.String("He said \"no\" \\ then\nleft\r\tok")),
		lit(quad.String("nul\x00 bell\x07 esc\x1b del\x7f bs\b ff\f")),
		lit(quad.String("🎉 launch 😀 and ZWJ 👩‍🔬")),
		lit(quad.String("שלום עולם — مرحبا بالعالم, override \u202Eevil\u202C, separators \u2028 \u2029")),
		lit(quad.String("")),
		lit(quad.String("   ")),
		lit(quad.String(`{"@id": "not a node"}`)),
		lit(quad.String("=HYPERLINK(\"x\"), a,b;c")),
		lit(quad.LangString{Value: "colour", Lang: "en-GB"}),
		lit(quad.LangString{Value: "漢字", Lang: "zh-Hant-TW"}),
		lit(quad.TypedString{Value: "007", Type: xsd("integer")}),
		lit(quad.TypedString{Value: "2024-03-08", Type: xsd("date")}),
		lit(quad.TypedString{Value: "1.50", Type: xsd("decimal")}),
		lit(quad.TypedString{Value: "2024-03-08T17:04:05+01:00", Type: xsd("dateTime")}),
		obj(quad.String("bad \xff byte"), quad.String("bad \uFFFD byte")),
		obj(quad.TypedString{Value: "a\"b", Type: "https://example.org/dt#weird type"},
			quad.TypedString{Value: "a\"b", Type: "https://example.org/dt#weird%20type"}),
		obj(quad.TypedString{Value: "plain", Type: xsd("string")}, quad.String("plain")),
		obj(quad.IRI(ex+"entity/a b"), quad.IRI(ex+"entity/a%20b")),
		obj(quad.IRI(ex+"entity/x>y<z"), quad.IRI(ex+"entity/x%3Ey%3Cz")),
		obj(quad.IRI(ex+`entity/say "hi"`), quad.IRI(ex+"entity/say%20%22hi%22")),
		obj(quad.IRI(ex+"entity/a{b}|c^d`e\\f"), quad.IRI(ex+"entity/a%7Bb%7D%7Cc%5Ed%60e%5Cf")),
		obj(quad.IRI(ex+"entity/line\nbreak\ttab\x00"), quad.IRI(ex+"entity/line%0Abreak%09tab%00")),
		obj(quad.IRI(ex+"article/n1#s0#x"), quad.IRI(ex+"article/n1#s0%23x")),
		obj(quad.IRI(ex+"entity/\u202Eevil"), quad.IRI(ex+"entity/%E2%80%AEevil")),
		lit(quad.IRI(ex + "entity/владимир-путин")),
		lit(quad.IRI(ex + "entity/😀")),
		lit(quad.IRI(ex + "entity/already%20encoded")),
		lit(quad.IRI("urn:isbn:0451450523")),
		same(quad.Quad{Subject: quad.BNode("stmt1"), Predicate: quad.IRI(ex + "ns#a/b"), Object: quad.BNode("b.1"), Label: art}),
		{quad.Quad{Subject: quad.BNode("a b"), Predicate: vocab.Type, Object: vocab.Statement, Label: art2},
			quad.Quad{Subject: quad.BNode("x612062"), Predicate: vocab.Type, Object: vocab.Statement, Label: art2Clean}},
		same(quad.Quad{Subject: s, Predicate: vocab.Name, Object: quad.String("in the default graph")}),
	}
}

// nasty returns the nasty quads as given to writers.
func nasty() []quad.Quad {
	var qs []quad.Quad
	for _, c := range nastyCases() {
		qs = append(qs, c.in)
	}
	return qs
}

// nastyWant returns the quads writers must write for the nasty ones.
func nastyWant() []quad.Quad {
	var qs []quad.Quad
	for _, c := range nastyCases() {
		qs = append(qs, c.want)
	}
	return qs
}
