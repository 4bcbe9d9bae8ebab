// Which facts does the graph hold? Subject, relation and object by name, with the confidence and the sentence each was read from.
g.V().Has(rdf("type"), rdf("Statement")).ForEach(function (s) {
  g.Emit({
    subject: label(g.V(s.id).Out(rdf("subject")).ToValue()),
    relation: label(g.V(s.id).Out(rdf("predicate")).ToValue()),
    object: label(g.V(s.id).Out(rdf("object")).ToValue()),
    confidence: plain(g.V(s.id).Out(ng("confidence")).ToValue()),
    sentence: g.V(s.id).Out(ng("sentence")).ToValue()
  });
});
