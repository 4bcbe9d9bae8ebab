package carb

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// carbDir holds the CaRB dev split, outside the repository.
var carbDir = filepath.Join("..", "..", "..", "shared", "data", "carb")

func readFile[T any](t testing.TB, path string, read func(*os.File) (T, error)) T {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	v, err := read(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return v
}

// round3 rounds as numpy's round(x, 3), which the reference prints.
func round3(x float64) float64 { return math.RoundToEven(x*1000) / 1000 }

// TestCalibration scores the reference's calibration outputs and checks
// every figure against the table of the official scorer in the README.
func TestCalibration(t *testing.T) {
	goldPath := filepath.Join(carbDir, "gold-dev.tsv")
	if _, err := os.Stat(goldPath); err != nil {
		t.Skipf("CaRB dev split not found (%v): it is expected in ../shared/data/carb beside the repository", err)
	}
	gold := readFile(t, goldPath, func(f *os.File) (map[string][]Extraction, error) { return ReadGold(f) })
	tests := []struct {
		file                       string
		precision, recall, f1, auc float64
	}{
		{"openie5_dev.tsv", 0.526, 0.406, 0.458, 0.240},
		{"openie5_dev_top1.tsv", 0.681, 0.260, 0.376, 0.182},
		{"openie5_dev_flat.tsv", 0.525, 0.406, 0.458, 0.310},
		{"gold_dev_as_system.tsv", 0.990, 0.996, 0.993, 0.992},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			sys := readFile(t, filepath.Join(carbDir, "calibration", tt.file), func(f *os.File) ([]Extraction, error) { return ReadSystem(f) })
			got := Score(gold, sys)
			t.Logf("P %.6f R %.6f F1 %.6f AUC %.6f (threshold %v, %d points)", got.Precision, got.Recall, got.F1, got.AUC, got.Threshold, len(got.Curve))
			for _, f := range []struct {
				name      string
				got, want float64
			}{
				{"precision", got.Precision, tt.precision},
				{"recall", got.Recall, tt.recall},
				{"F1", got.F1, tt.f1},
				{"AUC", got.AUC, tt.auc},
			} {
				if round3(f.got) != f.want {
					t.Errorf("%s = %.6f, rounds to %.3f, want %.3f", f.name, f.got, round3(f.got), f.want)
				}
			}
		})
	}
}

// TestCalibrationRoundTrip writes a calibration file with WriteSystem and
// checks that what it reads back scores the same.
func TestCalibrationRoundTrip(t *testing.T) {
	goldPath := filepath.Join(carbDir, "gold-dev.tsv")
	if _, err := os.Stat(goldPath); err != nil {
		t.Skipf("CaRB dev split not found (%v): it is expected in ../shared/data/carb beside the repository", err)
	}
	gold := readFile(t, goldPath, func(f *os.File) (map[string][]Extraction, error) { return ReadGold(f) })
	sys := readFile(t, filepath.Join(carbDir, "calibration", "openie5_dev.tsv"), func(f *os.File) ([]Extraction, error) { return ReadSystem(f) })
	var buf bytes.Buffer
	if err := WriteSystem(&buf, sys); err != nil {
		t.Fatal(err)
	}
	again, err := ReadSystem(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(again, sys) {
		t.Error("openie5_dev.tsv reads back differently after WriteSystem")
	}
	if a, b := Score(gold, sys), Score(gold, again); !reflect.DeepEqual(a, b) {
		t.Errorf("scores differ after a round trip: %+v, %+v", a, b)
	}
}

func BenchmarkScore(b *testing.B) {
	goldPath := filepath.Join(carbDir, "gold-dev.tsv")
	if _, err := os.Stat(goldPath); err != nil {
		b.Skipf("CaRB dev split not found (%v): it is expected in ../shared/data/carb beside the repository", err)
	}
	gold := readFile(b, goldPath, func(f *os.File) (map[string][]Extraction, error) { return ReadGold(f) })
	sys := readFile(b, filepath.Join(carbDir, "calibration", "openie5_dev.tsv"), func(f *os.File) ([]Extraction, error) { return ReadSystem(f) })
	for b.Loop() {
		Score(gold, sys)
	}
}
