package doc

import "fmt"

// Error codes reported in the JSON "error" field for an input that could not be
// checked. They are part of the fzlint/v1 contract: add codes, never rename them.
const (
	ErrNotFound    = "not-found"    // the path does not exist
	ErrUnreadable  = "unreadable"   // permission denied or another I/O error
	ErrEmpty       = "empty"        // the file has no text at all
	ErrBinary      = "binary"       // the file is not text in any supported encoding
	ErrEncoding    = "encoding"     // invalid bytes for the detected or requested encoding
	ErrUnsupported = "unsupported"  // a format fzlint does not read (.doc, .pdf, ...)
	ErrCorrupt     = "corrupt"      // a damaged container (.docx zip, XML)
	ErrEncrypted   = "encrypted"    // a password-protected Office document
	ErrTooLarge    = "too-large"    // over the size limits (file, decompressed part, decoded text, line)
	ErrTooDeep     = "too-deep"     // elements nested deeper than MaxNesting (.docx XML)
	ErrNoText      = "no-text"      // nothing left to check once code, front matter and numbering are set aside
	ErrNoInput     = "no-input"     // a run named inputs but found no file to check in them
	ErrLinkLoop    = "link-loop"    // a symbolic link that leads back to itself
	ErrIsDirectory = "is-directory" // a directory where a file was expected
	ErrInternal    = "internal"     // a bug in fzlint; the file was not checked
)

// ReadError is why an input could not be read. Code is one of the Err* constants.
type ReadError struct {
	Path    string
	Code    string
	Message string // in Chinese, for the drafter
}

func (e *ReadError) Error() string {
	return fmt.Sprintf("%s: %s", e.Path, e.Message)
}

func newError(path, code, format string, args ...any) *ReadError {
	return &ReadError{Path: path, Code: code, Message: fmt.Sprintf(format, args...)}
}
