package main

import (
	"bytes"
	"errors"
	"os"
	"strconv"
	"sync"
	"unsafe"

	"golang.org/x/sys/unix"
)

// prepareHeap readies the heap for the allocations a run is about to make:
// loading the packs and checking. On this project's virtual machine a page's
// first touch is a fault that costs 10–16 µs, and a run over one report
// touches about 500 fresh heap pages after start-up: faults were a third of
// its processor time. Where the kernel gives transparent huge pages on
// request, the heap asks for them, and a fresh 2 MB of heap costs one fault
// (8 MB touched page by page: 23–28 ms in small pages, 0.5–1.1 ms in huge
// ones); elsewhere the heap's next pages are populated in one call. Best
// effort: without /proc/self/maps nothing happens. Once a process: a command
// run again in the same process (the tests, the benchmarks) finds the heap
// ready.
var prepareHeap = sync.OnceFunc(func() {
	if hugePagesOnRequest() {
		adviseHugeHeap()
		return
	}
	prefaultHeap()
})

// thpSetting is where Linux says when it backs anonymous memory with huge
// pages: "always [madvise] never", the choice in brackets.
const thpSetting = "/sys/kernel/mm/transparent_hugepage/enabled"

// hugePagesOnRequest tells whether the kernel backs memory with transparent
// huge pages where a process asks for them (madvise) or always, and has not
// been told not to for this process (PR_SET_THP_DISABLE, which a container
// runtime may set).
func hugePagesOnRequest() bool {
	var buf [64]byte // "always [madvise] never\n"
	setting, err := readSmallFile(thpSetting, buf[:])
	if err != nil || !bytes.Contains(setting, []byte("[madvise]")) && !bytes.Contains(setting, []byte("[always]")) {
		return false
	}
	disabled, err := unix.PrctlRetInt(unix.PR_GET_THP_DISABLE, 0, 0, 0, 0)
	return err == nil && disabled == 0
}

// spacerSize makes the runtime map fresh heap for the run. The runtime maps
// its heap in 4 MB chunks, as many as an allocation that fits nowhere needs:
// for a spacer of 8 MB and a page it maps 12 MB, and the spacer takes the
// free end of the heap and the start of the new mapping. What follows the
// spacer, the rest of the new mapping (4 MB and the heap's free end before
// it, more than a run over one report allocates), is untouched, so huge pages
// can back it, unlike the heap the runtime and package initialisation have
// already touched in small pages. The spacer is never written, so it takes no
// memory; nothing holds it, so the first collection frees its 8 MB for reuse,
// in huge pages too. Larger, it would bring the first collection of a short
// run forward (it counts as live heap until then).
const spacerSize = 8<<20 + 8<<10

// adviseHugeHeap makes the runtime map fresh heap behind a spacer and asks
// the kernel to back the heap's mapping with huge pages.
func adviseHugeHeap() {
	spacer := make([]byte, spacerSize)
	maps, err := readSmallFile("/proc/self/maps", make([]byte, mapsSize))
	if err != nil {
		return
	}
	start, end, ok := mappingOf(maps, uintptr(unsafe.Pointer(unsafe.SliceData(spacer))))
	if !ok {
		return
	}
	_, _, _ = unix.Syscall(unix.SYS_MADVISE, start, end-start, unix.MADV_HUGEPAGE)
}

// heapProbe is the object whose address tells where the heap grows next: large
// enough for a span of its own, which takes the first free pages. It is never
// written.
var heapProbe []byte

const probeSize = 64 << 10

// maxPrefault bounds the pages prefaulted: a run over one report allocates
// about 4 MB, most of it loading the packs.
const maxPrefault = 4 << 20

// prefaultHeap asks the kernel to back, in one call, the heap pages the run is
// about to allocate from (populating a range costs a fraction of faulting its
// pages one by one). Go's page allocator hands out the lowest free addresses
// first, so the pages from a new span on are those the next allocations
// take; only the rest of the mapping that holds it is populated, memory the
// runtime has already mapped for its heap. On kernels before 5.14 (no
// MADV_POPULATE_WRITE) nothing happens.
func prefaultHeap() {
	heapProbe = make([]byte, probeSize)
	start := uintptr(unsafe.Pointer(unsafe.SliceData(heapProbe))) &^ uintptr(os.Getpagesize()-1)
	maps, err := readSmallFile("/proc/self/maps", make([]byte, mapsSize))
	if err != nil {
		return
	}
	_, end, ok := mappingOf(maps, start)
	if !ok {
		return
	}
	_, _, _ = unix.Syscall(unix.SYS_MADVISE, start, min(end-start, maxPrefault), unix.MADV_POPULATE_WRITE)
}

// mapsSize holds the /proc/self/maps of a run: some 30 lines, under 2 KB.
const mapsSize = 4 << 10

// readSmallFile returns the contents of the kernel's file at path, read into
// buf by plain system calls when they fit in it, else by os.ReadFile. At
// every start, os.ReadFile started the runtime's network poller (a sysfs
// file can be polled: three more system calls, and a poller the scheduler
// then checks), stat'ed the file and grew its buffer from 512 bytes.
func readSmallFile(path string, buf []byte) ([]byte, error) {
	fd, err := unix.Open(path, unix.O_RDONLY|unix.O_CLOEXEC, 0)
	if err != nil {
		return nil, err
	}
	defer unix.Close(fd)
	n, err := fill(buf, func(b []byte) (int, error) { return unix.Read(fd, b) })
	switch {
	case err != nil:
		return nil, err
	case n < len(buf):
		return buf[:n], nil
	}
	return os.ReadFile(path) // as large as buf or larger
}

// fill reads into buf until read reports the end or buf is full, and
// returns how much it read. An interrupted read (EINTR, which reports -1
// bytes) is tried again.
func fill(buf []byte, read func([]byte) (int, error)) (int, error) {
	n := 0
	for n < len(buf) {
		m, err := read(buf[n:])
		switch {
		case errors.Is(err, unix.EINTR):
			continue
		case err != nil:
			return n, err
		case m == 0:
			return n, nil
		}
		n += m
	}
	return n, nil
}

// mappingOf returns the bounds of the writable private mapping of
// /proc/self/maps that holds addr.
func mappingOf(maps []byte, addr uintptr) (start, end uintptr, ok bool) {
	for line := range bytes.Lines(maps) {
		lo, rest, _ := bytes.Cut(line, []byte("-"))
		hi, perms, _ := bytes.Cut(rest, []byte(" "))
		from, err1 := strconv.ParseUint(string(lo), 16, 64)
		to, err2 := strconv.ParseUint(string(hi), 16, 64)
		if err1 != nil || err2 != nil || uintptr(from) > addr || addr >= uintptr(to) {
			continue
		}
		return uintptr(from), uintptr(to), bytes.HasPrefix(perms, []byte("rw-p"))
	}
	return 0, 0, false
}
