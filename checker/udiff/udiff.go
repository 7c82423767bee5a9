// Package udiff writes the unified diff of two byte contents, as `diff -u`
// and `git diff` do, so that `patch -p1` and `git apply` apply it. Lines are
// what those tools take them to be: bytes up to and including "\n", whatever
// the encoding; a last line without "\n" is marked "\ No newline at end of file".
package udiff

import (
	"bytes"
	"fmt"
	"io"
)

// context is the number of unchanged lines shown around a change.
const context = 3

// op is one line of the edit script: ' ' kept, '-' deleted, '+' inserted.
type op struct {
	kind byte
	a, b int // index of the line in old (kept, deleted) and new (kept, inserted)
}

// Write writes the diff turning before into after, with headers "--- a/name"
// and "+++ b/name". It writes nothing when they are equal.
func Write(w io.Writer, name string, before, after []byte) error {
	if bytes.Equal(before, after) {
		return nil
	}
	a, b := lines(before), lines(after)
	ops := script(a, b)
	var out bytes.Buffer
	fmt.Fprintf(&out, "--- a/%s\n+++ b/%s\n", name, name)
	for _, h := range hunks(ops) {
		writeHunk(&out, ops[h[0]:h[1]], a, b)
	}
	_, err := w.Write(out.Bytes())
	return err
}

// lines splits s after each "\n".
func lines(s []byte) [][]byte {
	var out [][]byte
	for len(s) > 0 {
		i := bytes.IndexByte(s, '\n') + 1
		if i == 0 {
			i = len(s)
		}
		out = append(out, s[:i])
		s = s[i:]
	}
	return out
}

// script is an edit script from a to b: the common prefix and suffix kept,
// the lines between them diffed by middle.
func script(a, b [][]byte) []op {
	pre := 0
	for pre < len(a) && pre < len(b) && bytes.Equal(a[pre], b[pre]) {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && bytes.Equal(a[len(a)-1-suf], b[len(b)-1-suf]) {
		suf++
	}
	var ops []op
	for i := 0; i < pre; i++ {
		ops = append(ops, op{' ', i, i})
	}
	for _, o := range middle(ids(a[pre:len(a)-suf], b[pre:len(b)-suf])) {
		ops = append(ops, op{o.kind, o.a + pre, o.b + pre})
	}
	for i := suf; i > 0; i-- {
		ops = append(ops, op{' ', len(a) - i, len(b) - i})
	}
	return ops
}

// ids numbers the distinct lines of a and b, so that lines compare as ints.
func ids(a, b [][]byte) ([]int, []int) {
	seen := map[string]int{}
	id := func(ls [][]byte) []int {
		out := make([]int, len(ls))
		for i, l := range ls {
			n, ok := seen[string(l)]
			if !ok {
				n = len(seen)
				seen[string(l)] = n
			}
			out[i] = n
		}
		return out
	}
	return id(a), id(b)
}

// Bounds on Myers' algorithm, whose time grows with lines × edits and memory
// with edits²: --fix on a large file changes lines all through it.
const (
	maxMyersEdits = 1000
	maxMyersWork  = 20_000_000 // lines × edits
)

// middle is a shortest edit script (Myers) where that is cheap enough, else
// the script of greedy, which is linear but not always shortest.
func middle(a, b []int) []op {
	if ops, ok := myers(a, b); ok {
		return ops
	}
	return greedy(a, b)
}

// myers is a shortest edit script, or false when it takes more than the bounds.
func myers(a, b []int) ([]op, bool) {
	n, m := len(a), len(b)
	total := n + m
	limit := min(total, maxMyersEdits, maxMyersWork/(total+1))
	off := total + 1
	v := make([]int, 2*total+3)
	var trace [][]int // trace[d][k+d]: furthest x on diagonal k after d edits
	for d := 0; d <= total; d++ {
		if d > limit {
			return nil, false
		}
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || k != d && v[off+k-1] < v[off+k+1] {
				x = v[off+k+1]
			} else {
				x = v[off+k-1] + 1
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x, y = x+1, y+1
			}
			v[off+k] = x
		}
		trace = append(trace, append([]int(nil), v[off-d:off+d+1]...))
		if k := n - m; k >= -d && k <= d && (k+d)%2 == 0 && v[off+k] >= n {
			break
		}
	}
	return backtrack(trace, n, m), true
}

