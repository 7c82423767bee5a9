package checker

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/fzlint/fzlint/checker/doc"
	"github.com/fzlint/fzlint/checker/golden"
	"github.com/fzlint/fzlint/rules"
	"gopkg.in/yaml.v3"
)

// Helpers shared by the tests of the text kinds (substitution, numbering,
// pairs, consistency, repetition, continuation).

var (
	structureOnce sync.Once
	structureSet  *rules.Set
	structureErr  error
)

// structureEngine is an engine with only the structure pack, whose debris
// vocabulary the outline needs; test rules are run with Only.
func structureEngine(t *testing.T) *Engine {
	t.Helper()
	structureOnce.Do(func() {
		structureSet, structureErr = rules.Load(rules.Options{Kinds: Kinds(), Config: &rules.Config{Packs: []string{"structure"}}})
	})
	if structureErr != nil {
		t.Fatal(structureErr)
	}
	e, err := New(structureSet)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// compileSpec compiles a rule of kind from the YAML of its kind-specific
// fields, as the pack loader would. The rule's message is message.
func compileSpec(kind, message, spec string) (*rules.Rule, error) {
	var n yaml.Node
	if err := yaml.Unmarshal([]byte(spec), &n); err != nil {
		return nil, err
	}
	node := &yaml.Node{Kind: yaml.MappingNode}
	if len(n.Content) > 0 {
		node = n.Content[0]
	}
	r := &rules.Rule{ID: "test/" + kind, Pack: "test", Name: kind, Kind: kind, Severity: rules.Warning,
		Message: message, Pos: rules.Pos{File: "test.yaml", Line: 1, Column: 1}, Spec: node}
	check, fixable, err := Kinds()[kind](r)
	if err != nil {
		return nil, err
	}
	r.Check, r.Fixable = check, fixable
	return r, nil
}

// runSpec runs a rule compiled from spec over text and renders each finding
// as `L:C-L:C "excerpt" message`, followed by ` fix L:C-L:C "text"` when it
// has a fix.
func runSpec(t *testing.T, kind, message, spec, text string) []string {
	t.Helper()
	r, err := compileSpec(kind, message, spec)
	if err != nil {
		t.Fatalf("compile: %v", err)
	}
	var out []string
	for _, f := range structureEngine(t).Only(r).Check(doc.New("t.txt", doc.FormatText, "utf-8", text)) {
		s := fmt.Sprintf("%s %q %s", rangeString(f.Range), f.Excerpt, f.Message)
		if f.Fix != nil {
			s += fmt.Sprintf(" fix %s %q", rangeString(f.Fix.Range), f.Fix.Text)
		}
		out = append(out, strings.TrimSpace(s))
	}
	return out
}

func rangeString(r doc.Range) string {
	return fmt.Sprintf("%d:%d-%d:%d", r.Start.Line, r.Start.Column, r.End.Line, r.End.Column)
}

// kindCase is one table-driven case of a kind's test.
type kindCase struct {
	name string
	spec string
	text string
	want []string
}

func runCases(t *testing.T, kind, message string, cases []kindCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := runSpec(t, kind, message, tc.spec, tc.text)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(tc.want, "\n\t"))
			}
		})
	}
}

// specErrorCase is a spec the kind must refuse, with part of the error.
type specErrorCase struct {
	name, spec, want string
}

