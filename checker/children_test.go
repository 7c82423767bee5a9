package checker

import (
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/fzlint/fzlint/checker/doc"
	"github.com/fzlint/fzlint/checker/outline"
)

// TestForChildren: forChildren gives each parent the children a map of
// lists gathered, in the same order, on the corpus's outlines and random
// headings (parents out of range among them).
func TestForChildren(t *testing.T) {
	_, e := loadDefault(t)
	var sets [][]outline.Heading
	for _, path := range corpus(t) {
		if !doc.Checkable(path) {
			continue
		}
		d, err := doc.Read(path, doc.Options{})
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		sets = append(sets, e.Analyze(d).Outline.Headings)
	}
	rng := rand.New(rand.NewPCG(5, 8))
	for range 2000 {
		hs := make([]outline.Heading, rng.IntN(12))
		for i := range hs {
			hs[i].Parent = rng.IntN(len(hs)+3) - 2
			if rng.IntN(4) > 0 {
				hs[i].Marker = "一、"
			}
		}
		sets = append(sets, hs)
	}
	for i, hs := range sets {
		if got, want := childLists(hs), childListsByMap(hs); !reflect.DeepEqual(got, want) {
			t.Fatalf("headings %d: %v, by a map %v", i, got, want)
		}
	}
}

// childLists lists what forChildren calls its function with.
func childLists(hs []outline.Heading) [][]int {
	var out [][]int
	forChildren(hs, func(parent int, kids []int) {
		out = append(out, append([]int{parent}, kids...))
	})
	return out
}

// childListsByMap is childLists as forChildren made it with a map.
func childListsByMap(hs []outline.Heading) [][]int {
	kids := map[int][]int{}
	for i, h := range hs {
		if h.Marker != "" {
			kids[h.Parent] = append(kids[h.Parent], i)
		}
	}
	var out [][]int
	for p := -1; p < len(hs); p++ {
		if len(kids[p]) > 0 {
			out = append(out, append([]int{p}, kids[p]...))
		}
	}
	return out
}
