// Package wordxml holds the token-level helpers that the .docx reader
// (checker/doc) and the annotated-document writer (checker/annotate) share
// when they walk WordprocessingML as encoding/xml's tokens. The reader takes
// its tokens from its own scanner, not from an xml.Decoder, and reads
// character data with its own elementText.
package wordxml

import (
	"encoding/xml"
	"strings"
)

// Text returns the character data of an element, read after its start
// element up to its end, nested elements included.
func Text(d *xml.Decoder) (string, error) {
	var sb strings.Builder
	for depth := 1; depth > 0; {
		tok, err := d.Token()
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.CharData:
			sb.Write(t)
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		}
	}
	return sb.String(), nil
}

// Attr returns the value of the attribute of t with local name local, ""
// if it has none (Word's w: prefix is a namespace, not part of the name).
func Attr(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// skipped are elements whose content does not print as body text: deletions,
// field codes, properties and their tracked changes, note and comment marks,
// ruby (pinyin) text above its base.
var skipped = map[string]bool{
	"del": true, "moveFrom": true, "delText": true, "delInstrText": true, "instrText": true,
	"pPrChange": true, "rPrChange": true, "sectPr": true, "tblPr": true, "tblPrEx": true,
	"trPr": true, "tcPr": true, "tblGrid": true, "sdtPr": true, "fldData": true,
	"footnoteReference": true, "endnoteReference": true, "commentReference": true, "annotationRef": true,
	"rt": true,
}

// Skipped tells whether the content of the element with this local name is
// left out of the text: the reader and annotate must leave out the same.
func Skipped(local string) bool { return skipped[local] }