func runSpecErrors(t *testing.T, kind string, cases []specErrorCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := compileSpec(kind, "m", tc.spec)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error = %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

// textPacks are the packs of the text kinds, whose findings the seed and
// fixture tests below pin.
var textPacks = []string{"gongwen", "typography", "hygiene", "terms"}

func inTextPacks(rule string) bool {
	for _, p := range textPacks {
		if strings.HasPrefix(rule, p+"/") {
			return true
		}
	}
	return false
}

// checkFile runs every embedded pack over the file at path.
func checkFile(t *testing.T, e *Engine, path string) []Finding {
	t.Helper()
	d, err := doc.Read(path, doc.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return e.Check(d)
}

// compareLines compares got with the lines of the file at path; -update
// rewrites the file instead.
func compareLines(t *testing.T, path string, got []string) {
	t.Helper()
	text := ""
	for _, line := range got {
		text += line + "\n"
	}
	golden.Compare(t, path, []byte(text))
}

// TestTextPacksSeedErrors pins every error-level finding of the text packs on
// the five seed reports, so that a new false positive fails
// (testdata/seeds-expected/NNN.errors: "rule line:col excerpt").
func TestTextPacksSeedErrors(t *testing.T) {
	paths := seeds(t)
	_, e := loadDefault(t)
	for _, path := range paths {
		name := strings.SplitN(filepath.Base(path), "_", 2)[0]
		t.Run(name, func(t *testing.T) {
			var got []string
			for _, f := range checkFile(t, e, path) {
				if f.Severity == rules.Error && inTextPacks(f.Rule) {
					got = append(got, fmt.Sprintf("%s %d:%d %s", f.Rule, f.Range.Start.Line, f.Range.Start.Column, f.Excerpt))
				}
			}
			compareLines(t, filepath.Join("../testdata/seeds-expected", name+".errors"), got)
		})
	}
}

// seedDefect is a defect requirements.md (section 5) lists for a seed: rule
// must report something on line (or, with absent, nothing).
type seedDefect struct {
	seed   string
	line   int
	rule   string
	absent bool
}

// seedDefects are the seed defects the text packs cover, and the places
// requirements.md names as negative tests.
var seedDefects = []seedDefect{
	{"000", 1, "typography/space-cjk-alnum", false}, // 关于 2021 年度
	{"000", 3, "typography/halfwidth-punct", false},
	{"000", 3, "typography/year-range-hyphen", false}, // (2021-2025年)
	{"000", 7, "typography/cjk-space", false},
	{"000", 13, "typography/cjk-space", false},
	{"000", 13, "typography/space-cjk-alnum", false}, // PPT 及
	{"000", 7, "typography/straight-quotes", false},
	{"000", 13, "typography/straight-quotes", false},
	{"000", 17, "typography/straight-quotes", false},
	{"000", 19, "typography/straight-quotes", false},
	{"000", 23, "typography/straight-quotes", false},
	{"000", 7, "hygiene/cut-paragraph", false}, // 7 → 9
	{"000", 17, "hygiene/cut-paragraph", false},
	{"000", 23, "hygiene/cut-paragraph", false},
	{"000", 23, "hygiene/repeated-clause", false},
	{"000", 23, "typography/enum-comma", false},
	{"000", 25, "typography/space-cjk-alnum", false},
	{"000", 27, "hygiene/relative-time", false},
	{"001", 1, "hygiene/mojibake", false}, // ? ?
	{"001", 2, "terms/plan-title-year", false},
	{"001", 2, "typography/halfwidth-punct", false},
	{"001", 5, "hygiene/mojibake", false}, // ?!
	{"001", 7, "gongwen/heading-end-punct", false},
	{"001", 10, "gongwen/docnum-bracket", true}, // 茂府辦函〔2020〕13號 is right
	{"001", 17, "terms/plan-title-year", false},
	{"001", 23, "hygiene/page-debris", false},
	{"001", 26, "hygiene/page-debris", false},
	{"001", 27, "hygiene/page-debris", false},
	{"001", 30, "hygiene/page-debris", false},
	{"002", 1, "typography/halfwidth-punct", false},
	{"002", 3, "typography/year-range-yi", false},
	{"002", 4, "gongwen/heading-end-punct", true}, // run-in headings end with 。
	{"002", 11, "gongwen/heading-end-punct", true},
	{"002", 6, "terms/typo", false},                    // 决策程度制度
	{"002", 6, "typography/cjk-space", true},           // 《推进“四化”联动 提升公开效能》
	{"002", 9, "terms/typo", false},                    // 行政机关人出庭
	{"002", 9, "gongwen/docnum-bracket", false},        // 保政发﹝2022﹞10号
	{"002", 11, "typography/enum-comma", false},        // “中国普法”、“以案说法”
	{"002", 16, "hygiene/citation-form", false},        // vs line 3
	{"002", 17, "hygiene/docnum-conflict", false},      // 云政发 vs 云政办发 (line 6)
	{"003", 1, "hygiene/page-debris", false},           // 选择语言
	{"003", 3, "hygiene/page-debris", false},           // 您当前所在位置
	{"003", 7, "hygiene/page-debris", false},           // 来源 发布时间 阅读次数
	{"003", 8, "hygiene/page-debris", false},           // 字体大小
	{"003", 10, "typography/halfwidth-punct", false},   //
	{"003", 10, "typography/lead-colon", false},        // 报告如下。
	{"003", 56, "hygiene/figures-disagree", false},     // 实际出庭204件 above 应当出庭应诉案件117件
	{"001", 2, "terms/gangyao-years", true},            // the province's 纲要 (2016-2020)
	{"001", 17, "terms/gangyao-years", true},           // (2015-2020): 年 missing, the range is right
	{"000", 31, "hygiene/title-signature-organ", true}, // the title's organ signs
	{"003", 16, "hygiene/marker-space", false},         // "1.\u00a0"
	{"003", 62, "hygiene/marker-space", false},         //
	{"003", 88, "gongwen/attachment-empty", false},     // 附件:
	{"003", 90, "hygiene/page-debris", false},          // 扫一扫在手机打开当前页
	{"003", 101, "hygiene/page-debris", false},         // 机构专页
	{"004", 1, "hygiene/advertising", false},           // 仅供学习 禁止外传 用后删除
	{"004", 2, "hygiene/page-debris", false},           // 酷乐文行
	{"004", 3, "hygiene/advertising", false},           // 【会员资料……】
	{"004", 4, "hygiene/placeholder", false},           // X市政府
	{"004", 6, "hygiene/advertising", false},           // QQ206157060
	{"004", 7, "typography/halfwidth-punct", false},    // (2015-2020年)
	{"004", 7, "typography/mixed-width", false},        //
	{"004", 7, "hygiene/trailing-space", false},        // NBSP
	{"004", 7, "hygiene/issuer-mismatch", false},       // 我厅 in a report titled X市政府
	{"004", 36, "hygiene/trailing-blank-lines", false}, // lines 36–42 are empty
	{"004", 8, "gongwen/heading-end-punct", false},     //
	{"004", 8, "hygiene/placeholder", false},           // XX
	{"004", 9, "hygiene/placeholder", false},           // X-XX月 XXX件
	{"004", 12, "hygiene/placeholder", false},          // 20XX
	{"004", 12, "hygiene/citation-form", false},        // vs line 7
	{"004", 13, "hygiene/placeholder", false},          // X月初
	{"004", 14, "gongwen/heading-end-punct", false},    //
	{"004", 24, "hygiene/placeholder", false},          // iXX
	{"004", 26, "hygiene/trailing-space", false},       //
	{"004", 28, "hygiene/advertising", false},          //
	{"004", 29, "hygiene/page-debris", false},          // 酷乐文行
	{"004", 33, "hygiene/advertising", false},          // 【打击倒卖活动】
	{"004", 35, "hygiene/advertising", false},          // 会员群 QQ群
}

// TestTextPacksSeedDefects: each seed defect is found at its line by the rule
// meant for it, and the negative cases stay silent.
func TestTextPacksSeedDefects(t *testing.T) {
	paths := seeds(t)
	_, e := loadDefault(t)
	found := map[string]bool{} // "seed line rule"
	for _, path := range paths {
		name := strings.SplitN(filepath.Base(path), "_", 2)[0]
		for _, f := range checkFile(t, e, path) {
			found[fmt.Sprintf("%s %d %s", name, f.Range.Start.Line, f.Rule)] = true
		}
	}
	for _, d := range seedDefects {
		if got := found[fmt.Sprintf("%s %d %s", d.seed, d.line, d.rule)]; got == d.absent {
			t.Errorf("seed %s line %d: %s fired = %v, want %v", d.seed, d.line, d.rule, got, !d.absent)
		}
	}
	for key := range found {
		if strings.Contains(key, "typography/unbalanced-pairs") {
			t.Errorf("every line of the seeds balances, yet: %s", key)
		}
	}
}

// TestTextPacksFixtures runs every pack over the hand-written reports in
// testdata/packs and compares the findings of the text packs, as
// "line:col rule", with NAME.expect.
func TestTextPacksFixtures(t *testing.T) {
	paths, _ := filepath.Glob("../testdata/packs/*.txt")
	if len(paths) == 0 {
		t.Fatal("no fixtures in ../testdata/packs")
	}
	_, e := loadDefault(t)
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			var got []string
			for _, f := range checkFile(t, e, path) {
				if inTextPacks(f.Rule) {
					got = append(got, fmt.Sprintf("%d:%d %s", f.Range.Start.Line, f.Range.Start.Column, f.Rule))
				}
			}
			compareLines(t, strings.TrimSuffix(path, ".txt")+".expect", got)
		})
	}
}

