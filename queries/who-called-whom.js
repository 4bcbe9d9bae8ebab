// Who talked with whom (calls, talks, meetings), when, for how long and about what?
g.V().Has(rdf("type"), schema("CommunicateAction")).ForEach(function (call) {
  var c = function () { return g.V(call.id); };
  g.Emit({
    event: call.id,
    name: c().Out(schema("name")).ToValue(),
    participants: c().Out(schema("participant")).Unique().ToArray().map(label),
    date: plain(c().Out(schema("startDate")).ToValue()),
    duration: plain(c().Out(schema("duration")).ToValue()),
    about: c().Out(schema("about")).Unique().ToArray().map(label),
    sentence: c().Out(ng("sentence")).ToValue()
  });
});
