package doc

// readText reads plain text in any supported encoding.
func readText(path string, data []byte, opts Options) (*Document, error) {
	text, enc, err := decode(path, data, opts.Encoding, opts.owned)
	if err != nil {
		return nil, err
	}
	d := newDocumentIn(opts.Loan, path, FormatText, enc, text, validDecoded(enc, text))
	d.Source = data
	return d, nil
}