// TestTextPacksPatternsViewSafe: the pattern rules of the text packs that
// match the normalized view hold no literal the view never has (a full-width
// or traditional character), which would make that part of a rule dead.
func TestTextPacksPatternsViewSafe(t *testing.T) {
	set, _ := loadDefault(t)
	for _, r := range set.Rules {
		p, ok := r.Check.(*patternCheck)
		if !ok || !inTextPacks(r.ID) {
			continue
		}
		for _, list := range [][]rules.Regexp{p.Patterns, p.Unless} {
			for i := range list {
				if err := viewSafe(r, p.Match, &list[i]); err != nil {
					t.Errorf("%s: %v", r.ID, err)
				}
			}
		}
	}
}

// TestInvalidBytes: invalid bytes in a document's text are found by the
// rule for U+FFFD (regexp reads each as one), the document telling the scan
// that its text is not valid UTF-8.
func TestInvalidBytes(t *testing.T) {
	_, e := loadDefault(t)
	d := doc.New("bad.txt", doc.FormatText, "utf-8", "全面推进依法行政\xff\xfe工作。\n")
	var got []string
	for _, f := range e.Check(d) {
		if f.Rule == "hygiene/mojibake" {
			got = append(got, fmt.Sprintf("%d:%d-%d:%d", f.Range.Start.Line, f.Range.Start.Column, f.Range.End.Line, f.Range.End.Column))
		}
	}
	if want := []string{"1:9-1:11"}; !slices.Equal(got, want) {
		t.Errorf("mojibake findings %v, want %v", got, want)
	}
}
