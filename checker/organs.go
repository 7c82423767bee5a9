package checker

import (
	"cmp"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/fzlint/fzlint/rules"
)

// organsSpec: the organ the title names must be the organ that signs. Each
// organ of the signature (a joint report signs several) must agree with one
// organ of the title, and each organ of the title with one of the signature.
// Two names agree when, after folding the full forms of `short` into their
// short forms (人民政府 → 政府), one is the other with characters left out:
// 青山县政府 and 青山县人民政府 agree, 县司法局 and 青山县司法局, 市府办 and
// 市人民政府办公室; 青山县司法局 and 青山县财政局 do not. A title that names a
// place only (青山县2023年……) agrees with any organ of that place.
// Placeholders: {title} the title's organs, {signature} the signature's.
type organsSpec struct {
	Short map[string]string `yaml:"short"` // full form → short form
}

type organsCheck struct {
	organsSpec
	fold *strings.Replacer
}

func compileOrgans(r *rules.Rule) (any, bool, error) {
	var s organsSpec
	if err := rules.DecodeSpec(r, &s); err != nil {
		return nil, false, err
	}
	// longest full forms first, so that the folding does not depend on the
	// map's order
	fulls := slices.Collect(maps.Keys(s.Short))
	slices.SortFunc(fulls, func(a, b string) int { return cmp.Or(len(b)-len(a), strings.Compare(a, b)) })
	var pairs []string
	for _, full := range fulls {
		if full == "" {
			return nil, false, rules.SpecError(r, "short 的全称不能为空")
		}
		pairs = append(pairs, full, s.Short[full])
	}
	return &organsCheck{organsSpec: s, fold: strings.NewReplacer(pairs...)}, false, nil
}

func (k *organsCheck) Run(c *Context) {
	sig := c.Outline.Signature
	if sig == nil {
		return
	}
	text, _ := c.spanText(sig.Start, sig.End, false)
	signed := strings.Fields(withoutNotes(text))
	titled := strings.Fields(withoutNotes(strings.TrimPrefix(c.titleIssuer(), "关于")))
	if len(signed) == 0 || len(titled) == 0 {
		return
	}
	if k.allAgree(signed, titled) && k.allAgree(titled, signed) {
		return
	}
	c.Report(sig.Start, sig.End, map[string]string{
		"title": strings.Join(titled, "、"), "signature": strings.Join(signed, "、")}, nil)
}

// allAgree tells whether each name of names agrees with one of others.
func (k *organsCheck) allAgree(names, others []string) bool {
	for _, n := range names {
		found := false
		for _, o := range others {
			found = found || k.agree(n, o)
		}
		if !found {
			return false
		}
	}
	return true
}

// agree tells whether a and b name one organ: after folding, the shorter is
// the longer with characters left out.
func (k *organsCheck) agree(a, b string) bool {
	a, b = k.fold.Replace(a), k.fold.Replace(b)
	if utf8.RuneCountInString(a) > utf8.RuneCountInString(b) {
		a, b = b, a
	}
	return leftOut(a, b)
}

// leftOut tells whether short is long with some characters left out (a
// subsequence of it).
func leftOut(short, long string) bool {
	for _, r := range short {
		i := strings.IndexRune(long, r)
		if i < 0 {
			return false
		}
		long = long[i+utf8.RuneLen(r):]
	}
	return true
}
