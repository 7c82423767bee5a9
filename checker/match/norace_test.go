//go:build !race

package match

// corpusShare is the share of the report lines the comparison tests use:
// every line (see race_test.go).
const corpusShare = 1
