package doc

import (
	"encoding/binary"
	"math/bits"
	"sync"
)

// inflater decodes a whole raw DEFLATE stream (RFC 1951) held in memory
// into a buffer of the size the zip directory declares, three to four
// times as fast as compress/flate, which reads its input a byte at a time
// through an io.ByteReader and writes through a 32 KB window. It reads the
// common case only: where it is unsure (damaged or truncated data, more
// output than declared), it gives up and the part is read by archive/zip,
// so that a part reads, or is refused, exactly as before. It must never
// accept a stream compress/flate refuses: it refuses the same codes (an
// over-subscribed or incomplete code, but for one code of one bit),
// distances before the start of the output, lengths 286–287 and distances
// 30–31, and input that ends early. TestInflateMatchesFlate holds it to
// that.
type inflater struct {
	in   []byte
	pos  int    // bytes of in loaded into bits, counting zeros loaded past its end
	bits uint64 // the bits loaded and not yet read, first read lowest
	nb   uint   // how many of bits are loaded
	// The codes of the dynamic block being read.
	lit, dist, lens huffTable
	lengths         [maxLitCodes + maxDistCodes]uint8
}

const (
	maxLitCodes  = 286 // RFC 1951's HLIT: more is an error, as in compress/flate
	maxDistCodes = 30
	litBits      = 9 // bits the first look-up in a literal/length table takes
	distBits     = 7
	lensBits     = 7 // code-length codes are at most 7 bits: one look-up
)

var inflaterPool = sync.Pool{New: func() any { return new(inflater) }}

// inflate appends the data of the DEFLATE stream in to out, up to limit
// bytes in all (at most out's capacity); ok is false if the stream is not
// one inflate reads to its end within in and limit.
func inflate(out []byte, limit int, in []byte) (_ []byte, ok bool) {
	limit = min(limit, cap(out))
	z := inflaterPool.Get().(*inflater)
	z.in, z.pos, z.bits, z.nb = in, 0, 0, 0
	defer func() {
		z.in = nil
		inflaterPool.Put(z)
	}()
	fixed := fixedCodes()
	for {
		if z.readPast() {
			return out, false
		}
		z.need(3)
		final, kind := z.bits&1 == 1, z.bits>>1&3
		z.drop(3)
		switch kind {
		case 0:
			out, ok = z.stored(out, limit)
		case 1:
			out, ok = z.codes(out, limit, &fixed.lit, &fixed.dist)
		case 2:
			if ok = z.dynamic(); ok {
				out, ok = z.codes(out, limit, &z.lit, &z.dist)
			}
		default:
			ok = false
		}
		if !ok || final {
			return out, ok && !z.readPast()
		}
	}
}

// readPast tells whether more bits were read than in holds: the bits past
// its end are zeros, which compress/flate would have found missing.
func (z *inflater) readPast() bool {
	return 8*z.pos-int(z.nb) > 8*len(z.in)
}

// need loads bits until at least n (at most 56) are loaded.
func (z *inflater) need(n uint) {
	if z.nb < n {
		z.refill()
	}
}

// refill loads whole bytes of in until 56 or more bits are loaded; past
// the end of in, zeros (readPast tells). Eight bytes are loaded at once
// where in has them: those that do not fit are loaded again by the next
// refill, at the same place.
func (z *inflater) refill() {
	if z.pos+8 <= len(z.in) {
		z.bits |= binary.LittleEndian.Uint64(z.in[z.pos:]) << z.nb
		z.pos += int(63-z.nb) >> 3
		z.nb |= 56
		return
	}
	for z.nb <= 56 {
		if z.pos < len(z.in) {
			z.bits |= uint64(z.in[z.pos]) << z.nb
		}
		z.pos++
		z.nb += 8
	}
}

func (z *inflater) drop(n uint) {
	z.bits >>= n
	z.nb -= n
}

// stored copies a stored block, its header read.
func (z *inflater) stored(out []byte, limit int) ([]byte, bool) {
	z.drop(z.nb & 7) // to the byte
	at := z.pos - int(z.nb>>3)
	z.bits, z.nb = 0, 0
	if at+4 > len(z.in) {
		return out, false
	}
	n := int(binary.LittleEndian.Uint16(z.in[at:]))
	if uint16(n) != ^binary.LittleEndian.Uint16(z.in[at+2:]) {
		return out, false
	}
	at += 4
	if n > len(z.in)-at || n > limit-len(out) {
		return out, false
	}
	z.pos = at + n
	return append(out, z.in[at:at+n]...), true
}

// codeLengthOrder is the order a dynamic block's header gives the lengths
// of the code-length code in.
var codeLengthOrder = [19]uint8{16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15}

