package match

import (
	"fmt"
	"testing"
)

func TestZZList(t *testing.T) {
	for _, e := range packExpressions(t) {
		p := MustCompile(e)
		if p.how == whole || p.how == inWindows || p.how == everyStart {
			fmt.Printf("%d before=%d lits=%q %s\n", p.how, p.need.before, p.need.lits, e)
		}
	}
}
