package perceptron

import (
	"fmt"
	"slices"
)

// Sum returns the model whose scores are the sums of the scores of
// models, which must share their classes: since a model is linear, an
// ensemble of models that votes by adding scores is a model itself, and
// costs no more to run than one. The result keeps the first model's
// quantum.
func Sum(models ...*Model) (*Model, error) {
	if len(models) == 0 {
		return nil, fmt.Errorf("perceptron: sum of no models")
	}
	classes := models[0].classes
	rows := map[uint64][]float64{}
	for i, m := range models {
		if !slices.Equal(m.classes, classes) {
			return nil, fmt.Errorf("perceptron: model %d has other classes than model 0", i)
		}
		for _, sl := range m.slots {
			if sl.key == 0 {
				continue
			}
			row := rows[sl.key]
			if row == nil {
				row = make([]float64, len(classes))
				rows[sl.key] = row
			}
			for _, e := range m.entries[sl.start:sl.end] {
				row[e.class] += float64(e.w)
			}
		}
	}
	keys := make([]uint64, 0, len(rows))
	for k := range rows {
		keys = append(keys, k)
	}
	slices.Sort(keys) // map order is random; compiled models must not be
	b := newBuilder(classes, models[0].quantum)
	var ws []Weight
	for _, k := range keys {
		ws = ws[:0]
		for c, w := range rows[k] {
			if w != 0 {
				ws = append(ws, Weight{Class: c, W: w})
			}
		}
		b.add(k, ws)
	}
	return b.build(), nil
}
