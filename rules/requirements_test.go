package rules

import (
	"slices"
	"testing"
)

func TestRequirements(t *testing.T) {
	r := &Rule{Description: "成文日期的写法（R-GB9704-7.3.5-2、R-HYG-6(a)）。另见 R-GB9704-7.3.5-2 与 R-DUCHA-22-1. 不是 R-、RR-X。"}
	want := []string{"R-GB9704-7.3.5-2", "R-HYG-6", "R-DUCHA-22-1"}
	if got := r.Requirements(); !slices.Equal(got, want) {
		t.Errorf("Requirements() = %q, want %q", got, want)
	}
	if got := (&Rule{Description: "没有编号"}).Requirements(); got == nil || len(got) != 0 {
		t.Errorf("Requirements() of a description without ids = %#v, want an empty list", got)
	}
}
