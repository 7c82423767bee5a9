package rules_test

import (
	"reflect"
	"testing"

	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/rules"
)

// TestDecodeSpecSameAsYAML: the embedded packs load to the same rules, checks
// and outline whether their specs are decoded by decodeSpecFast or by
// yaml.v3 alone.
func TestDecodeSpecSameAsYAML(t *testing.T) {
	fast, err := rules.Load(rules.Options{Kinds: checker.Kinds()})
	if err != nil {
		t.Fatal(err)
	}
	var slow *rules.Set
	rules.WithYAMLDecoding(func() {
		slow, err = rules.Load(rules.Options{Kinds: checker.Kinds()})
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(fast.Packs) != len(slow.Packs) {
		t.Fatalf("%d packs, %d with yaml.v3", len(fast.Packs), len(slow.Packs))
	}
	for i, p := range fast.Packs {
		q := slow.Packs[i]
		if p.ID != q.ID || p.Title != q.Title || p.Source != q.Source || p.Description != q.Description ||
			!reflect.DeepEqual(p.Extends, q.Extends) || !reflect.DeepEqual(p.Settings, q.Settings) ||
			!reflect.DeepEqual(p.Overrides, q.Overrides) || !reflect.DeepEqual(p.Roles, q.Roles) || len(p.Debris) != len(q.Debris) {
			t.Errorf("pack %s loads otherwise with yaml.v3", p.ID)
		}
	}
	if len(fast.Rules) != len(slow.Rules) {
		t.Fatalf("%d rules, %d with yaml.v3", len(fast.Rules), len(slow.Rules))
	}
	for i, r := range fast.Rules {
		if !sameValue(reflect.ValueOf(r), reflect.ValueOf(slow.Rules[i]), map[[2]uintptr]bool{}) {
			t.Errorf("%s loads otherwise with yaml.v3", r.ID)
		}
	}
	// The outline's working state (its debris dictionary, a pool) differs
	// from load to load; its vocabulary must not.
	if !reflect.DeepEqual(fast.Outline.Roles, slow.Outline.Roles) {
		t.Error("the outline's roles load otherwise with yaml.v3")
	}
	if len(fast.Outline.Debris) != len(slow.Outline.Debris) {
		t.Fatal("the outline's debris loads otherwise with yaml.v3")
	}
	for i, p := range fast.Outline.Debris {
		if p.String() != slow.Outline.Debris[i].String() {
			t.Errorf("debris pattern %d is %s, with yaml.v3 %s", i, p, slow.Outline.Debris[i])
		}
	}
}

// sameValue is reflect.DeepEqual, except that two funcs are the same when
// both are nil or both are not (a compiled check holds the functions of its
// kind).
func sameValue(a, b reflect.Value, seen map[[2]uintptr]bool) bool {
	if a.IsValid() != b.IsValid() || a.IsValid() && a.Type() != b.Type() {
		return false
	}
	if !a.IsValid() {
		return true
	}
	switch a.Kind() {
	case reflect.Func:
		return a.IsNil() == b.IsNil()
	case reflect.Pointer, reflect.Map, reflect.Slice:
		if a.IsNil() || b.IsNil() {
			return a.IsNil() == b.IsNil()
		}
		key := [2]uintptr{a.Pointer(), b.Pointer()}
		if seen[key] && a.Kind() != reflect.Slice {
			return true
		}
		seen[key] = true
	}
	switch a.Kind() {
	case reflect.Pointer, reflect.Interface:
		return sameValue(a.Elem(), b.Elem(), seen)
	case reflect.Struct:
		for i := range a.NumField() {
			if !sameValue(a.Field(i), b.Field(i), seen) {
				return false
			}
		}
		return true
	case reflect.Slice, reflect.Array:
		if a.Len() != b.Len() {
			return false
		}
		for i := range a.Len() {
			if !sameValue(a.Index(i), b.Index(i), seen) {
				return false
			}
		}
		return true
	case reflect.Map:
		if a.Len() != b.Len() {
			return false
		}
		for it := a.MapRange(); it.Next(); {
			if !sameValue(it.Value(), b.MapIndex(it.Key()), seen) {
				return false
			}
		}
		return true
	}
	return reflect.DeepEqual(valueOf(a), valueOf(b))
}

// valueOf is v's value, read even from an unexported field.
func valueOf(v reflect.Value) any {
	switch v.Kind() {
	case reflect.Bool:
		return v.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return v.Uint()
	case reflect.Float32, reflect.Float64:
		return v.Float()
	case reflect.String:
		return v.String()
	case reflect.Complex64, reflect.Complex128:
		return v.Complex()
	}
	return v.Kind().String() // channels, unsafe pointers: not compared
}
