package lsp

import (
	"fmt"

	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/rules"
)

// sourceName is the Diagnostic.source of everything the server reports.
const sourceName = "fzlint"

// item is one published diagnostic and, when its finding has a fix that
// applies to the editor buffer, the edit that makes it.
type item struct {
	diag  diagnostic
	fix   *textEdit
	title string // of the fix's code action
}

// findingItems converts findings to diagnostics. fixable tells whether the
// fixes' ranges are in the buffer (text and Markdown); a .docx has no text
// buffer and an HTML fix is written against the extracted text, not the page.
func findingItems(fs []checker.Finding, loc *locator, fixable bool) []item {
	items := make([]item, 0, len(fs))
	for _, f := range fs {
		it := item{diag: diagnostic{
			Range:    loc.lspRange(f.Range),
			Severity: severity(f.Severity),
			Code:     f.Rule,
			Source:   sourceName,
			Message:  message(f),
		}}
		if fixable && f.Fix != nil {
			it.fix = &textEdit{Range: loc.lspRange(f.Fix.Range), NewText: f.Fix.Text}
			it.title = fixTitle(f, loc.d.Text)
		}
		items = append(items, it)
	}
	return items
}

// fixTitle says what a fix does, as `fzlint check` suggests it.
func fixTitle(f checker.Finding, text string) string {
	if f.Fix.Text == "" {
		return fmt.Sprintf("删除“%s”（%s）", text[f.Fix.Range.Start.Offset:f.Fix.Range.End.Offset], f.Rule)
	}
	return fmt.Sprintf("改为“%s”（%s）", f.Fix.Text, f.Rule)
}

func severity(s rules.Severity) int {
	switch s {
	case rules.Error:
		return severityError
	case rules.Warning:
		return severityWarning
	}
	return severityInformation
}

// message is the finding's message and, as `fzlint check` prints it, the
// provision it enforces.
func message(f checker.Finding) string {
	if f.Source == "" {
		return f.Message
	}
	return f.Message + "\n依据：" + f.Source
}

// troubleItem is the single diagnostic, at the start of the buffer, of a
// document that could not be checked: an editor must never show such a
// document as clean.
func troubleItem(code string, sev int, msg string) item {
	return item{diag: diagnostic{Severity: sev, Code: code, Source: sourceName, Message: msg}}
}

func diagnostics(items []item) []diagnostic {
	ds := make([]diagnostic, len(items))
	for i, it := range items {
		ds[i] = it.diag
	}
	return ds
}
