// What did a person or organisation say?
// Arguments: name (the speaker's name, e.g. --arg name="Vladimir Putin").
// One result per quotation: its text, the reporting verb (cue), whether it
// is a direct quote, and the sentence it was read from.
named(need("name")).Out(rel("say")).ForEach(function (q) {
  g.Emit({
    text: value(q.id, schema("text")),
    cue: value(q.id, ng("cue")),
    direct: String(value(q.id, ng("direct"))) === "true",
    sentence: value(q.id, ng("sentence"))
  });
});
