// What did an actor do, and what was done to them?
// Arguments: name (the actor's name, e.g. --arg name="Vladimir Putin").
// One result per direction and relation: "out" for what the actor did
// (Putin -offer_to_mediate_between-> Israel, Iran), "in" for what was done
// to them, with the other actors (or the literal objects) sorted.
var groups = {};
named(need("name")).ForEach(function (a) {
  links(a.id).forEach(function (l) {
    var key = l.direction + " " + label(l.relation);
    groups[key] = groups[key] || {direction: l.direction, relation: label(l.relation), others: {}};
    groups[key].others[label(l.other)] = true;
  });
});
Object.keys(groups).sort().forEach(function (k) {
  var grp = groups[k];
  g.Emit({direction: grp.direction, relation: grp.relation, others: Object.keys(grp.others).sort()});
});
