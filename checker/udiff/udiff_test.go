package udiff

import (
	"bytes"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func diff(t *testing.T, before, after string) string {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, "r.txt", []byte(before), []byte(after)); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestWrite(t *testing.T) {
	before := "一\n二\n三\n四\n五\n六\n七\n八\n九\n十\n十一\n十二\n"
	after := strings.Replace(strings.Replace(before, "二\n", "贰\n", 1), "十一\n", "", 1)
	want := "--- a/r.txt\n+++ b/r.txt\n" +
		"@@ -1,5 +1,5 @@\n 一\n-二\n+贰\n 三\n 四\n 五\n" +
		"@@ -8,5 +8,4 @@\n 八\n 九\n 十\n-十一\n 十二\n"
	if got := diff(t, before, after); got != want {
		t.Errorf("diff =\n%s\nwant\n%s", got, want)
	}
}

func TestWriteEqualIsEmpty(t *testing.T) {
	if got := diff(t, "甲\n", "甲\n"); got != "" {
		t.Errorf("diff of equal contents = %q", got)
	}
}

func TestWriteNoNewlineAtEnd(t *testing.T) {
	want := "--- a/r.txt\n+++ b/r.txt\n@@ -1,2 +1,2 @@\n 甲\r\n-乙\r\n\\ No newline at end of file\n+丙\r\n\\ No newline at end of file\n"
	if got := diff(t, "甲\r\n乙\r", "甲\r\n丙\r"); got != want {
		t.Errorf("diff = %q\nwant %q", got, want)
	}
}

// TestWriteAppliesWithPatch: random edits of random files, each diff applied
// by the real patch(1), give the after bytes exactly.
func TestWriteAppliesWithPatch(t *testing.T) {
	patch, err := exec.LookPath("patch")
	if err != nil {
		t.Skip("patch 未安装，跳过：", err)
	}
	rng := rand.New(rand.NewSource(1))
	words := []string{"甲\n", "乙\n", "丙\r\n", "丁\r", "\n", "戊"}
	random := func(n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = words[rng.Intn(len(words))]
		}
		return out
	}
	for i := 0; i < 64; i++ {
		// The last files are large, with edits all through them: more than
		// Myers' bounds allow, so the greedy script is applied.
		size, edits := rng.Intn(40), rng.Intn(6)
		if i >= 60 {
			size, edits = 6000, 1500+rng.Intn(500)
		}
		a := random(size)
		b := append([]string(nil), a...)
		for e := edits; e >= 0; e-- {
			switch p := rng.Intn(len(b) + 1); {
			case rng.Intn(2) == 0 && p < len(b):
				b = append(b[:p], b[p+1:]...)
			default:
				b = append(b[:p], append(random(1+rng.Intn(3)), b[p:]...)...)
			}
		}
		before, after := strings.Join(a, ""), strings.Join(b, "")
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "r.txt"), []byte(before), 0o644); err != nil {
			t.Fatal(err)
		}
		d := diff(t, before, after)
		if _, ok := myers(ids(lines([]byte(before)), lines([]byte(after)))); i >= 60 && ok {
			t.Fatal("a large file with many edits was diffed by Myers, not greedy")
		}
		if before == after {
			continue
		}
		cmd := exec.Command(patch, "-p1", "-s", "--no-backup-if-mismatch")
		cmd.Dir, cmd.Stdin = dir, strings.NewReader(d)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("patch: %v %s\nold %q\nnew %q\ndiff:\n%s", err, out, before, after, d)
		}
		got, _ := os.ReadFile(filepath.Join(dir, "r.txt"))
		if string(got) != after {
			t.Fatalf("patched %q, want %q\ndiff:\n%s", got, after, d)
		}
	}
}

// TestGreedyResyncs: a changed line and an inserted one cost three lines of
// script, not the rest of the file.
func TestGreedyResyncs(t *testing.T) {
	ops := greedy([]int{1, 2, 3, 4, 5}, []int{1, 9, 3, 7, 4, 5})
	var got strings.Builder
	for _, o := range ops {
		got.WriteByte(o.kind)
	}
	if got.String() != " -+ +  " {
		t.Errorf("script %q", got.String())
	}
}
