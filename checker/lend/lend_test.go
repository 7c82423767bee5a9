package lend

import (
	"bytes"
	"strings"
	"testing"
)

func TestNilLoanLendsNothing(t *testing.T) {
	var l *Loan
	if s := Slice[byte](l, Input, 10); len(s) != 0 || cap(s) < 10 {
		t.Fatalf("Slice = len %d cap %d", len(s), cap(s))
	}
	Keep(l, Input, []byte("kept"))
	if got := l.String([]byte("文本")); got != "文本" {
		t.Fatalf("String = %q", got)
	}
	if p := New[int](l, Fixes); p == nil || *p != 0 {
		t.Fatal("New gave no zero value")
	}
	l.Release()
}

func TestReleasedMemoryIsLentAgain(t *testing.T) {
	lender := NewLender(false)
	l := lender.Loan()
	s := append(Slice[byte](l, Input, 8), "12345678"...)
	Keep(l, Input, s)
	l.Release()
	again := lender.Loan()
	if again != l {
		t.Fatal("a released loan was not lent again")
	}
	if r := Slice[byte](again, Input, 4); cap(r) != cap(s) || &r[:1][0] != &s[0] {
		t.Fatal("the memory kept was not lent again")
	}
	if r := Slice[byte](again, Input, cap(s)+1); cap(r) <= cap(s) {
		t.Fatal("a slice too small was lent")
	}
	if other := lender.Loan(); other == again {
		t.Fatal("a loan out was lent twice")
	}
}

func TestPoisonOverwritesReleasedMemory(t *testing.T) {
	lender := NewLender(true)
	l := lender.Loan()
	text := append(Slice[byte](l, Input, 4), "正文"...)
	Keep(l, Input, text)
	str := l.String([]byte("修改为，"))
	type value struct{ s string }
	v := New[value](l, Fixes)
	v.s = "留下"
	lines := append(Slice[value](l, Lines, 1), value{"行"})
	Keep(l, Lines, lines)
	l.Release()
	if !bytes.Equal(text, bytes.Repeat([]byte{poisonByte}, len(text))) {
		t.Errorf("released bytes %q not poisoned", text)
	}
	if str != strings.Repeat("\xff", len(str)) {
		t.Errorf("released string %q not poisoned", str)
	}
	if v.s != "" || lines[0].s != "" {
		t.Errorf("released values %q, %q not emptied", v.s, lines[0].s)
	}
}

// TestStringsAndValuesStayPut: what a loan handed out is never moved or
// overwritten while it is out, however much more it hands out.
func TestStringsAndValuesStayPut(t *testing.T) {
	l := NewLender(false).Loan()
	var strs []string
	var ptrs []*int
	for i := range 5000 {
		strs = append(strs, l.String([]byte(strings.Repeat("字", i%50+1))))
		p := New[int](l, Fixes)
		*p = i
		ptrs = append(ptrs, p)
	}
	for i := range strs {
		if strs[i] != strings.Repeat("字", i%50+1) || *ptrs[i] != i {
			t.Fatalf("value %d changed: %q, %d", i, strs[i], *ptrs[i])
		}
	}
}
