package suppress

import (
	"slices"
	"strings"

	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/rules"
)

// Apply moves the findings of r that the document's suppression comments
// accept into r.Suppressed, with the comment's reason, and adds a finding for
// each comment that names no rule, gives no reason or suppresses nothing.
// The findings stay in document order.
func Apply(r *checker.FileResult) {
	if r.Doc == nil || len(r.Doc.Comments) == 0 {
		return
	}
	dirs := directives(r.Doc)
	if len(dirs) == 0 {
		return
	}
	kept := r.Findings[:0:0]
	for _, f := range r.Findings {
		if dir := covering(dirs, f); dir != nil {
			dir.used[f.Rule] = true
			r.Suppressed = append(r.Suppressed, checker.Suppressed{Finding: f, InSource: true, Justification: dir.reason})
			continue
		}
		kept = append(kept, f)
	}
	for i := range dirs {
		kept = append(kept, dirs[i].problems(r.Doc)...)
	}
	slices.SortStableFunc(kept, func(a, b checker.Finding) int { // as the engine sorts
		if a.Range.Start.Offset != b.Range.Start.Offset {
			return a.Range.Start.Offset - b.Range.Start.Offset
		}
		return strings.Compare(a.Rule, b.Rule)
	})
	r.Findings = kept
}

// covering returns the first directive that suppresses f, nil if none does.
func covering(dirs []directive, f checker.Finding) *directive {
	if f.Rule == UnusedRule || f.Rule == NoReasonRule {
		return nil
	}
	for i := range dirs {
		if dirs[i].covers(f) {
			return &dirs[i]
		}
	}
	return nil
}

// Rules describes the rules of the findings about suppressions, for the
// printers that list every rule a run can report (SARIF's tool.driver.rules).
func Rules() []rules.Rule {
	return []rules.Rule{
		{ID: UnusedRule, Pack: "fzlint", Name: "unused-suppression", Kind: "suppression", Severity: rules.Warning,
			Message:     "抑制注释、批注或配置的 ignore 项没有抑制任何问题",
			Description: "fzlint-disable 注释、Word 批注或 .fzlint.yaml 的 ignore 项所指的问题已不存在（或规则名写错）。删除它，过时的抑制才不会越积越多。"},
		{ID: NoReasonRule, Pack: "fzlint", Name: "suppression-without-reason", Kind: "suppression", Severity: rules.Warning,
			Message:     "抑制注释或批注没有写明理由",
			Description: "抑制须写明理由：在规则编号后写“-- 理由”，如 <!-- fzlint-disable-next-line terms/typo -- 引用文件原文 -->。没有理由的抑制仍然生效。"},
	}
}
