package rules

import (
	"sync"

	"github.com/fzlint/fzlint/checker/match"
)

// loadPatterns holds the patterns compiled while packs load, by expression:
// about one in eight of the packs' expressions is one compiled already (a
// Chinese character's class, page debris repeated from pack to pack), and
// parsing it again is most of its compile. A pattern is safe to share
// between rules: it is immutable once compiled but for its plan and
// compiled variants, made once, and a dictionary holds a pattern another
// dictionary claimed first. The cache lives only while a Load runs (Loads
// that overlap share it, which is as safe), so a long-running process
// neither keeps old packs' patterns nor shares them with a later load's
// dictionaries.
var loadPatterns struct {
	sync.Mutex
	loads  int // Loads running
	byExpr map[string]*match.Pattern
}

// startPatternCache opens the cache for a Load; the Load calls the function
// it returns when it ends.
func startPatternCache() (end func()) {
	loadPatterns.Lock()
	defer loadPatterns.Unlock()
	if loadPatterns.loads == 0 {
		loadPatterns.byExpr = map[string]*match.Pattern{}
	}
	loadPatterns.loads++
	return func() {
		loadPatterns.Lock()
		defer loadPatterns.Unlock()
		if loadPatterns.loads--; loadPatterns.loads == 0 {
			loadPatterns.byExpr = nil
		}
	}
}

// compileCached is compilePattern; tests turn the cache off to compare a
// load's findings with and without it.
var compileCached = compilePattern

// compilePattern is match.Compile, answered from the cache while a Load
// runs. Expressions that do not compile are not kept: their errors are
// made afresh.
func compilePattern(expr string) (*match.Pattern, error) {
	loadPatterns.Lock()
	p := loadPatterns.byExpr[expr]
	loadPatterns.Unlock()
	if p != nil {
		return p, nil
	}
	p, err := match.Compile(expr)
	if err != nil {
		return nil, err
	}
	loadPatterns.Lock()
	defer loadPatterns.Unlock()
	if loadPatterns.byExpr == nil {
		return p, nil
	}
	if first := loadPatterns.byExpr[expr]; first != nil {
		return first, nil // compiled at the same time by another pack's goroutine
	}
	loadPatterns.byExpr[expr] = p
	return p, nil
}

// MustCompile compiles an expression a rule kind makes from a pack's (a
// context anchored to the match), valid because the pack's was, as the
// packs' expressions are compiled: while a Load runs, equal ones share one
// pattern (six swaps of halfwidth-punct anchor the same context).
func MustCompile(expr string) *match.Pattern {
	p, err := compileCached(expr)
	if err != nil {
		panic(err)
	}
	return p
}
