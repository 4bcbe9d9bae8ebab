// What dated events did an actor take part in, in date order?
// Arguments: name (the actor's name, e.g. --arg name="Vladimir Putin").
// One result per event with a date (schema:startDate) that has the actor
// as a participant, earliest first; events of the same date are ordered by
// name and sentence. Dates are ISO 8601 ("2025-06-14", "2025-06", "2025").
var events = [];
named(need("name")).In(schema("participant")).Unique().ForEach(function (e) {
  var ev = event(e.id);
  if (ev.date !== null) events.push(ev);
});
var key = function (ev) { return [ev.date, ev.event, ev.sentence || ""]; };
events.sort(function (a, b) {
  var ka = key(a), kb = key(b);
  for (var i = 0; i < ka.length; i++) {
    if (ka[i] !== kb[i]) return ka[i] < kb[i] ? -1 : 1;
  }
  return 0;
}).forEach(function (ev) {
  g.Emit({date: ev.date, event: ev.event, participants: ev.participants, duration: ev.duration,
    about: ev.about, sentence: ev.sentence, article: ev.article});
});
