package annotate_test

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"
)

// odt is what a test reads back from a flat OpenDocument text (.fodt) that
// LibreOffice wrote: the body's paragraphs with every tracked change
// rejected and with every one accepted, and the comments with the text
// they are anchored on (changes rejected).
type odt struct {
	rejected, accepted []string
	comments           []odtComment
}

type odtComment struct {
	author, text, anchored string
}

const (
	nsOffice = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
	nsText   = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
	nsDC     = "http://purl.org/dc/elements/1.1/"
)

// parseFODT reads a .fodt: first the tracked changes (deleted text by id),
// then the body.
func parseFODT(b []byte) (*odt, error) {
	deleted, kinds, err := changes(b)
	if err != nil {
		return nil, err
	}
	d := xml.NewDecoder(bytes.NewReader(b))
	o := &odt{}
	var rej, acc strings.Builder
	inBody, inserted, removed := false, map[string]bool{}, map[string]bool{}
	open := map[string]*strings.Builder{} // comments being anchored, by name
	var comment *odtComment
	depthP, commentP := 0, false
	write := func(s string) {
		if comment != nil {
			if commentP {
				comment.text += s
			}
			return
		}
		if depthP == 0 {
			return // layout between paragraphs
		}
		if len(inserted) == 0 {
			rej.WriteString(s)
			for _, a := range open {
				a.WriteString(s)
			}
		}
		if len(removed) == 0 {
			acc.WriteString(s)
		}
	}
	names := map[string]int{}
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch {
			case t.Name.Space == nsOffice && t.Name.Local == "text":
				inBody = true
			case !inBody:
			case t.Name.Space == nsText && t.Name.Local == "tracked-changes":
				if err := d.Skip(); err != nil {
					return nil, err
				}
			case t.Name.Space == nsOffice && t.Name.Local == "annotation":
				comment = &odtComment{}
				if name := attr(t, "name"); name != "" {
					open[name] = &strings.Builder{}
					names[name] = len(o.comments)
				}
			case comment != nil && t.Name.Space == nsDC && t.Name.Local == "creator":
				var s string
				if err := d.DecodeElement(&s, &t); err != nil {
					return nil, err
				}
				comment.author = s
			case comment != nil && t.Name.Space == nsDC:
				if err := d.Skip(); err != nil {
					return nil, err
				}
			case t.Name.Space == nsOffice && t.Name.Local == "annotation-end":
				name := attr(t, "name")
				if a, ok := open[name]; ok {
					o.comments[names[name]].anchored = a.String()
					delete(open, name)
				}
			case t.Name.Space == nsText && (t.Name.Local == "p" || t.Name.Local == "h"):
				if comment != nil {
					if comment.text != "" {
						comment.text += "\n"
					}
					commentP = true
					continue
				}
				if depthP > 0 {
					write("\n")
				}
				depthP++
			case t.Name.Space == nsText && t.Name.Local == "s":
				n, _ := strconv.Atoi(attr(t, "c"))
				write(strings.Repeat(" ", max(n, 1)))
			case t.Name.Space == nsText && t.Name.Local == "tab":
				write("\t")
			case t.Name.Space == nsText && t.Name.Local == "line-break":
				write(" ")
			case t.Name.Space == nsText && t.Name.Local == "change":
				if comment == nil {
					s := deleted[attr(t, "change-id")]
					rej.WriteString(s)
					for _, a := range open {
						a.WriteString(s)
					}
				}
			case t.Name.Space == nsText && t.Name.Local == "change-start":
				id := attr(t, "change-id")
				if kinds[id] == "deletion" {
					removed[id] = true
				} else {
					inserted[id] = true
				}
			case t.Name.Space == nsText && t.Name.Local == "change-end":
				delete(inserted, attr(t, "change-id"))
				delete(removed, attr(t, "change-id"))
			}
		case xml.EndElement:
			switch {
			case !inBody:
			case t.Name.Space == nsOffice && t.Name.Local == "text":
				inBody = false
			case t.Name.Space == nsOffice && t.Name.Local == "annotation":
				o.comments = append(o.comments, *comment)
				comment = nil
			case comment != nil && t.Name.Space == nsText && t.Name.Local == "p":
				commentP = false
			case comment == nil && t.Name.Space == nsText && (t.Name.Local == "p" || t.Name.Local == "h"):
				depthP--
				if depthP == 0 {
					o.rejected = append(o.rejected, rej.String())
					o.accepted = append(o.accepted, acc.String())
					rej.Reset()
					acc.Reset()
					for _, a := range open {
						a.WriteString("\n")
					}
				}
			}
		case xml.CharData:
			if inBody {
				write(string(t))
			}
		}
	}
	return o, nil
}

// changes maps each change's id to its kind (deletion, insertion) and each
// deletion stored out of the body (older LibreOffice) to the text it deleted.
func changes(b []byte) (map[string]string, map[string]string, error) {
	var doc struct {
		Regions []struct {
			ID       string `xml:"id,attr"`
			Deletion *struct {
				Paras []struct {
					Inner string `xml:",innerxml"`
				} `xml:"p"`
			} `xml:"deletion"`
			Insertion *struct{} `xml:"insertion"`
		} `xml:"body>text>tracked-changes>changed-region"`
	}
	if err := xml.Unmarshal(b, &doc); err != nil {
		return nil, nil, err
	}
	out, kinds := map[string]string{}, map[string]string{}
	for _, r := range doc.Regions {
		if r.Insertion != nil {
			kinds[r.ID] = "insertion"
		}
		if r.Deletion == nil {
			continue
		}
		kinds[r.ID] = "deletion"
		var parts []string
		for _, p := range r.Deletion.Paras {
			parts = append(parts, innerText(p.Inner))
		}
		out[r.ID] = strings.Join(parts, "\n")
	}
	return out, kinds, nil
}

// innerText is the text of a paragraph's content.
func innerText(inner string) string {
	d := xml.NewDecoder(strings.NewReader("<x>" + inner + "</x>"))
	var sb strings.Builder
	for {
		tok, err := d.Token()
		if err != nil {
			return sb.String()
		}
		switch t := tok.(type) {
		case xml.CharData:
			sb.Write(t)
		case xml.StartElement:
			switch t.Name.Local {
			case "s":
				n, _ := strconv.Atoi(attr(t, "c"))
				sb.WriteString(strings.Repeat(" ", max(n, 1)))
			case "tab":
				sb.WriteString("\t")
			}
		}
	}
}

func attr(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}
