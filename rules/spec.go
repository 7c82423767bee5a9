package rules

import (
	"encoding"
	"reflect"
	"strconv"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"
)

// decodeSpecFast decodes mapping n into the struct v points to as n.Decode
// does, for the specs that are plain: strings, booleans and integers as
// their tags spell them, sequences, mappings with string keys, structs,
// pointers, yaml.v3 Unmarshalers (Regexp) and nodes, reached directly or
// through aliases. A yaml.v3 decoder and its reflection per rule were about
// a twentieth of a one-file check's processor time. It reports false
// for anything else (a null, another tag, a merge key, a key given twice, an
// Unmarshaler's error, heavy aliasing), having restored *v: n.Decode then
// decodes it and reports as it always has. TestDecodeSpecSameAsYAML and
// FuzzDecodeSpec compare the two.
func decodeSpecFast(n *yaml.Node, v any) bool {
	out := reflect.ValueOf(v).Elem()
	saved := reflect.New(out.Type()).Elem()
	saved.Set(out)
	var d specDecoder
	if d.value(n, out) {
		return true
	}
	out.Set(saved)
	return false
}

// specDecoder counts the nodes it reads through aliases, as headDecoder.
type specDecoder struct{ headDecoder }

var (
	nodeType            = reflect.TypeFor[yaml.Node]()
	unmarshalerType     = reflect.TypeFor[yaml.Unmarshaler]()
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// value decodes n into out.
func (d *specDecoder) value(n *yaml.Node, out reflect.Value) bool {
	if out.Type() == nodeType {
		out.Set(reflect.ValueOf(n).Elem())
		return true
	}
	n = d.deref(n)
	if n == nil || d.aliased > maxAliased || n.Tag == "!!null" {
		return false
	}
	for out.Kind() == reflect.Pointer {
		if out.IsNil() {
			out.Set(reflect.New(out.Type().Elem()))
		}
		out = out.Elem()
	}
	if out.Type() == nodeType {
		return false // yaml.v3 decodes into a *yaml.Node's fields
	}
	if reflect.PointerTo(out.Type()).Implements(unmarshalerType) {
		return out.Addr().Interface().(yaml.Unmarshaler).UnmarshalYAML(n) == nil
	}
	if reflect.PointerTo(out.Type()).Implements(textUnmarshalerType) {
		return false
	}
	switch out.Kind() {
	case reflect.String, reflect.Bool, reflect.Int, reflect.Float64:
		return d.scalar(n, out)
	case reflect.Slice:
		return d.sequence(n, out)
	case reflect.Map:
		return out.Type().Key().Kind() == reflect.String && d.mapping(n, out)
	case reflect.Struct:
		return d.structure(n, out)
	}
	return false
}

// scalar decodes a string, a boolean, an int or a float64 spelt plainly.
func (d *specDecoder) scalar(n *yaml.Node, out reflect.Value) bool {
	if n.Kind != yaml.ScalarNode {
		return false
	}
	switch k := out.Kind(); {
	case k == reflect.String && n.Tag == "!!str":
		out.SetString(n.Value)
	case k == reflect.Bool && n.Tag == "!!bool" && (n.Value == "true" || n.Value == "false"):
		out.SetBool(n.Value == "true")
	case (k == reflect.Int || k == reflect.Float64) && n.Tag == "!!int" && plainInt(n.Value):
		i, err := strconv.Atoi(n.Value)
		if err != nil {
			return false
		}
		if k == reflect.Int {
			out.SetInt(int64(i))
		} else {
			out.SetFloat(float64(i))
		}
	default:
		return false
	}
	return true
}

// plainInt tells whether s is a decimal integer of at most nine digits
// without a sign, leading zeros or underscores.
func plainInt(s string) bool {
	if s == "" || len(s) > 9 || s[0] == '0' && len(s) > 1 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// sequence decodes a sequence into a slice.
func (d *specDecoder) sequence(n *yaml.Node, out reflect.Value) bool {
	if n.Kind != yaml.SequenceNode || n.Tag != "!!seq" {
		return false
	}
	s := reflect.MakeSlice(out.Type(), len(n.Content), len(n.Content))
	for i, c := range n.Content {
		if !d.value(c, s.Index(i)) {
			return false
		}
	}
	out.Set(s)
	return true
}

// mapping decodes a mapping into a map with string keys, adding to the map
// out holds, as yaml.v3 does.
func (d *specDecoder) mapping(n *yaml.Node, out reflect.Value) bool {
	if out.IsNil() {
		out.Set(reflect.MakeMap(out.Type()))
	}
	et := out.Type().Elem()
	return d.headDecoder.mapping(n, func(key string, v *yaml.Node) bool {
		e := reflect.New(et).Elem()
		if !d.value(v, e) {
			return false
		}
		out.SetMapIndex(reflect.ValueOf(key).Convert(out.Type().Key()), e)
		return true
	})
}

// structure decodes a mapping into a struct, by its fields' yaml keys; keys
// the struct does not have are ignored, as yaml.v3 ignores them.
func (d *specDecoder) structure(n *yaml.Node, out reflect.Value) bool {
	fields, ok := plainFields(out.Type())
	if !ok {
		return false
	}
	return d.headDecoder.mapping(n, func(key string, v *yaml.Node) bool {
		i, known := fields[key]
		return !known || d.value(v, out.Field(i))
	})
}

// fieldsOf holds plainFields of each struct type met so far.
var fieldsOf sync.Map // reflect.Type → map[string]int, never written to

// plainFields returns the field number of each yaml key of struct type t,
// as yaml.v3 names them (the tag's name, else the field's name in lower
// case; "-" and unexported fields left out). ok is false for a struct with
// an embedded or inline field, a tag without yaml:, or a key given to two
// fields, which decodeSpecFast leaves to yaml.v3.
func plainFields(t reflect.Type) (map[string]int, bool) {
	if fields, ok := fieldsOf.Load(t); ok {
		return fields.(map[string]int), fields.(map[string]int) != nil
	}
	fields := map[string]int{}
	for i := 0; i < t.NumField() && fields != nil; i++ {
		f := t.Field(i)
		tag, hasTag := f.Tag.Lookup("yaml")
		name, flags, _ := strings.Cut(tag, ",")
		switch {
		case f.Anonymous || !hasTag && f.Tag != "" || strings.Contains(","+flags+",", ",inline,"):
			fields = nil // an embedded or inline field, or a tag yaml.v3 reads whole
		case !f.IsExported() || tag == "-":
		default:
			if name == "" {
				name = strings.ToLower(f.Name)
			}
			if _, twice := fields[name]; twice {
				fields = nil
			} else {
				fields[name] = i
			}
		}
	}
	fieldsOf.Store(t, fields)
	return fields, fields != nil
}
