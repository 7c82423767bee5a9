// Package stackroom grows a goroutine's stack once, while it is shallow, to
// the size its work will take. A goroutine starts with 2 KB, and each time
// its stack runs out the runtime doubles it: it copies the stack and adjusts
// every frame on it, reading each function's tables in the binary. Deep in
// a parse, a copy has many frames to adjust, and in a run over one report
// the tables are read for the first time (page faults); a shallow copy has
// one frame.
package stackroom

// For16K grows the calling goroutine's stack to 16 KB: what parsing a pack
// takes (yaml.v3's decoder recurses deep).
//
//go:noinline
func For16K() {
	var frame [12 << 10]byte
	touch(frame[:])
}

// For64K grows the calling goroutine's stack to 64 KB: what checking a
// report takes when the check compiles the regular expressions it meets
// first (regexp's compiler recurses over the syntax tree), as in a run over
// one report.
//
//go:noinline
func For64K() {
	var frame [48 << 10]byte
	touch(frame[:])
}

// touch keeps a frame from being optimised away.
//
//go:noinline
func touch(b []byte) { b[0] = 0 }
