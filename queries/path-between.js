// What is the shortest chain of relations linking two actors?
// Arguments: from, to (the actors' names), hops (the longest chain to look for, default 3).
// A breadth-first search from the actor "from", over the relations between
// nodes in both directions (Putin -tell-> Trump is also a step from Trump
// to Putin) and over events' participants and topics, up to hops steps;
// literal values ("the situation") are not stepped through. One result per
// step of the first shortest chain found: direction "out" when the fact
// reads from -relation-> to, "in" when it reads to -relation-> from.
// Nothing when no chain of at most hops steps exists.
var hops = Number(opt("hops", "3"));
if (!(hops >= 1 && hops === Math.floor(hops))) throw new Error("--arg hops wants a whole number of at least 1, got " + opt("hops", ""));
var eventLinks = [schema("participant"), schema("about")];
var relName = function (p) { return isRelation(p) ? label(p) : p.replace(/^<.*[\/#]([^\/#>]*)>$/, "$1"); };
// around lists the steps that lead from node id to other nodes, in a
// fixed order so that the chain found does not depend on the store.
var around = function (id) {
  var out = links(id);
  eventLinks.forEach(function (p) {
    g.V(id).Out(p).Unique().ForEach(function (o) { out.push({direction: "out", relation: p, other: o.id}); });
    g.V(id).In(p).Unique().ForEach(function (o) { out.push({direction: "in", relation: p, other: o.id}); });
  });
  out = out.filter(function (s) { return isNode(s.other); });
  out.forEach(function (s) { s.key = [relName(s.relation), s.direction, label(s.other), s.other].join("\u0000"); });
  return out.sort(function (a, b) { return a.key < b.key ? -1 : a.key > b.key ? 1 : 0; });
};
var goal = {};
named(need("to")).ForEach(function (n) { goal[n.id] = true; });
var via = {}; // node -> {from, step}: how the search first reached it
var frontier = named(need("from")).ToArray().sort();
frontier.forEach(function (n) { via[n] = null; });
var found = null;
for (var depth = 0; found === null && depth < hops && frontier.length > 0; depth++) {
  var next = [];
  for (var i = 0; found === null && i < frontier.length; i++) {
    var steps = around(frontier[i]);
    for (var j = 0; j < steps.length; j++) {
      var s = steps[j];
      if (s.other in via) continue;
      via[s.other] = {from: frontier[i], step: s};
      if (goal[s.other]) { found = s.other; break; }
      next.push(s.other);
    }
  }
  frontier = next;
}
var chain = [];
for (var n = found; n !== null && via[n] !== null; n = via[n].from) chain.unshift(via[n]);
chain.forEach(function (v, k) {
  g.Emit({step: k + 1, from: label(v.from), direction: v.step.direction, relation: relName(v.step.relation), to: label(v.step.other)});
});
