package checker

import "testing"

func TestLeftOut(t *testing.T) {
	for _, c := range []struct {
		short, long string
		want        bool
	}{
		{"青山县政府", "青山县人民政府", true},
		{"市府办", "市人民政府办公室", true},
		{"县司法局", "青山县司法局", true},
		{"青山县", "青山县人民政府", true},
		{"青山县财政局", "青山县司法局", false},
		{"司法局青山县", "青山县司法局", false},
		{"", "青山县司法局", true},
	} {
		if got := leftOut(c.short, c.long); got != c.want {
			t.Errorf("leftOut(%q, %q) = %v, want %v", c.short, c.long, got, c.want)
		}
	}
}