// dynamic reads the header of a dynamic block into z.lit and z.dist, as
// compress/flate's readHuffman does.
func (z *inflater) dynamic() bool {
	z.need(14)
	nlit := int(z.bits&31) + 257
	ndist := int(z.bits>>5&31) + 1
	nlens := int(z.bits>>10&15) + 4
	z.drop(14)
	if nlit > maxLitCodes || ndist > maxDistCodes {
		return false
	}
	var lensLengths [19]uint8
	for _, sym := range codeLengthOrder[:nlens] {
		z.need(3)
		lensLengths[sym] = uint8(z.bits & 7)
		z.drop(3)
	}
	if !z.lens.build(lensLengths[:], lensBits, codeLengthEntries[:]) {
		return false
	}
	lengths := z.lengths[:nlit+ndist]
	for i := 0; i < len(lengths); {
		z.need(lensBits + 7)
		e := z.lens.t[z.bits&(1<<lensBits-1)]
		if e&entryLen == 0 {
			return false
		}
		z.drop(uint(e & entryLen))
		sym := uint8(e >> entryValueShift)
		if sym < 16 {
			lengths[i] = sym
			i++
			continue
		}
		var length uint8
		var repeat int
		switch sym {
		case 16:
			if i == 0 {
				return false
			}
			length, repeat = lengths[i-1], 3+int(z.bits&3)
			z.drop(2)
		case 17:
			repeat = 3 + int(z.bits&7)
			z.drop(3)
		default: // 18
			repeat = 11 + int(z.bits&127)
			z.drop(7)
		}
		if repeat > len(lengths)-i {
			return false
		}
		for range repeat {
			lengths[i] = length
			i++
		}
	}
	return z.lit.build(lengths[:nlit], litBits, litEntries[:]) &&
		z.dist.build(lengths[nlit:], distBits, distEntries[:])
}

// codes decodes a block's literals and copies up to its end, writing out
// up to limit bytes (out's capacity may be more: copyBack writes whole
// words past what it copies). The bit reader's state is kept in local
// values, which the compiler keeps in registers.
func (z *inflater) codes(out []byte, limit int, lit, dist *huffTable) (_ []byte, ok bool) {
	in, pos, bits, nb := z.in, z.pos, z.bits, z.nb
	// refill loads at least 56 bits: a literal/length code and its extra
	// bits take at most 15+5, a distance code and its extra bits 15+13,
	// so that it runs about once for three literals.
	refill := func() {
		if pos+8 <= len(in) {
			bits |= binary.LittleEndian.Uint64(in[pos:]) << nb
			pos += int(63-nb) >> 3
			nb |= 56
			return
		}
		z.pos, z.bits, z.nb = pos, bits, nb
		z.refill()
		pos, bits, nb = z.pos, z.bits, z.nb
	}
	for {
		if nb < 15+5 {
			refill()
		}
		e := lit.lookup(bits, litBits)
		n := uint(e & entryLen)
		bits >>= n
		nb -= n
		if e&entryOp == opLiteral && n > 0 && len(out) < limit {
			out = append(out, byte(e>>entryValueShift))
			continue
		}
		if n == 0 || e&entryOp != opLength {
			ok = n > 0 && e&entryOp == opEnd
			break
		}
		extra := uint(e>>entryExtraShift) & 15
		length := int(e>>entryValueShift) + int(bits&(1<<extra-1))
		bits >>= extra
		nb -= extra
		if nb < 15+13 {
			refill()
		}
		e = dist.lookup(bits, distBits)
		n = uint(e & entryLen)
		if n == 0 || e&entryOp != opDistance {
			break
		}
		bits >>= n
		nb -= n
		extra = uint(e>>entryExtraShift) & 15
		d := int(e>>entryValueShift) + int(bits&(1<<extra-1))
		bits >>= extra
		nb -= extra
		if d > len(out) || length > limit-len(out) {
			break
		}
		out = copyBack(out, d, length)
	}
	z.pos, z.bits, z.nb = pos, bits, nb
	return out, ok
}

// copyBack appends the length bytes that start d bytes before the end of
// out, which may overlap what it appends: what is copied repeats with
// period d. Where d is eight or more and out has room for a word more,
// it copies a word at a time, up to seven bytes past the copy, which the
// next writes overwrite.
func copyBack(out []byte, d, length int) []byte {
	end := len(out)
	from := end - d
	if d >= 8 && end+length+8 <= cap(out) {
		full := out[:cap(out)]
		for at := end; at < end+length; at, from = at+8, from+8 {
			binary.LittleEndian.PutUint64(full[at:], binary.LittleEndian.Uint64(full[from:]))
		}
		return out[:end+length]
	}
	out = out[:end+length]
	for at := end; at < len(out); {
		at += copy(out[at:], out[from:at])
	}
	return out
}

// huffTable decodes one code: its first look-up takes a fixed number of
// bits; an entry for a longer code links to a second table, after the
// first in t, which takes the rest.
type huffTable struct {
	t []uint32
}

// An entry of a huffTable: its code's length in bits (0: no code there),
// what the code is, the extra bits that follow it and its value (a
// literal byte, a length's or distance's base, a code length, or a second
// table's offset in t).
const (
	entryLen        = 0xF
	entryOp         = 0xF0
	entryExtraShift = 8 // 4 bits: extra bits, or a second table's index bits
	entryValueShift = 16

	opLiteral  = 0x10
	opLength   = 0x20
	opEnd      = 0x30
	opDistance = 0x40
	opBad      = 0x50 // a code RFC 1951 reserves: an error where it is read
	opLink     = 0x60
	opLens     = 0x70 // a code length, or the repeats 16–18
)

