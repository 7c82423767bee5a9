package rules

import (
	"regexp"
	"slices"
	"strings"
	"sync"
)

// requirementID is how the requirements reference names a requirement:
// R-<SOURCE>-<ARTICLE>-<n> (R-DUCHA-23-2, R-GB9704-7.3.5-2, R-HYG-1).
// Compiled when first used (rules, explain), not at every start.
var requirementID = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`R-[A-Z0-9]+(?:-[A-Z0-9.]+)+`) })

// Requirements lists the requirement ids the rule's description names, each
// once, in the order they first appear: a rule says which requirements it
// checks in its description, where `fzlint explain` shows them too.
func (r *Rule) Requirements() []string {
	ids := []string{}
	for _, id := range requirementID().FindAllString(r.Description, -1) {
		id = strings.TrimRight(id, ".")
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	return ids
}
