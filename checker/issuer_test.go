package checker

import "testing"

func TestWithoutNotes(t *testing.T) {
	for in, want := range map[string]string{
		"青山县司法局(盖章)":           "青山县司法局 ",
		"青山县人民政府 (盖章)":         "青山县人民政府  ",
		"中共青山县委(印) 青山县人民政府(印)": "中共青山县委  青山县人民政府 ",
		"青山县司法局":               "青山县司法局",
		"青山县司法局(盖章":            "青山县司法局(盖章",
	} {
		if got := withoutNotes(in); got != want {
			t.Errorf("withoutNotes(%q) = %q, want %q", in, got, want)
		}
	}
}
