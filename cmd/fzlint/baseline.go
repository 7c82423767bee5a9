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

// acceptAll moves r's findings to its suppressed ones, once --write-baseline
// has recorded them: a run that writes a baseline accepts what it finds.
func acceptAll(r *checker.FileResult) {
	for _, f := range r.Findings {
		r.Suppressed = append(r.Suppressed, checker.Suppressed{Finding: f, Justification: "写入基线"})
	}
	r.Findings = nil
}
