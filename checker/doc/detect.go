package doc

import (
	"bytes"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// detect names the encoding of data, which has no byte order mark and no
// control bytes: UTF-8 when it is valid UTF-8 (checked over the whole file),
// else whichever of UTF-8, GB18030 and Big5 decodes it into the most common
// Chinese characters.
//
// GB18030 and Big5 share their byte ranges, so almost any Chinese text decodes
// without error in both; the wrong one gives rare characters, kana, Cyrillic
// and box drawing where the right one gives 的、是、法、治. Text decoded as
// UTF-8 scores on the same scale, so a UTF-8 file with one bad byte is still
// taken for UTF-8 and refused with the line of that byte.
//
// The score is taken over samples spread across the file (see samples), so a
// long file is not judged on its first kilobytes only, and detection costs the
// same whatever the file's size; decoding then checks every byte.
func detect(data []byte) string {
	if utf8.Valid(data) {
		return EncUTF8
	}
	// A decoding must have a positive score to win: text that is Chinese in
	// none of them (Latin-1, damage) is refused as invalid UTF-8.
	best, bestScore := EncUTF8, 0.0
	for _, enc := range []string{EncUTF8, EncGB18030, EncBig5} {
		hits, total := 0, 0
		for _, s := range samples(data) {
			h, t := commonShare(enc, s)
			hits, total = hits+h, total+t
		}
		if total == 0 {
			continue
		}
		score := float64(hits) / float64(total)
		if score > bestScore {
			best, bestScore = enc, score
		}
	}
	return best
}

const (
	sampleWhole  = 256 << 10 // files up to this size are scored whole
	sampleWindow = 32 << 10
	sampleCount  = 8
)

// samples returns the parts of data that detection scores: all of it when it
// is small, else sampleCount windows spread evenly, each cut at line ends so
// that no window starts inside a multibyte character (no GB18030 or Big5
// character contains a "\n" byte).
func samples(data []byte) [][]byte {
	if len(data) <= sampleWhole {
		return [][]byte{data}
	}
	out := make([][]byte, 0, sampleCount)
	step := (len(data) - sampleWindow) / (sampleCount - 1)
	for k := range sampleCount {
		w := data[k*step : k*step+sampleWindow]
		if k > 0 {
			if i := bytes.IndexByte(w, '\n'); i >= 0 {
				w = w[i+1:]
			}
		}
		if i := bytes.LastIndexByte(w, '\n'); i >= 0 && k < sampleCount-1 {
			w = w[:i+1]
		}
		out = append(out, w)
	}
	return out
}

// commonShare decodes b as enc and counts its non-ASCII characters (total)
// and how many of them are common Chinese characters, less the undecodable ones (hits).
func commonShare(enc string, b []byte) (hits, total int) {
	var text []byte
	if enc == EncUTF8 {
		text = b
	} else {
		e, _ := multibyteEncoding(enc)
		text, _ = e.NewDecoder().Bytes(b)
	}
	set := commonHan()
	for i := 0; i < len(text); {
		if text[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(text[i:])
		i += size
		total++
		switch {
		case r == utf8.RuneError:
			hits--
		case r < 0x10000 && set[r>>6]&(1<<(r&63)) != 0:
			hits++
		}
	}
	return hits, total
}

// commonHan is the set of common Chinese characters, simplified and
// traditional: the 3,755 characters of GB 2312 level 1 and the 5,401 of the
// Big5 frequently-used block, as a bitmap over the BMP.
var commonHan = sync.OnceValue(func() *[1 << 10]uint64 {
	var set [1 << 10]uint64
	add := func(text []byte) {
		for _, r := range string(text) {
			if r < 0x10000 && unicode.Is(unicode.Han, r) {
				set[r>>6] |= 1 << (r & 63)
			}
		}
	}
	var gb, big5 []byte
	for lead := 0xB0; lead <= 0xD7; lead++ { // GB 2312 level 1
		for trail := 0xA1; trail <= 0xFE; trail++ {
			gb = append(gb, byte(lead), byte(trail))
		}
	}
	for lead := 0xA4; lead <= 0xC6; lead++ { // Big5 A440–C67E
		for trail := 0x40; trail <= 0xFE; trail++ {
			if (trail <= 0x7E || trail >= 0xA1) && (lead < 0xC6 || trail <= 0x7E) {
				big5 = append(big5, byte(lead), byte(trail))
			}
		}
	}
	text, _ := simplifiedchinese.GB18030.NewDecoder().Bytes(gb)
	add(text)
	text, _ = traditionalchinese.Big5.NewDecoder().Bytes(big5)
	add(text)
	return &set
})
