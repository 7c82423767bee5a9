package output

import (
	"bytes"
	"cmp"
	"io"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/checker/doc"
)

// snippetByParts is the snippet as it was written before lines were
// measured once for all their findings and windows counted as cut: each
// part measured on its own, the caret measuring what it underlines.
func snippetByParts(d *doc.Document, rg doc.Range, sev style) []byte {
	start := clamp(rg.Start.Offset, 0, len(d.Text))
	l := d.Lines[d.LineAt(start)-1]
	line := d.Text[l.Start:l.End]
	s := clamp(start-l.Start, 0, len(line))
	e := clamp(rg.End.Offset-l.Start, s, len(line))
	before, span, after := line[:s], line[s:e], line[e:]
	lead, trail := "", ""
	if wider(line, maxLine) {
		if wider(before, maxBefore) {
			before, lead = tail(before, maxBefore-1), "…"
		}
		if wider(span, maxSpan) {
			span, after, trail = head(span, maxSpan), "", "…"
		} else if wider(after, maxAfter) {
			after, trail = head(after, maxAfter-1), "…"
		}
	}
	b := []byte(indent)
	for _, part := range [...]string{lead, before, span, after, trail} {
		b = append(b, part...)
	}
	b = append(b, "\n"+indent...)
	b = append(b, sev.on...)
	if lead != "" {
		b = append(b, ' ')
	}
	b = appendCaret(b, before, span, -1, -1)
	b = append(b, sev.off...)
	return append(b, '\n')
}

// TestSnippetByParts: the snippets of the seeds' findings, the fixture's and
// random ranges in random documents (wide and narrow lines, tabs, broken
// UTF-8, ranges that split characters or span lines, in order and not) are
// what measuring each part on its own gives, one printer showing them all
// in turn as File does.
func TestSnippetByParts(t *testing.T) {
	var results []checker.FileResult
	results = append(results, checkedSeeds(t)...)
	results = append(results, fixture(t)...)
	results = append(results, randomSnippets(t)...)
	p := NewText(io.Discard, Options{})
	for _, r := range results { // the line cache kept from one document to the next
		for _, f := range r.Findings {
			got := p.appendSnippet(nil, r.Doc, f.Range, style{"<", ">"})
			if want := snippetByParts(r.Doc, f.Range, style{"<", ">"}); !bytes.Equal(got, want) {
				t.Fatalf("%s %+v:\n got %q\nwant %q", r.Path, f.Range, got, want)
			}
		}
	}
}

// randomSnippets are documents of random lines, narrow and wide, each with
// findings at random ranges.
func randomSnippets(t *testing.T) []checker.FileResult {
	pieces := []string{"a", " ", "\t", "中", "，", "“", "…", "\u200b", "\u0301", "😀", "\xff", "\xe4\xb8", "Ａ", "\ufffd", "\xe0\x80\x80"}
	breaks := []string{"\n", "\r\n", "\r"}
	rng := rand.New(rand.NewPCG(5, 13))
	var out []checker.FileResult
	for range 300 {
		var b strings.Builder
		for range 1 + rng.IntN(6) {
			for range rng.IntN([]int{20, 60, 200, 600}[rng.IntN(4)]) {
				b.WriteString(pieces[rng.IntN(len(pieces))])
			}
			b.WriteString(breaks[rng.IntN(len(breaks))])
		}
		text := b.String()
		d := doc.New("r.txt", doc.FormatText, "utf-8", text)
		var fs []checker.Finding
		for range rng.IntN(12) {
			s := rng.IntN(len(text) + 1)
			e := min(len(text), s+rng.IntN(120))
			if rng.IntN(8) == 0 {
				e = s - rng.IntN(4) // an inverted range
			}
			fs = append(fs, checker.Finding{Range: doc.Range{Start: doc.Position{Offset: s}, End: doc.Position{Offset: e}}})
		}
		if rng.IntN(2) == 0 { // as the checker orders them
			slices.SortFunc(fs, func(a, b checker.Finding) int { return cmp.Compare(a.Range.Start.Offset, b.Range.Start.Offset) })
		}
		out = append(out, checker.FileResult{Path: "r.txt", Doc: d, Findings: fs})
	}
	if len(out) == 0 {
		t.Fatal("no random documents")
	}
	return out
}

// TestChangeEnds: changeEnds gives what wider, head and tail give.
func TestChangeEnds(t *testing.T) {
	for _, s := range widthSamples(t) {
		h, tl, cut := changeEnds(s)
		want, wantTail := s, ""
		if wider(s, maxChange) {
			want, wantTail = head(s, maxChange/2-1), tail(s, maxChange/2-1)
		}
		if cut != wider(s, maxChange) || h != want || tl != wantTail {
			t.Fatalf("changeEnds(%q) = %q, %q, %v; want %q, %q", s, h, tl, cut, want, wantTail)
		}
	}
}

