package rules

import (
	"fmt"
	"strings"
)

// didYouMean is the hint after an unknown name: the closest candidate, when
// one is close enough to be what was meant (a typo, a transposition, a
// missing or extra part), else "".
func didYouMean(name string, candidates []string) string {
	best, bestDist := "", -1
	for _, c := range candidates {
		if c == name {
			continue
		}
		d := editDistance(name, c)
		if !closeEnough(name, c, d) {
			continue
		}
		if bestDist < 0 || d < bestDist {
			best, bestDist = c, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf("，是不是 %q？", best)
}

// closeEnough allows one edit in three characters of the longer name, and a
// candidate that starts or ends with what was typed (warn → warning).
func closeEnough(name, c string, dist int) bool {
	n := max(len([]rune(name)), len([]rune(c)))
	if dist*3 <= n {
		return true
	}
	return len(name) >= 3 && (strings.HasPrefix(c, name) || strings.HasSuffix(c, "/"+name) || strings.HasPrefix(name, c) && len(c) >= 3)
}

// editDistance is the optimal string alignment distance between a and b in
// code points: insertions, deletions, substitutions and transpositions of
// neighbours each count one.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}
