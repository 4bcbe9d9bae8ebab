// Which roles and titles do people hold?
g.V().Has(rdf("type"), schema("Person")).Tag("person").Out(rel("role")).Tag("role").All();
