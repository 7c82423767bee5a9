package main

import (
	"bytes"
	"os"
	"strconv"
	"unsafe"

	"golang.org/x/sys/unix"
)

// heapProbe is the object whose address tells where the heap grows next: large
// enough for a span of its own, which takes the first free pages. It is never
// written.
var heapProbe []byte

const probeSize = 64 << 10

// maxPrefault bounds the pages prefaulted: a run over one report allocates
// about 4 MB, most of it loading the packs.
const maxPrefault = 4 << 20

// prefaultHeap asks the kernel to back, in one call, the heap pages the run is
// about to allocate from. On a virtual machine a page's first touch is a fault
// that costs 10–16 µs (measured on the project's machine; populating a range
// costs 0.75–0.96 µs a page), and a run that loads the packs touches about 700
// fresh pages: faults were a third of its processor time. Go's page allocator
// hands out the lowest free addresses first, so the pages from a new span on
// are those the next allocations take; only the rest of the mapping that holds
// it is populated, memory the runtime has already mapped for its heap. Best
// effort: on kernels before 5.14 (no MADV_POPULATE_WRITE) or without
// /proc/self/maps nothing happens.
func prefaultHeap() {
	heapProbe = make([]byte, probeSize)
	start := uintptr(unsafe.Pointer(unsafe.SliceData(heapProbe))) &^ uintptr(os.Getpagesize()-1)
	maps, err := os.ReadFile("/proc/self/maps")
	if err != nil {
		return
	}
	end, ok := mappingEnd(maps, start)
	if !ok {
		return
	}
	_, _, _ = unix.Syscall(unix.SYS_MADVISE, start, min(end-start, maxPrefault), unix.MADV_POPULATE_WRITE)
}

// mappingEnd returns the end of the writable private mapping of
// /proc/self/maps that holds addr.
func mappingEnd(maps []byte, addr uintptr) (uintptr, bool) {
	for line := range bytes.Lines(maps) {
		lo, rest, _ := bytes.Cut(line, []byte("-"))
		hi, perms, _ := bytes.Cut(rest, []byte(" "))
		from, err1 := strconv.ParseUint(string(lo), 16, 64)
		to, err2 := strconv.ParseUint(string(hi), 16, 64)
		if err1 != nil || err2 != nil || uintptr(from) > addr || addr >= uintptr(to) {
			continue
		}
		return uintptr(to), bytes.HasPrefix(perms, []byte("rw-p"))
	}
	return 0, false
}
