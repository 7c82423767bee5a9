package baseline

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"sort"

	"github.com/fzlint/fzlint/checker"
)

// Schema names the format of a baseline file.
const Schema = "fzlint/baseline/v1"

// Entry is one fingerprint of a baseline: how many findings had it. File,
// Rule and Excerpt are there for the reader of a diff; matching uses the
// fingerprint alone.
type Entry struct {
	File        string `json:"file"`
	Rule        string `json:"rule"`
	Fingerprint string `json:"fingerprint"`
	Count       int    `json:"count"`
	Excerpt     string `json:"excerpt"`
}

// Recorder collects a run's findings for a new baseline.
type Recorder struct {
	entries map[string]*Entry
}

// NewRecorder returns an empty Recorder.
func NewRecorder() *Recorder { return &Recorder{entries: map[string]*Entry{}} }

// Add records the findings of r (not those suppressions set aside).
func (rec *Recorder) Add(r checker.FileResult) {
	fps := NewFingerprints(r.Path)
	for _, f := range r.Findings {
		fp := fps.Of(f, r.Doc)
		e := rec.entries[fp]
		if e == nil {
			e = &Entry{File: fps.file, Rule: f.Rule, Fingerprint: fp, Excerpt: excerpt(f.Excerpt)}
			rec.entries[fp] = e
		}
		e.Count++
	}
}

// excerpt is a finding's text as a baseline shows it: on one line, cut at 40
// characters.
func excerpt(s string) string {
	r := []rune(s)
	if len(r) > 40 {
		s = string(r[:40]) + "…"
	}
	return string(bytes.ReplaceAll([]byte(s), []byte("\n"), []byte("⏎")))
}

// Write writes the baseline to path: one entry a line, sorted by file, rule
// and fingerprint, so that a change shows as a few lines of a diff.
func (rec *Recorder) Write(path string) error {
	list := make([]*Entry, 0, len(rec.entries))
	for _, e := range rec.entries {
		list = append(list, e)
	}
	sort.Slice(list, func(i, j int) bool {
		a, b := list[i], list[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		return a.Fingerprint < b.Fingerprint
	})
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "{\n  \"schema\": %q,\n  \"findings\": [", Schema)
	for i, e := range list {
		line, err := marshal(e)
		if err != nil {
			return err
		}
		if i > 0 {
			buf.WriteByte(',')
		}
		buf.WriteString("\n    ")
		buf.Write(line)
	}
	if len(list) > 0 {
		buf.WriteString("\n  ")
	}
	buf.WriteString("]\n}\n")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("无法写入基线文件：%w", err)
	}
	return nil
}

func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// Baseline is a baseline file read for a run: how many findings of each
// fingerprint are still to be accepted.
type Baseline struct {
	path   string
	counts map[string]int
}

// Read reads the baseline file at path. A file that is not a baseline is an
// error naming it: a run never gates on a baseline it could not read.
func Read(path string) (*Baseline, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("无法读取基线文件 %s：%w", path, err)
	}
	var f struct {
		Schema   string  `json:"schema"`
		Findings []Entry `json:"findings"`
	}
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("基线文件 %s 不是有效的 JSON：%w", path, err)
	}
	if f.Schema != Schema {
		return nil, fmt.Errorf("基线文件 %s 的 schema 应为 %q，实为 %q", path, Schema, f.Schema)
	}
	b := &Baseline{path: path, counts: map[string]int{}}
	for _, e := range f.Findings {
		if e.Fingerprint == "" || e.Count < 1 {
			return nil, fmt.Errorf("基线文件 %s 中 %s 的一项缺少 fingerprint 或 count", path, e.File)
		}
		b.counts[e.Fingerprint] += e.Count
	}
	return b, nil
}

// Filter sets aside the findings of r that the baseline accepts, as
// suppressed from outside the document, in document order: of n+1 findings
// with a fingerprint recorded n times, the last is new.
func (b *Baseline) Filter(r *checker.FileResult) {
	kept := r.Findings[:0:0]
	fps := NewFingerprints(r.Path)
	for _, f := range r.Findings {
		fp := fps.Of(f, r.Doc)
		if b.counts[fp] > 0 {
			b.counts[fp]--
			r.Suppressed = append(r.Suppressed, checker.Suppressed{Finding: f, Justification: "已列入基线 " + b.path})
			continue
		}
		kept = append(kept, f)
	}
	r.Findings = kept
}
