// Which quotes are about an entity: its name is in their words, or a fact they state involves it?
// Arguments: name (the entity's name, e.g. --arg name=Iran).
// Looks at the quotes of the articles that mention the entity. "text"
// means the quote's words contain the entity's name or one of its other
// names (as whole words); "fact" that a fact the quote states (ns:states)
// has the entity as subject or object.
var entities = named(need("name")).ToArray();
var words = [];
entities.forEach(function (id) {
  g.V(id).Out([schema("name"), schema("alternateName")]).ForEach(function (n) { words.push(plain(n.id)); });
});
var escape = function (s) { return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); };
var pattern = words.length === 0 ? null : new RegExp("(^|[^\\w])(" + words.map(escape).join("|") + ")($|[^\\w])");
named(need("name")).In(schema("mentions")).Unique().In(prov("wasDerivedFrom")).Has(rdf("type"), schema("Quotation")).ForEach(function (q) {
  var text = value(q.id, schema("text"));
  var how = [];
  if (pattern !== null && pattern.test(text)) how.push("text");
  var stated = g.V(q.id).Out(ng("states")).Out([rdf("subject"), rdf("object")]).ToArray();
  if (stated.some(function (s) { return entities.indexOf(s) >= 0; })) how.push("fact");
  if (how.length === 0) return;
  var speaker = g.V(q.id).Out(schema("creator")).ToValue();
  g.Emit({
    speaker: speaker === null ? value(q.id, ng("speakerName")) : label(speaker),
    text: text,
    mentions: how,
    sentence: value(q.id, ng("sentence"))
  });
});
