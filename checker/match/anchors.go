package match

import "strings"

// neverMatches is an expression no text matches: an empty class.
const neverMatches = `[^\x00-\x{10FFFF}]`

// cutAnchors rewrites expression expr so that its begin-of-text assertions
// (^ and \A outside classes; begin) or its end-of-text ones ($ and \z; end)
// never hold: what they mean in a window that starts after the text's start
// or ends before its end. It works on the source text, not the parsed tree,
// because printing a tree with large classes (\p{Han}) costs milliseconds.
// Multi-line anchors never get here (a windowed pattern has none).
func cutAnchors(expr string, begin, end bool) string {
	var b strings.Builder
	for i := 0; i < len(expr); {
		c := expr[i]
		switch {
		case c == '\\' && i+1 < len(expr):
			n := escapeLen(expr, i)
			switch expr[i+1] {
			case 'A':
				if begin {
					b.WriteString(neverMatches)
					i += n
					continue
				}
			case 'z':
				if end {
					b.WriteString(neverMatches)
					i += n
					continue
				}
			}
			b.WriteString(expr[i : i+n])
			i += n
		case c == '[':
			n := classLen(expr, i)
			b.WriteString(expr[i : i+n])
			i += n
		case c == '^' && begin, c == '$' && end:
			b.WriteString(neverMatches)
			i++
		default:
			b.WriteByte(c)
			i++
		}
	}
	return b.String()
}

// escapeLen is the length of the escape starting at expr[i] (a backslash):
// \Q…\E and \p{…}, \x{…} span more than two bytes.
func escapeLen(expr string, i int) int {
	switch expr[i+1] {
	case 'Q':
		if k := strings.Index(expr[i+2:], `\E`); k >= 0 {
			return 2 + k + 2
		}
		return len(expr) - i
	case 'p', 'P', 'x':
		if i+2 < len(expr) && expr[i+2] == '{' {
			if k := strings.IndexByte(expr[i+2:], '}'); k >= 0 {
				return 2 + k + 1
			}
		}
	}
	return 2
}

// classLen is the length of the character class starting at expr[i] ('['):
// a ']' right after "[" or "[^" belongs to the class, escapes and [:name:]
// do not end it.
func classLen(expr string, i int) int {
	j := i + 1
	if j < len(expr) && expr[j] == '^' {
		j++
	}
	if j < len(expr) && expr[j] == ']' {
		j++
	}
	for j < len(expr) {
		switch {
		case expr[j] == '\\' && j+1 < len(expr):
			j += escapeLen(expr, j)
		case expr[j] == '[' && j+1 < len(expr) && expr[j+1] == ':':
			if k := strings.Index(expr[j:], ":]"); k >= 0 {
				j += k + 2
			} else {
				j++
			}
		case expr[j] == ']':
			return j + 1 - i
		default:
			j++
		}
	}
	return len(expr) - i
}
