package outline

import (
	"strings"
	"unicode/utf8"

	"github.com/fzlint/fzlint/checker/match"
)

// citationMask stands for each character of a cited title: no vocabulary
// pattern matches it.
const citationMask = "□"

// citationMaskRunes sums up citationMask (match.RunesOf), for the sums of
// texts that may be masked.
var citationMaskRunes = match.RunesOf(citationMask)

// implementing are the verbs that make a cited regulation the report's own
// doing: 贯彻落实《……第一责任人职责规定》 reports the duty, 学习《……》 a study
// session.
var implementing = []string{"贯彻", "落实", "执行", "履行", "遵守", "对照"}

// citationsMasked returns view text s with what each 《……》 encloses
// replaced by citationMask: a part or duty named only in a cited title
// (认真学习《党政主要负责人履行推进法治建设第一责任人职责规定》) is not the
// report giving that part. A title right after a verb of implementing it is
// kept. An unclosed 《 masks to the end of s. s is valid UTF-8, as the view is.
func citationsMasked(s string) string {
	i := strings.Index(s, "《")
	if i < 0 {
		return s
	}
	var out strings.Builder // grown at the first character masked
	kept := 0               // s[kept:i] goes to out unchanged
	depth, masking := 0, false
	for i < len(s) {
		// s[i:] starts with a 《 or a 》.
		if strings.HasPrefix(s[i:], "《") {
			if depth == 0 {
				masking = !implemented(s[:i])
			}
			depth++
		} else if depth > 0 {
			depth--
		}
		i += len("《")
		if depth == 0 {
			// Outside a title nothing changes up to the next 《.
			k := strings.Index(s[i:], "《")
			if k < 0 {
				break
			}
			i += k
			continue
		}
		// Inside a title every character is masked, or none, up to the
		// next 《 or 》.
		next := i + bracketIndex(s[i:])
		if masking && next > i {
			if out.Cap() == 0 {
				out.Grow(len(s))
			}
			out.WriteString(s[kept:i])
			writeMasks(&out, utf8.RuneCountInString(s[i:next]))
			kept = next
		}
		i = next
	}
	if kept == 0 {
		return s // every title is implemented, or empty
	}
	out.WriteString(s[kept:])
	return out.String()
}

// bracketIndex returns where the first 《 or 》 (E3 80 8A, E3 80 8B) stands in
// s, len(s) if none does.
func bracketIndex(s string) int {
	for i := 0; ; i++ {
		k := strings.IndexByte(s[i:], 0xE3)
		if k < 0 {
			return len(s)
		}
		i += k
		if strings.HasPrefix(s[i:], "《") || strings.HasPrefix(s[i:], "》") {
			return i
		}
	}
}

// citationMasks is a run of citationMask that writeMasks writes from.
const citationMasks = citationMask + citationMask + citationMask + citationMask +
	citationMask + citationMask + citationMask + citationMask

// writeMasks writes n citationMasks to out.
func writeMasks(out *strings.Builder, n int) {
	for ; n > 0; n -= 8 {
		out.WriteString(citationMasks[:min(n, 8)*len(citationMask)])
	}
}

// implemented tells whether the text before a 《 ends with a verb of
// implementing what it cites.
func implemented(before string) bool {
	for _, v := range implementing {
		if strings.HasSuffix(before, v) {
			return true
		}
	}
	return false
}
