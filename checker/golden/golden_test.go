package golden

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestCompareFailsOnDifference runs Compare on differing content in a child
// test process and expects that child to fail with the file's name.
func TestCompareFailsOnDifference(t *testing.T) {
	if path := os.Getenv("GOLDEN_CHILD"); path != "" {
		Compare(t, path, []byte("乙\n"))
		return
	}
	if Updating() {
		t.Skip("with -update Compare writes instead of comparing")
	}
	path := filepath.Join(t.TempDir(), "g.txt")
	if err := os.WriteFile(path, []byte("甲\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	Compare(t, path, []byte("甲\n")) // the same content passes
	cmd := exec.Command(os.Args[0], "-test.run=^TestCompareFailsOnDifference$")
	cmd.Env = append(os.Environ(), "GOLDEN_CHILD="+path)
	out, err := cmd.CombinedOutput()
	if err == nil || !strings.Contains(string(out), "differs from the golden file") {
		t.Errorf("Compare accepted differing content (err %v):\n%s", err, out)
	}
}
