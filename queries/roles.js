// Which roles and titles do people hold?
// Arguments: none.
// One result per person and role (rel/role facts: "Russian President"),
// however many articles give it.
var seen = {};
g.V().Has(rdf("type"), schema("Person")).Unique().Tag("person").Out(rel("role")).ForEach(function (r) {
  var key = r.person + "\u0000" + r.id;
  if (seen[key]) return;
  seen[key] = true;
  g.Emit({person: label(r.person), role: plain(r.id)});
});
