package wordxml

import (
	"encoding/xml"
	"strings"
	"testing"
)

func TestTextAndAttr(t *testing.T) {
	d := xml.NewDecoder(strings.NewReader(`<w:t xmlns:w="x" w:val="甲">法治<w:br/>政府</w:t><w:p/>`))
	tok, err := d.Token()
	if err != nil {
		t.Fatal(err)
	}
	start := tok.(xml.StartElement)
	if got := Attr(start, "val"); got != "甲" {
		t.Errorf("Attr = %q", got)
	}
	if got := Attr(start, "none"); got != "" {
		t.Errorf("Attr of a missing attribute = %q", got)
	}
	if got, err := Text(d); err != nil || got != "法治政府" {
		t.Errorf("Text = %q, %v", got, err)
	}
	// Text stops at the element's end: the next token is the sibling.
	if tok, err := d.Token(); err != nil || tok.(xml.StartElement).Name.Local != "p" {
		t.Errorf("after Text: %v, %v", tok, err)
	}
	if _, err := Text(xml.NewDecoder(strings.NewReader(`<a>`))); err == nil {
		t.Error("an unclosed element gives no error")
	}
}

func TestSkipped(t *testing.T) {
	for local, want := range map[string]bool{
		"del": true, "moveFrom": true, "delText": true, "delInstrText": true, "instrText": true,
		"pPrChange": true, "rPrChange": true, "sectPr": true, "tblPr": true, "tblPrEx": true,
		"trPr": true, "tcPr": true, "tblGrid": true, "sdtPr": true, "fldData": true,
		"footnoteReference": true, "endnoteReference": true, "commentReference": true, "annotationRef": true,
		"rt": true,
		"t":  false, "r": false, "ins": false, "p": false, "pPr": false, "rPr": false, "tbl": false, "tc": false,
		"moveTo": false, "Del": false, "": false,
	} {
		if got := Skipped(local); got != want {
			t.Errorf("Skipped(%q) = %v, want %v", local, got, want)
		}
	}
}
