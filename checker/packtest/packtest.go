// Package packtest runs the examples of a pack's rules, as a pack author
// runs `fzlint test`: each failing example must draw a finding of its rule,
// each passing example none.
package packtest

import (
	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/checker/doc"
	"github.com/fzlint/fzlint/rules"
)

// Miss is an example that does not behave.
type Miss struct {
	Rule  *rules.Rule
	Pos   rules.Pos // where the example is in the pack file
	Fail  bool      // a failing example that drew no finding; else a passing one that drew Drawn
	Index int       // its index among the rule's failing or passing examples
	Text  string
	Drawn []checker.Finding
}

// Result is what a run of the examples found.
type Result struct {
	Rules, Examples int
	Misses          []Miss
}

// Run runs the examples of every rule of the packs named in ids, each rule
// alone, as checker's own example test does. A rule that a pack turns off
// is run all the same: its examples say what it does when it is on.
func Run(set *rules.Set, ids []string) (Result, error) {
	named := map[string]bool{}
	for _, id := range ids {
		named[id] = true
	}
	for _, r := range set.Rules {
		if named[r.Pack] && r.Severity == rules.Off {
			r.Severity = rules.Info
		}
	}
	e, err := checker.New(set)
	if err != nil {
		return Result{}, err
	}
	var res Result
	for _, r := range set.Rules {
		if !named[r.Pack] {
			continue
		}
		res.Rules++
		only := e.Only(r)
		for i, text := range r.Examples.Fail {
			res.Examples++
			if len(only.Check(doc.New("fail.txt", doc.FormatText, "utf-8", text))) == 0 {
				res.Misses = append(res.Misses, Miss{Rule: r, Pos: r.ExamplePos(true, i), Fail: true, Index: i, Text: text})
			}
		}
		for i, text := range r.Examples.Pass {
			res.Examples++
			if got := only.Check(doc.New("pass.txt", doc.FormatText, "utf-8", text)); len(got) > 0 {
				res.Misses = append(res.Misses, Miss{Rule: r, Pos: r.ExamplePos(false, i), Index: i, Text: text, Drawn: got})
			}
		}
	}
	return res, nil
}
