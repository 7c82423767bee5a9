package lsp

// The tree shares one -update flag (go test ./... -update rewrites every
// golden file); this package has none, but its test binary must accept it.
import _ "github.com/fzlint/fzlint/checker/golden"
