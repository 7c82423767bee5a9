package doc

// readDocx reads a .docx into fresh memory, lending nothing.
func readDocx(file string, data []byte) (*Document, error) {
	return readDocxIn(file, data, nil)
}
