// Who talked with whom (calls, talks, meetings), when, for how long and about what?
// Arguments: none.
// One result per conversation event (schema:CommunicateAction): its name,
// its participants, its date and duration when the article gives them, its
// topics (schema:about), the sentence it was read from and the article's
// headline (or URL, or file, for an article without one).
g.V().Has(rdf("type"), schema("CommunicateAction")).ForEach(function (e) {
  g.Emit(event(e.id));
});
