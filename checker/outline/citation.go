package outline

import "strings"

// citationMask stands for each character of a cited title: no vocabulary
// pattern matches it.
const citationMask = "□"

// citationsMasked returns view text s with what each 《……》 encloses
// replaced by citationMask: a part or duty named only in a cited title
// (认真学习《党政主要负责人履行推进法治建设第一责任人职责规定》) is not the
// report giving that part. An unclosed 《 masks to the end of s.
func citationsMasked(s string) string {
	if !strings.Contains(s, "《") {
		return s
	}
	var out strings.Builder
	out.Grow(len(s))
	depth := 0
	for _, r := range s {
		switch {
		case r == '《':
			depth++
			out.WriteRune(r)
		case r == '》' && depth > 0:
			depth--
			out.WriteRune(r)
		case depth > 0:
			out.WriteString(citationMask)
		default:
			out.WriteRune(r)
		}
	}
	return out.String()
}
