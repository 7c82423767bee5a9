package checker

import (
	"slices"
	"strings"
	"testing"

	"github.com/fzlint/fzlint/checker/normalize"
)

func TestRepetition(t *testing.T) {
	runCases(t, "repetition", "line={other-line}", []kindCase{
		{
			name: "adjacent: a clause repeated; the fix deletes the repeat and its mark",
			spec: `check: adjacent`,
			text: "如，财经贸易处以《外商投资法》等为学习重点，财经贸易处以《外商投资法》等为学习重点，秘书处以《个人所得税法》为学习重点。",
			want: []string{`1:23-1:42 "财经贸易处以《外商投资法》等为学习重点" line=1 fix 1:22-1:42 ""`},
		},
		{
			name: "adjacent: a run of two clauses, spaces ignored, short clauses left alone",
			spec: `{check: adjacent, min: 8}`,
			text: "一是加强学习，提高法治意识。一是加强学习， 提高法治意识。好，好。",
			want: []string{`1:15-1:29 "一是加强学习， 提高法治意识" line=1 fix 1:14-1:29 ""`},
		},
		{
			name: "document: a sentence seen before, not an adjacent copy",
			spec: `{check: document, min: 10}`,
			text: "全面推进政务公开，全年发布信息120条。加强执法监督。\n加强执法监督，开展检查46次。全面推进政务公开，全年发布信息120条。\n重复重复重复重复重复重复。重复重复重复重复重复重复。",
			want: []string{`2:16-2:35 "全面推进政务公开，全年发布信息120条" line=1`},
		},
	})
}

func TestRepetitionSpecErrors(t *testing.T) {
	runSpecErrors(t, "repetition", []specErrorCase{
		{"no check", `min: 10`, "check 应为"},
		{"bad min", `{check: adjacent, min: 0}`, "min 应为正整数"},
	})
}

func TestCutLine(t *testing.T) {
	type cut struct {
		pieces []piece
		keys   []string
	}
	for _, c := range []struct {
		text               string
		clauses, sentences cut
	}{
		{"", cut{}, cut{}},
		// a clause mark is text to a sentence
		{" ,。", cut{}, cut{[]piece{{start: 1, bodyEnd: 2, end: 5}}, []string{","}}},
		{"甲乙,丙 丁。 a1", cut{[]piece{
			{start: 0, bodyEnd: 6, end: 7, han: 2},
			{start: 7, bodyEnd: 14, end: 17, han: 2, spaced: true},
			{start: 18, bodyEnd: 20, end: 20},
		}, []string{"甲乙", "丙丁", "a1"}}, cut{[]piece{
			{start: 0, bodyEnd: 14, end: 17, han: 4, spaced: true},
			{start: 18, bodyEnd: 20, end: 20},
		}, []string{"甲乙,丙丁", "a1"}}},
		{"\u3000一是加强学习 ,\t",
			cut{[]piece{{start: 3, bodyEnd: 22, end: 23, han: 6, spaced: true}}, []string{"一是加强学习"}},
			cut{[]piece{{start: 3, bodyEnd: 23, end: 24, han: 6, spaced: true}}, []string{"一是加强学习,"}}},
		// an ideograph's lead byte without its continuation bytes, at the
		// end, as the view (whose lines cutLine cuts) gives it: U+FFFD
		{normalize.New("甲乙\xe5\xa5").Text, cut{[]piece{{start: 0, bodyEnd: 12, end: 12, han: 2}}, []string{"甲乙\ufffd\ufffd"}},
			cut{[]piece{{start: 0, bodyEnd: 12, end: 12, han: 2}}, []string{"甲乙\ufffd\ufffd"}}},
		// ䷀ (U+4DC0, lead byte E4 like 丁) is not Han; 㐀 (U+3400) is
		{"䷀㐀丁", cut{[]piece{{start: 0, bodyEnd: 9, end: 9, han: 2}}, []string{"䷀㐀丁"}},
			cut{[]piece{{start: 0, bodyEnd: 9, end: 9, han: 2}}, []string{"䷀㐀丁"}}},
	} {
		clauses, sentences := cutLine(c.text, nil, nil)
		for _, side := range []struct {
			name string
			got  []piece
			want cut
		}{{"clauses", clauses, c.clauses}, {"sentences", sentences, c.sentences}} {
			if !slices.Equal(side.got, side.want.pieces) {
				t.Errorf("cutLine(%q) %s = %+v, want %+v", c.text, side.name, side.got, side.want.pieces)
				continue
			}
			var keys strings.Builder
			for i, p := range side.got {
				if k := p.key(c.text, &keys); k != side.want.keys[i] {
					t.Errorf("cutLine(%q) %s[%d].key = %q, want %q", c.text, side.name, i, k, side.want.keys[i])
				}
			}
		}
	}
}
