package outline

import (
	"strings"
	"testing"

	"github.com/fzlint/fzlint/checker/doc"
	"github.com/fzlint/fzlint/checker/normalize"
)

// debrisPieces make lines of page debris and near misses.
var debrisPieces = []string{"首页", ">", "|", "打印", "关闭", "【", "】", "返回顶部", "第", "页", "共", "1", "12", "-", "—", " ",
	"发布时间", ":", "来源", "扫一扫", "ICP备", "QQ", "20231", "简体", "繁体", "/", "主办", "相关链接", "法治政府", "。"}

// TestDebrisTextSameAsPatterns: a line is debris by debrisText, which rules
// patterns out by the line's first rune and searches the others in its
// scan, exactly when one of the debris patterns matches it.
func TestDebrisTextSameAsPatterns(t *testing.T) {
	cfg := structureConfig(t)
	d := doc.New("report.txt", doc.FormatText, "UTF-8", "")
	b := newBuilder(d, normalize.New(d.Text), cfg)
	defer b.release()
	matched := 0
	for _, line := range sameInputs(t, 20000, debrisPieces) {
		s := strings.TrimSpace(line)
		want := false
		for _, re := range cfg.Debris {
			want = want || re.MatchString(s)
		}
		if got := b.debrisText(s); got != want {
			t.Errorf("debrisText(%q) = %v, the patterns say %v", s, got, want)
		}
		if want {
			matched++
		}
	}
	if matched < 100 {
		t.Errorf("only %d lines are debris: too few to compare", matched)
	}
}
