package match

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkAllIn runs patterns without literals, or with common ones, or
// that regexp would try at many places (docnum-conflict), over the lines of
// the seeds (of the repository's reports when the seeds are absent), as a
// rule runs its patterns on a scanned document's lines; a pattern anchored
// at the end of the text (trailing-blank-lines) over the whole reports.
func BenchmarkAllIn(b *testing.B) {
	paths, _ := filepath.Glob("../../../shared/seeds/*.txt")
	if len(paths) == 0 {
		paths, _ = filepath.Glob("../../testdata/reports/*.txt")
	}
	var lines, reports []string
	size := 0
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		lines = append(lines, strings.Split(string(data), "\n")...)
		reports = append(reports, string(data))
		size += len(data)
	}
	for _, c := range []struct {
		name, expr string
		whole      bool // over the whole reports, not their lines
	}{
		{"mixed-width-alnum", `(?P<key>)(?P<value>[0-9０-９]+(?:[.．][0-9０-９]+)?[%％]?|[A-Za-zＡ-Ｚａ-ｚ]+)`, false},
		{"counts-run-together", `\d(?:余|多)?(?:件|项|次|个|人次|人|起|宗|条|份|家|场|期|篇)(?P<at>\p{Han}{2,4}\d+(?:\.\d+)?(?:余|多)?(?:件|项|次|个|人次|人|起|宗|条|份|家|场|期|篇))`, false},
		{"private-use", `[\x{E000}-\x{F8FF}]+`, false},
		{"question-mark", `\p{Han}(?P<at>\?[!?]*)[\p{Han}“"]`, false},
		{"docnum-conflict", `《(?:[^《》]*关于)?(?P<key>[^《》]{4,60})》\s*\(?\s*(?P<value>\p{Han}{1,10}[〔﹝\[【(](?:19|20)\d{2}[〕﹞\]】)]第?\d+号)`, false},
		{"nav-line", `^(选择语言|字体大小|字号|打印|关闭|打印本页|关闭窗口|分享到|无障碍|手机版|微信|智能问答|机构专页|网站地图|联系我们|附件)\s*[::]?\s*$`, false},
		{"shortcoming-line", `^(?:\(?[一二三四五六七八九十\d]{1,2}[)、.]|[一二三四五六七八九十]是)?(?:但|也|还|仍|工作中)?\p{Han}{0,8}?(?:有待(?:进一步)?(?:加强|提高|提升|完善|改进|加大|强化)|(?:仍|还|尚|也)?(?:有|存在)(?:一定|较大|不小|一些)?的?(?:差距|不足|短板|薄弱环节)|(?:还|仍|尚)?不够(?:到位|深入|完善|健全|全面|有力|高|好|强)?|(?:仍|还)需(?:进一步)?(?:加强|提高|提升|完善|改进))$`, false},
		{"plans-cue", `(下一年度|下一步|下步|下一阶段|下阶段|今后|明年|来年|新的一年|新一年)[^。]{0,16}(打算|计划|安排|思路|举措|措施|重点|设想|目标|展望|方向)`, false},
		{"signature-line", `^\s*\S{2,30}(委|政府|办公室|办公厅|局|厅|室|院)\s+\S{2,30}(委|政府|办公室|办公厅|局|厅|室|院)\s*$`, false},
		{"shortcoming-cue", `(还|仍|也|仍然|依然)(存在|有)[^。;]{0,60}(问题|不足|短板|差距|薄弱|弱项)`, false},
		{"trailing-blank-lines", `\n(?P<at>(?:[ \t\x{3000}\x{a0}]*\n)+[ \t\x{3000}\x{a0}]*)\z`, true},
	} {
		b.Run(c.name, func(b *testing.B) {
			p := MustCompile(c.expr)
			d := NewDictionary([]*Pattern{p})
			var texts []*Text
			pieces := lines
			if c.whole {
				pieces = reports
			}
			for _, l := range pieces {
				texts = append(texts, d.Scan(l))
			}
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for b.Loop() {
				for _, t := range texts {
					for range p.AllIn(t) {
					}
				}
			}
		})
	}
}
