package openie_test

import (
	"bufio"
	"context"
	"os"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/carb"
	"github.com/newsgraph/newsgraph/extract/openie"
	"github.com/newsgraph/newsgraph/extract/pipeline"
)

const carbDir = "../../../shared/data/carb/"

// TestCaRBDev scores the Open IE output on CaRB dev with our scorer and
// holds it to the floor: F1 ≥ 0.45 and AUC ≥ 0.25.
func TestCaRBDev(t *testing.T) {
	gf, err := os.Open(carbDir + "gold-dev.tsv")
	if err != nil {
		t.Skipf("CaRB dev not available (%v): it lives in ../shared/data/carb", err)
	}
	defer gf.Close()
	gold, err := carb.ReadGold(gf)
	if err != nil {
		t.Fatal(err)
	}
	sf, err := os.Open(carbDir + "dev.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer sf.Close()
	m, err := pipeline.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	sc := bufio.NewScanner(sf)
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" {
			lines = append(lines, l)
		}
	}
	sys, err := openie.Sentences(context.Background(), m.Analysis(), lines)
	if err != nil {
		t.Fatal(err)
	}
	r := carb.Score(gold, sys)
	t.Logf("CaRB dev: P %.3f R %.3f F1 %.3f AUC %.3f (%d extractions)", r.Precision, r.Recall, r.F1, r.AUC, len(sys))
	if r.F1 < 0.45 || r.AUC < 0.25 {
		t.Errorf("CaRB dev F1 %.3f AUC %.3f, want at least 0.45 and 0.25", r.F1, r.AUC)
	}
}
