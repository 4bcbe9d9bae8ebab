// Where does a fact come from: which articles and sentences, at which character offsets, with what confidence?
// Arguments: subject (the subject's name), relation (as the graph names it, e.g. speak_with or not_rule_out), object (the object's name, or a literal object's text).
// One result per statement (rdf:Statement) of the fact: the article's
// headline and date, the sentence, the character offsets of the fact's
// words in the article, the words the relation was read from, and the
// extractor's confidence.
var relation = rel(need("relation").trim().replace(/[\s-]+/g, "_"));
var object = need("object");
named(need("subject")).In(rdf("subject")).Has(rdf("predicate"), relation).Has(rdf("type"), rdf("Statement")).ForEach(function (s) {
  if (label(g.V(s.id).Out(rdf("object")).ToValue()) !== object) return;
  var article = g.V(s.id).Out(prov("wasDerivedFrom")).ToValue();
  var confidence = value(s.id, ng("confidence"));
  g.Emit({
    article: headline(s.id),
    published: article === null ? null : value(article, schema("datePublished")),
    sentence: value(s.id, ng("sentence")),
    start: value(s.id, ng("start")),
    end: value(s.id, ng("end")),
    wording: value(s.id, ng("wording")),
    confidence: confidence === null ? null : Number(confidence)
  });
});
