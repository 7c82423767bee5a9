// Package lend lends the memory of one file's check to the check of a later
// file. A check's largest allocations (the bytes read, the normalized view,
// the document's lines, the findings and the texts of their fixes and
// messages) live exactly as long as the file's result: once the result is
// printed and dropped, a Loan hands them to the next file.
//
// Only a consumer that drops each result once it is done with it may lend
// (the CLI's streaming printers); every other one passes a nil *Loan, whose
// methods allocate fresh memory as if there were no lending. A result lent
// memory must not be read after its Loan is released: a Lender that poisons
// overwrites released memory, so that a test sees such a use in its output.
package lend

import (
	"sync"
	"unsafe"
)

// Kind names the memory a check takes from a Loan, one slice of each.
type Kind int

// The memory a Loan lends.
const (
	Input      Kind = iota // the bytes read (doc.Read)
	View                   // the copy of the text the view is written over (normalize)
	Marks                  // where the view's offsets leave the text's (normalize)
	Lines                  // a document's lines
	Text                   // the text a reader writes (a .docx's body)
	Paragraphs             // a .docx's paragraphs, as its body is read
	Findings               // the findings a check hands out
	Fixes                  // the findings' fixes (New)
	kinds
)

// poisonByte is written over released bytes: it is never valid UTF-8, so
// text read after its release shows.
const poisonByte = 0xFF

// A Lender keeps the memory of released loans for the next ones. It holds
// no more loans than were out at once: memory is bounded by the files in
// flight. Its methods may be called from several goroutines.
type Lender struct {
	mu   sync.Mutex
	free []*Loan
	// poison overwrites the memory of a loan as it is released.
	poison bool
}

// NewLender returns a Lender. A poisoning one overwrites the memory of a
// released loan (bytes with 0xFF, other values with zero values), for
// tests that look for a use after release.
func NewLender(poison bool) *Lender {
	return &Lender{poison: poison}
}

// Loan returns a loan for one file's check, holding the memory of one that
// was released if there is one.
func (l *Lender) Loan() *Loan {
	l.mu.Lock()
	defer l.mu.Unlock()
	if n := len(l.free); n > 0 {
		loan := l.free[n-1]
		l.free = l.free[:n-1]
		return loan
	}
	return &Loan{lender: l}
}

// A Loan is the memory of one file's check. It is used by one goroutine
// at a time; a nil *Loan lends nothing.
type Loan struct {
	lender *Lender
	slots  [kinds]slot
	// arena holds the strings String copies; full the arenas filled
	// before it, dropped at release (arena, the largest, is kept).
	arena []byte
	full  [][]byte
}

// Release gives the loan's memory back to its lender: nothing taken from
// it may be used after. Releasing a nil *Loan does nothing.
func (l *Loan) Release() {
	if l == nil {
		return
	}
	poison := l.lender.poison
	for _, s := range l.slots {
		if s != nil {
			s.empty(poison)
		}
	}
	if poison {
		for _, b := range append(l.full, l.arena) {
			fill(b[:cap(b)])
		}
	}
	clear(l.full)
	l.full, l.arena = l.full[:0], l.arena[:0]
	l.lender.mu.Lock()
	l.lender.free = append(l.lender.free, l)
	l.lender.mu.Unlock()
}

// String returns a copy of b that lives until l is released, written in
// the loan's arena.
func (l *Loan) String(b []byte) string {
	if l == nil || len(b) == 0 {
		return string(b)
	}
	if cap(l.arena)-len(l.arena) < len(b) {
		if cap(l.arena) > 0 {
			l.full = append(l.full, l.arena)
		}
		l.arena = make([]byte, 0, max(2*cap(l.arena), len(b), 4<<10))
	}
	at := len(l.arena)
	l.arena = append(l.arena, b...)
	return unsafe.String(&l.arena[at], len(b))
}

// Slice returns an empty slice of capacity at least n for the memory of
// kind k: the one an earlier holder of l gave back, if it is large enough.
// The caller hands the slice it ends with to Keep.
func Slice[T any](l *Loan, k Kind, n int) []T {
	if l != nil {
		if h, ok := l.slots[k].(*held[T]); ok && cap(h.s) >= n {
			return h.s[:0]
		}
	}
	return make([]T, 0, n)
}

// Keep records s, taken from Slice and perhaps grown since, as l's memory
// of kind k, for the next holder once l is released. It is called once the
// caller has written s: past len(s) the memory is as clean as it was.
func Keep[T any](l *Loan, k Kind, s []T) {
	if l == nil {
		return
	}
	h, ok := l.slots[k].(*held[T])
	if !ok {
		h = &held[T]{}
		l.slots[k] = h
	}
	h.s = s
}

// New returns a pointer to a zero value of kind k that lives until l is
// released, taken from a slice of them the loan keeps.
func New[T any](l *Loan, k Kind) *T {
	if l == nil {
		return new(T)
	}
	h, ok := l.slots[k].(*held[T])
	if !ok {
		h = &held[T]{}
		l.slots[k] = h
	}
	if len(h.s) == cap(h.s) {
		// A larger slice, not a grown one: the values handed out stay
		// where they are, and the last slice, the largest, is kept.
		h.s = make([]T, 0, max(2*cap(h.s), 64))
	}
	h.s = h.s[:len(h.s)+1]
	return &h.s[len(h.s)-1]
}

// slot is the memory of one kind a loan holds.
type slot interface {
	// empty readies the memory for the next holder: it drops what the
	// values point to, or overwrites every byte when poisoning.
	empty(poison bool)
}

type held[T any] struct{ s []T }

// empty clears the values in use (only these can point anywhere: the rest
// were cleared by an earlier empty, or never written).
func (h *held[T]) empty(poison bool) {
	if b, ok := any(h).(*held[byte]); ok {
		if poison {
			fill(b.s[:cap(b.s)])
		}
	} else {
		clear(h.s)
	}
	h.s = h.s[:0]
}

// fill overwrites b with poisonByte.
func fill(b []byte) {
	for i := range b {
		b[i] = poisonByte
	}
}
