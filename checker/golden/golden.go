// Package golden compares test output with golden files and rewrites them when
// the tests run with -update (go test ./... -update; review the diff before
// committing). Test packages share it so that the flag means one thing.
package golden

import (
	"bytes"
	"flag"
	"os"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files and generated fixtures")

// Updating tells whether the tests run with -update.
func Updating() bool { return *update }

// Compare checks got against the file at path, or writes it there with -update.
func Compare(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -update writes it; review it before committing)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test -update rewrites it)\n got:\n%s\nwant:\n%s", path, got, want)
	}
}
