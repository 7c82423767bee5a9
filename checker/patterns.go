package checker

import "github.com/fzlint/fzlint/checker/match"

// Patterns the structural kinds share; they match the normalized view.
var (
	// itemPattern is an enumeration inside a paragraph: 一是 二是, (1) (2), 1. 2.
	itemPattern = match.MustCompile(`[一二三四五六七八九十]+是|\(\d+\)|\([一二三四五六七八九十]+\)|(?:^|[。;:])\s*\d+[.、]`)
)
