// Which events are about an entity (have it as their topic)?
// Arguments: name (the entity's name, e.g. --arg name=Ukraine).
// One result per event whose schema:about is the entity: its name,
// participants, date, duration, all its topics, the sentence it was read
// from and the article's headline.
named(need("name")).In(schema("about")).Unique().ForEach(function (e) {
  g.Emit(event(e.id));
});
