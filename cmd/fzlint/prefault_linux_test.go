package main

import (
	"bytes"
	"errors"
	"os"
	"testing"
	"unsafe"

	"golang.org/x/sys/unix"
)

func TestMappingOf(t *testing.T) {
	maps := []byte(`00400000-004ac000 r-xp 00000000 fe:00 9978434                            /usr/local/bin/fzlint
339990000000-339991000000 ---p 00000000 00:00 0
339991000000-339991400000 rw-p 00000000 00:00 0
7ffdb84a9000-7ffdb84ca000 rw-p 00000000 00:00 0                          [stack]
`)
	for _, c := range []struct {
		addr       uintptr
		start, end uintptr
		ok         bool
	}{
		{0x339991320000, 0x339991000000, 0x339991400000, true},
		{0x339991000000, 0x339991000000, 0x339991400000, true},
		{0x339991400000, 0, 0, false},                           // the end is outside
		{0x339990800000, 0x339990000000, 0x339991000000, false}, // reserved, not writable
		{0x00401000, 0x00400000, 0x004ac000, false},             // the program's code
		{0x10000, 0, 0, false},
	} {
		start, end, ok := mappingOf(maps, c.addr)
		if ok != c.ok || ok && (start != c.start || end != c.end) {
			t.Errorf("mappingOf(%#x) = %#x, %#x, %v; want %#x, %#x, %v", c.addr, start, end, ok, c.start, c.end, c.ok)
		}
	}
}

// TestMappingOfHeap: this process's heap is found in its own maps.
func TestMappingOfHeap(t *testing.T) {
	obj := make([]byte, probeSize)
	heapProbe = obj
	addr := uintptr(unsafe.Pointer(unsafe.SliceData(obj)))
	maps, err := os.ReadFile("/proc/self/maps") // after the allocation, which may map more heap
	if err != nil {
		t.Skipf("no /proc/self/maps: %v", err)
	}
	start, end, ok := mappingOf(maps, addr)
	if !ok || start > addr || end <= addr {
		t.Errorf("mappingOf(%#x) = %#x, %#x, %v: the heap object's mapping was not found", addr, start, end, ok)
	}
}

// TestAdviseHugeHeap: after adviseHugeHeap the heap that later allocations
// take is marked for huge pages ("hg" among the mapping's VmFlags).
func TestAdviseHugeHeap(t *testing.T) {
	if !hugePagesOnRequest() {
		t.Skip("the kernel gives no transparent huge pages on request")
	}
	adviseHugeHeap()
	obj := make([]byte, probeSize)
	heapProbe = obj
	smaps, err := os.ReadFile("/proc/self/smaps")
	if err != nil {
		t.Skipf("no /proc/self/smaps: %v", err)
	}
	flags, ok := vmFlags(smaps, uintptr(unsafe.Pointer(unsafe.SliceData(obj))))
	if !ok {
		t.Fatal("the heap object's mapping is not in /proc/self/smaps")
	}
	if !bytes.Contains(append(flags, ' '), []byte(" hg ")) {
		t.Errorf("the heap object's mapping has VmFlags %q, without hg", flags)
	}
}

// vmFlags returns the VmFlags line of the mapping of smaps that holds addr.
func vmFlags(smaps []byte, addr uintptr) ([]byte, bool) {
	inside := false
	for line := range bytes.Lines(smaps) {
		if first, _, _ := bytes.Cut(line, []byte(" ")); !bytes.HasSuffix(first, []byte(":")) {
			// A mapping's first line, not one of its fields.
			_, end, _ := mappingOf(line, addr)
			inside = end != 0
		}
		if flags, found := bytes.CutPrefix(line, []byte("VmFlags:")); found && inside {
			return bytes.TrimSpace(flags), true
		}
	}
	return nil, false
}

// TestReadSmallFile: readSmallFile reads what os.ReadFile reads, into the
// buffer when it fits and by os.ReadFile when not.
func TestReadSmallFile(t *testing.T) {
	for _, path := range []string{thpSetting, "/proc/self/cmdline", "prefault_linux.go"} {
		want, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		for _, size := range []int{1, len(want) - 1, len(want), len(want) + 1, mapsSize} {
			if size < 1 {
				continue
			}
			got, err := readSmallFile(path, make([]byte, size))
			if err != nil || !bytes.Equal(got, want) {
				t.Errorf("readSmallFile(%s, %d bytes) = %q, %v; os.ReadFile read %q", path, size, got, err, want)
			}
		}
	}
	if _, err := readSmallFile("/nosuch/file", make([]byte, 8)); err == nil {
		t.Error("no error for a missing file")
	}
}

// TestFillRetriesInterrupted: an interrupted read (-1 bytes, EINTR) is tried
// again and counts nothing; other errors end the fill.
func TestFillRetriesInterrupted(t *testing.T) {
	replies := []struct {
		data string
		err  error
	}{{"ab", nil}, {"", unix.EINTR}, {"cd", nil}, {"", unix.EINTR}, {"", nil}}
	read := func(b []byte) (int, error) {
		r := replies[0]
		replies = replies[1:]
		if r.err != nil {
			return -1, r.err
		}
		return copy(b, r.data), nil
	}
	buf := make([]byte, 8)
	n, err := fill(buf, read)
	if err != nil || string(buf[:n]) != "abcd" {
		t.Errorf("fill = %q, %v; want \"abcd\"", buf[:n], err)
	}
	failing := func([]byte) (int, error) { return -1, unix.EIO }
	if _, err := fill(buf, failing); !errors.Is(err, unix.EIO) {
		t.Errorf("fill with a failing read: %v, want EIO", err)
	}
}
