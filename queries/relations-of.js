// What did each person do, and to whom? Every relation whose subject is a person, with its object.
g.V().Has(rdf("type"), schema("Person")).Tag("subject").Out(relations(), "relation").Tag("object").All();
