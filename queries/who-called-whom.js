// Who talked with whom (calls, talks, meetings), when and for how long?
var calls = g.V().Has(rdf("type"), schema("CommunicateAction"));
calls.ForEach(function (call) {
  var who = g.V(call.id).Out(schema("participant")).Out(schema("name")).ToArray();
  var when = g.V(call.id).Out(schema("startDate")).ToValue();
  var howLong = g.V(call.id).Out(schema("duration")).ToValue();
  var about = g.V(call.id).Out(schema("about")).ToArray().map(label);
  g.Emit({event: call.id, participants: who, date: when, duration: howLong, about: about});
});
