package main

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestGoVersionAgrees: go.mod asks for a .0 release, so that any toolchain
// of that minor version builds offline without downloading another, and the
// README asks for the same.
func TestGoVersionAgrees(t *testing.T) {
	mod, err := os.ReadFile("../../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^go (\d+\.\d+)(\.\d+)?$`).FindSubmatch(mod)
	if m == nil {
		t.Fatal("go.mod has no go line")
	}
	if string(m[2]) != ".0" {
		t.Errorf("go.mod says go %s%s: a toolchain older than that patch release would download one; ask for %s.0", m[1], m[2], m[1])
	}
	if regexp.MustCompile(`(?m)^toolchain `).Match(mod) {
		t.Error("go.mod has a toolchain line: an older toolchain would download that one")
	}
	readme, err := os.ReadFile(readmePath)
	if err != nil {
		t.Fatal(err)
	}
	if want := "装好 Go（" + string(m[1]) + ".0 或更高"; !strings.Contains(string(readme), want) {
		t.Errorf("README does not say %q", want)
	}
}
