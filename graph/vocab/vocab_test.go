package vocab

import "testing"

func TestSlug(t *testing.T) {
	tests := []struct {
		name string
		sep  rune
		want string
	}{
		{"Vladimir Putin", '-', "vladimir-putin"},
		{"U.S.", '-', "us"},
		{"US", '-', "us"},
		{"Recep Tayyip Erdoğan", '-', "recep-tayyip-erdoğan"},
		{"  O'Neill -- Jr. ", '-', "oneill-jr"},
		{"mediate between", '_', "mediate_between"},
		{"!!!", '-', "_"},
		{"", '-', "_"},
	}
	for _, tt := range tests {
		if got := Slug(tt.name, tt.sep); got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestIRIs(t *testing.T) {
	v := New("http://news.example/kg") // no trailing slash: one is added
	if got := v.Entity("Donald Trump"); got != "http://news.example/kg/entity/donald-trump" {
		t.Errorf("Entity = %s", got)
	}
	if got := v.Relation("mediate_between"); got != "http://news.example/kg/rel/mediate_between" {
		t.Errorf("Relation = %s", got)
	}
	if got := v.Term("confidence"); got != "http://news.example/kg/ns#confidence" {
		t.Errorf("Term = %s", got)
	}
	a, b := v.Article("https://a.example/x"), v.Article("https://a.example/y")
	if a == b || a != v.Article("https://a.example/x") {
		t.Errorf("Article IRIs must be stable and distinct: %s %s", a, b)
	}
	if got := Part(a, "s", 12); got != a+"#s12" {
		t.Errorf("Part = %s", got)
	}
	if New("").Base() != DefaultBase {
		t.Errorf("empty base must be the default")
	}
}
