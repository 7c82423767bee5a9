//go:build race

package match

// corpusShare is the share of the report lines the comparison tests use: the
// race detector makes them some ten times slower, and a sample of the corpus
// still runs every pattern and every search strategy.
const corpusShare = 32
