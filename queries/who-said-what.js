// Who said what?
// Arguments: none.
// One result per quotation: the speaker (an entity's name, or the words
// naming a speaker the graph has no entity for), the reporting verb, the
// quoted words and whether the quote is direct.
g.V().Has(rdf("type"), schema("Quotation")).ForEach(function (q) {
  var speaker = g.V(q.id).Out(schema("creator")).ToValue();
  g.Emit({
    speaker: speaker === null ? value(q.id, ng("speakerName")) : label(speaker),
    cue: value(q.id, ng("cue")),
    text: value(q.id, schema("text")),
    direct: String(value(q.id, ng("direct"))) === "true"
  });
});
