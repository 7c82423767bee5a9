//go:build unix

package rules_test

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/fzlint/fzlint/rules"
)

// TestHostileConfigAndPackFiles: a config or pack file that is a FIFO, a
// device that never ends or a directory is a clear error, never a hang or
// memory growth.
func TestHostileConfigAndPackFiles(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero on this system")
	}
	kinds := []struct {
		name string
		make func(t *testing.T, path string)
		want string
	}{
		{"fifo", func(t *testing.T, path string) {
			if err := syscall.Mkfifo(path, 0o644); err != nil {
				t.Fatal(err)
			}
		}, "不是普通文件（命名管道），不读取"},
		{"dev-zero", func(t *testing.T, path string) {
			if err := os.Symlink("/dev/zero", path); err != nil {
				t.Fatal(err)
			}
		}, "不是普通文件（设备），不读取"},
		{"directory", func(t *testing.T, path string) {
			if err := os.Mkdir(path, 0o755); err != nil {
				t.Fatal(err)
			}
		}, "是目录，不是文件"},
		{"too-large", func(t *testing.T, path string) {
			write(t, path, "# "+strings.Repeat("很", rules.MaxPackSize/3)+"\n")
		}, "超过上限"},
	}
	for _, k := range kinds {
		t.Run("config-"+k.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, ".fzlint.yaml")
			k.make(t, path)
			if got := rules.FindConfig(dir); got != path {
				t.Fatalf("FindConfig = %q, want %q: a config the user cannot use must be reported, not passed over", got, path)
			}
			msg := within(t, func() string { _, m := loadConfig(t, dir, path); return m })
			if !strings.HasPrefix(msg, ".fzlint.yaml: 无法读取配置文件：") || !strings.Contains(msg, k.want) {
				t.Errorf("error = %q, want .fzlint.yaml: 无法读取配置文件：…%s", msg, k.want)
			}
		})
		t.Run("pack-"+k.name, func(t *testing.T) {
			dir := t.TempDir()
			k.make(t, filepath.Join(dir, "local.yaml"))
			path := filepath.Join(dir, ".fzlint.yaml")
			write(t, path, "packs: [local]\npack-dirs: [.]\n")
			msg := within(t, func() string { _, m := loadConfig(t, dir, path); return m })
			if !strings.HasPrefix(msg, "local.yaml: 无法读取规则包：") || !strings.Contains(msg, k.want) {
				t.Errorf("error = %q, want local.yaml: 无法读取规则包：…%s", msg, k.want)
			}
		})
	}
}

// within runs f and fails the test if it takes more than ten seconds: a read
// that blocks on a FIFO would otherwise hang the suite.
func within(t *testing.T, f func() string) string {
	t.Helper()
	done := make(chan string, 1)
	go func() { done <- f() }()
	select {
	case msg := <-done:
		return msg
	case <-time.After(10 * time.Second):
		t.Fatal("still reading after 10 s")
		return ""
	}
}

// TestPackDirThatIsAFIFO: a pack-dirs entry that is a FIFO is an error, and
// listing the packs it holds (for "did you mean") does not open it.
func TestPackDirThatIsAFIFO(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo"), 0o644); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, ".fzlint.yaml")
	write(t, path, "packs: [nosuch]\npack-dirs: [fifo]\n")
	msg := within(t, func() string { _, m := loadConfig(t, dir, path); return m })
	want := ".fzlint.yaml:2:13: pack-dirs 中的 fifo 不是目录\n.fzlint.yaml:1:9: 找不到规则包 \"nosuch\"（内置：fzzf、gongwen、hygiene、structure、terms、typography；并在 pack-dirs 中查找过）"
	if msg != want {
		t.Errorf("error:\n%s\nwant:\n%s", msg, want)
	}
}
