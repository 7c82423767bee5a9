package main

import (
	"os"
	"testing"
	"unsafe"
)

func TestMappingEnd(t *testing.T) {
	maps := []byte(`00400000-004ac000 r-xp 00000000 fe:00 9978434                            /usr/local/bin/fzlint
339990000000-339991000000 ---p 00000000 00:00 0
339991000000-339991400000 rw-p 00000000 00:00 0
7ffdb84a9000-7ffdb84ca000 rw-p 00000000 00:00 0                          [stack]
`)
	for _, c := range []struct {
		addr uintptr
		end  uintptr
		ok   bool
	}{
		{0x339991320000, 0x339991400000, true},
		{0x339991000000, 0x339991400000, true},
		{0x339991400000, 0, false},              // the end is outside
		{0x339990800000, 0x339991000000, false}, // reserved, not writable
		{0x00401000, 0x004ac000, false},         // the program's code
		{0x10000, 0, false},
	} {
		end, ok := mappingEnd(maps, c.addr)
		if ok != c.ok || ok && end != c.end {
			t.Errorf("mappingEnd(%#x) = %#x, %v; want %#x, %v", c.addr, end, ok, c.end, c.ok)
		}
	}
}

// TestMappingEndOfHeap: this process's heap is found in its own maps.
func TestMappingEndOfHeap(t *testing.T) {
	obj := make([]byte, probeSize)
	heapProbe = obj
	addr := uintptr(unsafe.Pointer(unsafe.SliceData(obj)))
	maps, err := os.ReadFile("/proc/self/maps") // after the allocation, which may map more heap
	if err != nil {
		t.Skipf("no /proc/self/maps: %v", err)
	}
	end, ok := mappingEnd(maps, addr)
	if !ok || end <= addr {
		t.Errorf("mappingEnd(%#x) = %#x, %v: the heap object's mapping was not found", addr, end, ok)
	}
}
