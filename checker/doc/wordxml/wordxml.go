// Package wordxml holds the token-level helpers that the .docx reader
// (checker/doc) and the annotated-document writer (checker/annotate) share
// when they walk WordprocessingML as encoding/xml's tokens. The reader takes
// its tokens from its own scanner, not from an xml.Decoder, and reads
// character data itself (a body's w:t straight into its paragraph).
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

// Skipped tells whether the content of the element with this local name is
// left out of the text: the reader and annotate must leave out the same.
// They are deletions, field codes, properties and their tracked changes,
// note and comment marks, and ruby (pinyin) text above its base. A switch,
// not a map: the reader asks for every element of a body.
func Skipped(local string) bool {
	switch local {
	case "del", "moveFrom", "delText", "delInstrText", "instrText",
		"pPrChange", "rPrChange", "sectPr", "tblPr", "tblPrEx",
		"trPr", "tcPr", "tblGrid", "sdtPr", "fldData",
		"footnoteReference", "endnoteReference", "commentReference", "annotationRef",
		"rt":
		return true
	}
	return false
}