// window bounds how far greedy looks ahead for lines that match again.
const window = 64

// greedy keeps equal lines in order; at a difference it deletes and inserts
// the fewest lines (k+l, each at most window) after which the two match
// again, or window lines of each when none do.
func greedy(a, b []int) []op {
	var ops []op
	x, y := 0, 0
	for x < len(a) || y < len(b) {
		if x < len(a) && y < len(b) && a[x] == b[y] {
			ops = append(ops, op{' ', x, y})
			x, y = x+1, y+1
			continue
		}
		k, l := resync(a[x:], b[y:])
		for ; k > 0; k-- {
			ops = append(ops, op{'-', x, y})
			x++
		}
		for ; l > 0; l-- {
			ops = append(ops, op{'+', x, y})
			y++
		}
	}
	return ops
}

// resync returns how many lines of a and of b to skip so that they match again
// (or both end); a[0] and b[0] differ or one is empty.
func resync(a, b []int) (int, int) {
	for s := 1; s <= 2*window; s++ {
		for k := max(0, s-window); k <= min(s, window); k++ {
			l := s - k
			if k > len(a) || l > len(b) {
				continue
			}
			if k == len(a) && l == len(b) || k < len(a) && l < len(b) && a[k] == b[l] {
				return k, l
			}
		}
	}
	return min(window, len(a)), min(window, len(b))
}

func backtrack(trace [][]int, n, m int) []op {
	var rev []op
	x, y := n, m
	for d := len(trace) - 1; d > 0; d-- {
		prev := trace[d-1] // indexed k+d-1
		at := func(k int) int { return prev[k+d-1] }
		k := x - y
		var pk int
		if k == -d || k != d && at(k-1) < at(k+1) {
			pk = k + 1
		} else {
			pk = k - 1
		}
		px := at(pk)
		py := px - pk
		for x > px && y > py {
			x, y = x-1, y-1
			rev = append(rev, op{' ', x, y})
		}
		if x == px {
			y--
			rev = append(rev, op{'+', x, y})
		} else {
			x--
			rev = append(rev, op{'-', x, y})
		}
	}
	for x > 0 && y > 0 {
		x, y = x-1, y-1
		rev = append(rev, op{' ', x, y})
	}
	for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
		rev[i], rev[j] = rev[j], rev[i]
	}
	return rev
}

// hunks returns the [start, end) op ranges of each hunk: the changes with up
// to context kept lines around them, merged where they touch.
func hunks(ops []op) [][2]int {
	var out [][2]int
	for i := 0; i < len(ops); i++ {
		if ops[i].kind == ' ' {
			continue
		}
		start := max(0, i-context)
		end := i
		for j := i; j < len(ops); j++ {
			if ops[j].kind != ' ' {
				end = j + 1
			} else if j-end >= 2*context {
				break
			}
		}
		end = min(len(ops), end+context)
		if n := len(out); n > 0 && out[n-1][1] >= start {
			out[n-1][1] = end
		} else {
			out = append(out, [2]int{start, end})
		}
		i = end - 1
	}
	return out
}

func writeHunk(w *bytes.Buffer, ops []op, a, b [][]byte) {
	aStart, bStart, aLen, bLen := ops[0].a, ops[0].b, 0, 0
	for _, o := range ops {
		if o.kind != '+' {
			aLen++
		}
		if o.kind != '-' {
			bLen++
		}
	}
	fmt.Fprintf(w, "@@ -%s +%s @@\n", span(aStart, aLen), span(bStart, bLen))
	for _, o := range ops {
		line := b[o.b:]
		if o.kind != '+' {
			line = a[o.a:]
		}
		w.WriteByte(o.kind)
		w.Write(line[0])
		if !bytes.HasSuffix(line[0], []byte("\n")) {
			w.WriteString("\n\\ No newline at end of file\n")
		}
	}
}

// span is a hunk range: the 1-based first line and the count; an empty range
// names the line before it.
func span(start, n int) string {
	if n == 0 {
		return fmt.Sprintf("%d,0", start)
	}
	return fmt.Sprintf("%d,%d", start+1, n)
}
