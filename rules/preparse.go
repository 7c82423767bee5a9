package rules

import (
	"sync"

	"github.com/fzlint/fzlint/checker/stackroom"
)

// Preparsed holds the embedded packs parsed ahead of a Load, each on a
// goroutine of its own, started before the Load is called: a run over one
// report starts by loading the packs, and the process has other start-up
// work (package initialisation, reading the command line and the config)
// that the second core can overlap with parsing. A Load takes a pack from
// here (Options.Preparsed) when it finds the pack built in, once: its rules
// are the Load's to adjust (severities), so a later Load parses afresh.
type Preparsed struct {
	mu    sync.Mutex
	packs map[string]*preparse // by id; taken ones are removed
}

// preparse is one embedded pack being parsed; res is set when done closes.
type preparse struct {
	done chan struct{}
	res  parsed
}

// Preparse starts parsing every embedded pack with kinds, which must be the
// Kinds of the Load that takes them. The packs share their patterns while
// they parse, as a Load's packs do (startPatternCache).
func Preparse(kinds map[string]Compiler) *Preparsed {
	end := startPatternCache()
	l := &loader{kinds: kinds, cfg: &Config{}}
	pp := &Preparsed{packs: map[string]*preparse{}}
	var wg sync.WaitGroup
	for _, id := range EmbeddedIDs() {
		p := &preparse{done: make(chan struct{})}
		pp.packs[id] = p
		wg.Go(func() {
			defer close(p.done)
			stackroom.For16K()
			p.res = l.parse(id)
		})
	}
	go func() {
		wg.Wait()
		end()
	}()
	return pp
}

// take returns embedded pack id parsed ahead, once it is parsed, and false
// if pp has none for id (pp nil, or the pack taken by an earlier Load).
func (pp *Preparsed) take(id string) (parsed, bool) {
	if pp == nil {
		return parsed{}, false
	}
	pp.mu.Lock()
	p := pp.packs[id]
	delete(pp.packs, id)
	pp.mu.Unlock()
	if p == nil {
		return parsed{}, false
	}
	<-p.done
	return p.res, true
}
