package match

// AnyOf is the literals of some patterns in the dictionary of a scanned
// text, for passing over the pieces of that text (its lines) that hold
// none of them: such a piece holds a match of none of those patterns (see
// Add). One look at a piece's literals, not one per pattern: a rule of
// thirteen patterns looks at each line of a document once.
type AnyOf struct {
	words [maxAnyWords]bitWord
	n     int
	// every: a pattern added has no literals in the dictionary, or the
	// words did not fit; every piece may hold a match.
	every bool
}

// maxAnyWords bounds the words of literal ids an AnyOf holds: a pattern's
// literals are filed next to each other (one or two words), and a rule has
// a few patterns.
const maxAnyWords = 16

// Add adds p's literals in the dictionary of t, a scanned text: a piece of
// t may hold a match of p only if it holds one of them. A pattern outside
// the dictionary, or without literals, makes every piece one that may.
func (a *AnyOf) Add(t *Text, p *Pattern) {
	e := t.d.entryOf(p)
	if e == nil || e.ids == nil {
		a.every = true
		return
	}
	for _, w := range e.wanted {
		a.addWord(w)
	}
}

// addWord adds the literal ids of word w.
func (a *AnyOf) addWord(w bitWord) {
	for k := range a.words[:a.n] {
		if a.words[k].i == w.i {
			a.words[k].bits |= w.bits
			return
		}
	}
	if a.n == maxAnyWords {
		a.every = true
		return
	}
	a.words[a.n] = w
	a.n++
}

// MayHold tells whether t, a piece of the text the patterns were added
// for, may hold a match of one of them: it holds one of their literals.
func (t *Text) MayHold(a *AnyOf) bool {
	return a.every || t.any(a.words[:a.n])
}
