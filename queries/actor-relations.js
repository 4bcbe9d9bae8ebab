// What did an actor do, and what was done to them? Arguments: name (the actor's name). One result per relation and direction.
var actor = named(need("name"));
actor.Out(relations(), "rel").ForEach(function (o) {
  g.Emit({direction: "out", relation: label(o.rel), other: label(o.id)});
});
named(need("name")).In(relations(), "rel").ForEach(function (o) {
  g.Emit({direction: "in", relation: label(o.rel), other: label(o.id)});
});
