// Who said what? Every quotation with its speaker and the verb that reported it.
g.V().Has(rdf("type"), schema("Quotation")).ForEach(function (q) {
  g.Emit({
    speaker: g.V(q.id).Out(schema("creator")).Out(schema("name")).ToValue(),
    cue: g.V(q.id).Out(ng("cue")).ToValue(),
    text: g.V(q.id).Out(schema("text")).ToValue(),
    direct: plain(g.V(q.id).Out(ng("direct")).ToValue())
  });
});