// lookup returns the entry of the code bits start with.
func (h *huffTable) lookup(bits uint64, first uint) uint32 {
	e := h.t[bits&(1<<first-1)]
	if e&entryOp == opLink {
		e = h.t[int(e>>entryValueShift)+int(bits>>first)&(1<<(e>>entryExtraShift&15)-1)]
	}
	return e
}

// build makes h the table of the canonical code with these lengths, whose
// symbols' entries are entries (their lengths added), first-bit look-ups
// first. It is false where compress/flate's huffmanDecoder.init refuses
// the code: over-subscribed, or incomplete but for a single code of one
// bit. A code of no lengths builds: any look-up in it fails, as in
// compress/flate.
func (h *huffTable) build(lengths []uint8, first uint, entries []uint32) bool {
	var count [16]int
	maxLen := uint(0)
	for _, l := range lengths {
		count[l]++
		maxLen = max(maxLen, uint(l))
	}
	size := 1 << first
	h.t = append(h.t[:0], make([]uint32, size)...)
	if maxLen == 0 {
		return true
	}
	var next [16]int
	code := 0
	for l := 1; l <= int(maxLen); l++ {
		code <<= 1
		next[l] = code
		code += count[l]
	}
	if code != 1<<maxLen && (code != 1 || maxLen != 1) {
		return false
	}
	// A symbol's code as read, lowest bit first, is its canonical code
	// reversed.
	var codes [maxLitCodes + 2]uint16
	var secondBits [1 << litBits]uint8 // for each first look-up, the bits its second takes
	var linked [maxLitCodes + 2]uint16 // the first look-ups that link to a second
	nLinked := 0
	for sym, l := range lengths {
		if l == 0 {
			continue
		}
		c := bits.Reverse16(uint16(next[l])) >> (16 - l)
		next[l]++
		codes[sym] = c
		if uint(l) > first {
			i := c & uint16(size-1)
			if secondBits[i] == 0 {
				linked[nLinked] = i
				nLinked++
			}
			secondBits[i] = max(secondBits[i], l-uint8(first))
		}
	}
	for _, i := range linked[:nLinked] {
		b := secondBits[i]
		h.t[i] = opLink | uint32(b)<<entryExtraShift | uint32(len(h.t))<<entryValueShift
		h.t = append(h.t, make([]uint32, 1<<b)...)
	}
	for sym, l := range lengths {
		if l == 0 {
			continue
		}
		e, c := entries[sym]|uint32(l), int(codes[sym])
		if uint(l) <= first {
			for i := c; i < size; i += 1 << l {
				h.t[i] = e
			}
			continue
		}
		link := h.t[c&(size-1)]
		second := h.t[link>>entryValueShift:][:1<<(link>>entryExtraShift&15)]
		for i := c >> first; i < len(second); i += 1 << (uint(l) - first) {
			second[i] = e
		}
	}
	return true
}

// The entries of each code's symbols, lengths not yet added.
var (
	litEntries        = makeLitEntries()
	distEntries       = makeDistEntries()
	codeLengthEntries = makeCodeLengthEntries()
)

func makeLitEntries() (e [288]uint32) {
	for sym := range 256 {
		e[sym] = opLiteral | uint32(sym)<<entryValueShift
	}
	e[256] = opEnd
	base := 3
	for sym := 257; sym < 285; sym++ {
		extra := 0
		if sym >= 265 {
			extra = (sym - 261) / 4
		}
		e[sym] = opLength | uint32(extra)<<entryExtraShift | uint32(base)<<entryValueShift
		base += 1 << extra
	}
	e[285] = opLength | 258<<entryValueShift
	e[286], e[287] = opBad, opBad
	return e
}

func makeDistEntries() (e [32]uint32) {
	base := 1
	for sym := range 30 {
		extra := 0
		if sym >= 4 {
			extra = sym/2 - 1
		}
		e[sym] = opDistance | uint32(extra)<<entryExtraShift | uint32(base)<<entryValueShift
		base += 1 << extra
	}
	e[30], e[31] = opBad, opBad
	return e
}

func makeCodeLengthEntries() (e [19]uint32) {
	for sym := range e {
		e[sym] = opLens | uint32(sym)<<entryValueShift
	}
	return e
}

// fixedTables are the codes of RFC 1951's fixed blocks.
type fixedTables struct {
	lit, dist huffTable
}

var fixedCodes = sync.OnceValue(func() *fixedTables {
	var lengths [288]uint8
	for sym := range lengths {
		switch {
		case sym < 144:
			lengths[sym] = 8
		case sym < 256:
			lengths[sym] = 9
		case sym < 280:
			lengths[sym] = 7
		default:
			lengths[sym] = 8
		}
	}
	dist := [32]uint8{}
	for sym := range dist {
		dist[sym] = 5
	}
	f := &fixedTables{}
	f.lit.build(lengths[:], litBits, litEntries[:])
	f.dist.build(dist[:], distBits, distEntries[:])
	return f
})
