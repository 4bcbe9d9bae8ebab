// Which actors are mentioned in the same articles as a given one, and in how many?
// Arguments: name (the actor's name, e.g. --arg name="Benjamin Netanyahu").
// One result per other actor, the most often co-mentioned first (ties by
// name).
var counts = Object.create(null); // a name may be "constructor"
var self = named(need("name")).ToArray();
// One traversal from the actor to the articles and on to what they
// mention, rather than a sub-query per article (with them, and a slower
// label, the query took 33 s for an actor of 148 articles on a 10M-quad
// store), counting each article and other actor once.
var seen = {};
named(need("name")).In(schema("mentions")).Unique().Tag("article").Out(schema("mentions")).ForEach(function (r) {
  var key = r.article + " " + r.id;
  if (self.indexOf(r.id) >= 0 || seen[key]) return;
  seen[key] = true;
  var n = label(r.id);
  counts[n] = (counts[n] || 0) + 1;
});
Object.keys(counts).sort(function (a, b) { return counts[b] - counts[a] || (a < b ? -1 : 1); }).forEach(function (n) {
  g.Emit({actor: n, articles: counts[n]});
});