// windowedHintByParts is appendWindowedHint as it was written before it knew
// whether the texts hold line breaks and cut a change by its two ends: each
// part searched for breaks, the change measured on from its head.
func windowedHintByParts(d *doc.Document, fs, fe int, text string) []byte {
	var b []byte
	old := d.Text[fs:fe]
	pre := commonPrefix(old, text)
	suf := commonSuffix(old[pre:], text[pre:])
	oldMid, newMid := old[pre:len(old)-suf], text[pre:len(text)-suf]
	lead, before1, before2, after1, after2, trail := hintContext(d, fs, fe, pre, suf,
		d.Lines[d.LineAt(fs)-1].Start, d.Lines[d.LineAt(fe)-1].End)
	shown := func(mid string) {
		b = append(b, "“"...)
		for _, part := range [...]string{lead, before1, before2} {
			b = appendVisible(b, part)
		}
		if h, cut := headOver(mid, maxChange/2-1, maxChange); cut {
			b = appendVisible(b, mid[:h])
			b = append(b, "…"...)
			b = appendVisible(b, tail(mid, maxChange/2-1))
		} else {
			b = appendVisible(b, mid)
		}
		for _, part := range [...]string{after1, after2, trail} {
			b = appendVisible(b, part)
		}
		b = append(b, "”"...)
	}
	if len(lead)+len(before1)+len(before2)+len(after1)+len(after2)+len(trail)+len(newMid) == 0 {
		b = append(b, "建议删除"...)
		shown(oldMid)
		return b
	}
	b = append(b, "建议将"...)
	shown(oldMid)
	b = append(b, "改为"...)
	shown(newMid)
	return b
}

// TestWindowedHintByParts: the windowed hints of the seeds' fixes, the
// fixture's and random fixes in random documents (replacements with and
// without line breaks, in order and not) are what windowedHintByParts
// writes, one printer showing them in turn as File does.
func TestWindowedHintByParts(t *testing.T) {
	var results []checker.FileResult
	results = append(results, checkedSeeds(t)...)
	results = append(results, fixture(t)...)
	results = append(results, randomFixes(randomSnippets(t))...)
	p := NewText(io.Discard, Options{})
	checked := 0
	for _, r := range results {
		d := r.Doc
		for _, f := range r.Findings {
			if f.Fix == nil {
				continue
			}
			p.appendSnippet(nil, d, f.Range, style{}) // as File does, keeping the finding's line
			fs, fe := clamp(f.Fix.Range.Start.Offset, 0, len(d.Text)), clamp(f.Fix.Range.End.Offset, 0, len(d.Text))
			fe = max(fs, fe)
			got := p.appendWindowedHint(nil, d, fs, fe, f.Fix.Text, hasBreak(d.Text[fs:fe]) || hasBreak(f.Fix.Text))
			if want := windowedHintByParts(d, fs, fe, f.Fix.Text); !bytes.Equal(got, want) {
				t.Fatalf("%s fix %+v %q:\n got %q\nwant %q", r.Path, f.Fix.Range, f.Fix.Text, got, want)
			}
			checked++
		}
	}
	if checked < 1000 {
		t.Fatalf("only %d fixes compared", checked)
	}
}

// randomFixes gives each finding of results a fix: its own range or one
// near it, replaced by a random change of the old text.
func randomFixes(results []checker.FileResult) []checker.FileResult {
	rng := rand.New(rand.NewPCG(7, 13))
	pieces := []string{"", "，", ",", "\n", "\r\n", "甲", "a", "\xe4", strings.Repeat("乙", 50), "\t"}
	for _, r := range results {
		text := r.Doc.Text
		for i := range r.Findings {
			rg := r.Findings[i].Range
			s, e := rg.Start.Offset, rg.End.Offset
			if rng.IntN(3) == 0 {
				s, e = max(0, s-rng.IntN(300)), min(len(text), e+rng.IntN(300))
			}
			old := text[clamp(s, 0, len(text)):clamp(max(s, e), 0, len(text))]
			repl := old
			for range rng.IntN(4) {
				at := rng.IntN(len(repl) + 1)
				cut := min(len(repl), at+rng.IntN(4))
				repl = repl[:at] + pieces[rng.IntN(len(pieces))] + repl[cut:]
			}
			fix := checker.Fix{Range: doc.Range{Start: doc.Position{Offset: s}, End: doc.Position{Offset: e}}, Text: repl}
			r.Findings[i].Fix = &fix
		}
	}
	return results
}
