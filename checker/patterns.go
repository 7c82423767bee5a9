package checker

import "github.com/fzlint/fzlint/checker/match"

// Patterns the structural kinds share; they match the normalized view.
var (
	// yearPattern is a four-digit year followed by 年 (not a range's first year).
	yearPattern = match.MustCompile(`((?:19|20)\d{2})\s*年`)
	// figurePattern is a quantitative fact: a number with a unit or a percentage.
	figurePattern = match.MustCompile(`\d+(?:\.\d+)?\s*(?:%|‰|[万亿]?(?:元|件|次|项|人|个|家|条|份|场|期|批|篇|户|宗|起|名|余|天|小时|平方米|公里|册|部|所|类|门|单|笔|张|套|台|辆|座|处|支|年度))`)
	// itemPattern is an enumeration inside a paragraph: 一是 二是, (1) (2), 1. 2.
	itemPattern = match.MustCompile(`[一二三四五六七八九十]+是|\(\d+\)|\([一二三四五六七八九十]+\)|(?:^|[。;:])\s*\d+[.、]`)
)
