package outline

import "strings"

// citationMask stands for each character of a cited title: no vocabulary
// pattern matches it.
const citationMask = "□"

// implementing are the verbs that make a cited regulation the report's own
// doing: 贯彻落实《……第一责任人职责规定》 reports the duty, 学习《……》 a study
// session.
var implementing = []string{"贯彻", "落实", "执行", "履行", "遵守", "对照"}

// citationsMasked returns view text s with what each 《……》 encloses
// replaced by citationMask: a part or duty named only in a cited title
// (认真学习《党政主要负责人履行推进法治建设第一责任人职责规定》) is not the
// report giving that part. A title right after a verb of implementing it is
// kept. An unclosed 《 masks to the end of s.
func citationsMasked(s string) string {
	if !strings.Contains(s, "《") {
		return s
	}
	var out strings.Builder
	out.Grow(len(s))
	depth, masking := 0, false
	for i, r := range s {
		switch {
		case r == '《':
			if depth == 0 {
				masking = !implemented(s[:i])
			}
			depth++
			out.WriteRune(r)
		case r == '》' && depth > 0:
			depth--
			out.WriteRune(r)
		case depth > 0 && masking:
			out.WriteString(citationMask)
		default:
			out.WriteRune(r)
		}
	}
	return out.String()
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
