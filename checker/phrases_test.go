package checker

import "testing"

func TestOneOff(t *testing.T) {
	want := []rune("谁执法谁普法")
	for _, c := range []struct {
		text, window string
		ok           bool
	}{
		{"谁执法谁谱法责任制", "谁执法谁谱法", true},
		{"谁执法谁普法责任制", "", false}, // written right
		{"谁执法谁谱发责任制", "", false}, // two characters off
		{"谁执法谁1法", "", false},    // a digit is no misspelling
		{"谁执法谁", "", false},      // too short
	} {
		w, ok := oneOff(c.text, want)
		if ok != c.ok || ok && w != c.window {
			t.Errorf("oneOff(%q) = %q, %v; want %q, %v", c.text, w, ok, c.window, c.ok)
		}
	}
}
