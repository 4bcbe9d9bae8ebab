// What did each person do, and to whom?
// Arguments: none.
// One result per person, relation and object (an actor's or event's name,
// or a literal), however many articles or event nodes give it.
var seen = {};
g.V().Has(rdf("type"), schema("Person")).Unique().ForEach(function (p) {
  links(p.id).forEach(function (l) {
    if (l.direction !== "out") return;
    var r = {subject: label(p.id), relation: label(l.relation), object: label(l.other)};
    var key = [r.subject, r.relation, r.object].join("\u0000");
    if (seen[key]) return;
    seen[key] = true;
    g.Emit(r);
  });
});
