package checker

import (
	"sync"

	"github.com/fzlint/fzlint/checker/match"
)

// Patterns the structural kinds share; they match the normalized view. Each
// is compiled at its first use, not when a run starts: a run that never
// measures a part's items (most of them, with a user's config) need not pay.
var (
	// itemPattern is an enumeration inside a paragraph: 一是 二是, (1) (2), 1. 2.
	itemPattern = sync.OnceValue(func() *match.Pattern {
		return match.MustCompile(`[一二三四五六七八九十]+是|\(\d+\)|\([一二三四五六七八九十]+\)|(?:^|[。;:])\s*\d+[.、]`)
	})
)
