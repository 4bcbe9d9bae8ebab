package perceptron

// Hash returns the 64-bit FNV-1a hash of s, the starting point of string
// valued features.
func Hash(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// Mix combines a feature hash with one more value. It is order-sensitive, so
// Mix(Mix(t, a), b) and Mix(Mix(t, b), a) are different features.
func Mix(h, v uint64) uint64 {
	h ^= v + 0x9e3779b97f4a7c15 + h<<6 + h>>2
	h *= 0xbf58476d1ce4e5b9
	return h ^ h>>31
}

// Feature builds the hash of template number tmpl with the given values.
func Feature(tmpl uint64, vals ...uint64) uint64 {
	h := Mix(0x2545f4914f6cdd1d, tmpl)
	for _, v := range vals {
		h = Mix(h, v)
	}
	return h
}
