// What did a person or organisation say? Arguments: name (the speaker's name, e.g. --arg name="Vladimir Putin").
named(need("name")).Out(rel("say")).ForEach(function (q) {
  g.Emit({
    text: plain(g.V(q.id).Out(schema("text")).ToValue()),
    cue: plain(g.V(q.id).Out(ng("cue")).ToValue()),
    direct: String(plain(g.V(q.id).Out(ng("direct")).ToValue())) === "true",
    sentence: plain(g.V(q.id).Out(ng("sentence")).ToValue())
  });
});
