package output

// SeedsOrReports gives the benchmarks of package output_test the package's
// checked seeds (or, where they are absent, testdata/reports).
var SeedsOrReports = seedsOrReports
