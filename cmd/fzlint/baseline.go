package main

import (
	"errors"

	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/checker/baseline"
)

// baselines reads --baseline and starts the recorder of --write-baseline.
func (o *checkOptions) baselines() (*baseline.Baseline, *baseline.Recorder, error) {
	if o.baseline != "" && o.writeBaseline != "" {
		return nil, nil, errors.New("--baseline 与 --write-baseline 不能同时使用")
	}
	if o.writeBaseline != "" {
		return nil, baseline.NewRecorder(), nil
	}
	if o.baseline == "" {
		return nil, nil, nil
	}
	b, err := baseline.Read(o.baseline)
	return b, nil, err
}

// acceptAll returns r's findings as suppressed, once --write-baseline has
// recorded them, and no finding left: a run that writes a baseline accepts
// what it finds.
func acceptAll(r checker.FileResult) ([]checker.Suppressed, []checker.Finding) {
	out := r.Suppressed
	for _, f := range r.Findings {
		out = append(out, checker.Suppressed{Finding: f, Justification: "写入基线"})
	}
	return out, nil
}
