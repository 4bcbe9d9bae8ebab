// Which actors are mentioned in the same articles as a given one, and in how many?
// Arguments: name (the actor's name, e.g. --arg name="Benjamin Netanyahu").
// One result per other actor, the most often co-mentioned first (ties by
// name).
var counts = {};
var self = named(need("name")).ToArray();
named(need("name")).In(schema("mentions")).Unique().ForEach(function (a) {
  g.V(a.id).Out(schema("mentions")).Unique().ForEach(function (e) {
    if (self.indexOf(e.id) < 0) {
      var n = label(e.id);
      counts[n] = (counts[n] || 0) + 1;
    }
  });
});
Object.keys(counts).sort(function (a, b) { return counts[b] - counts[a] || (a < b ? -1 : 1); }).forEach(function (n) {
  g.Emit({actor: n, articles: counts[n]});
});
