// Which facts does the graph hold?
// Arguments: none.
// One result per statement: subject, relation and object by name, the
// confidence, and the sentence it was read from.
g.V().Has(rdf("type"), rdf("Statement")).ForEach(function (s) {
  var confidence = value(s.id, ng("confidence"));
  g.Emit({
    subject: label(g.V(s.id).Out(rdf("subject")).ToValue()),
    relation: label(g.V(s.id).Out(rdf("predicate")).ToValue()),
    object: label(g.V(s.id).Out(rdf("object")).ToValue()),
    confidence: confidence === null ? null : Number(confidence),
    sentence: value(s.id, ng("sentence"))
  });
});
