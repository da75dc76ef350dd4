package attest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxJSONDepth bounds the nesting of untrusted JSON documents read by the
// strict reader; real OMS bundles nest fewer than ten levels.
const maxJSONDepth = 64

// checkStrictJSON checks that data is exactly one JSON value, with nothing
// but white space after it, nested at most maxJSONDepth deep, whose objects
// have no duplicate keys — neither identical ones nor ones equal under the
// case folding encoding/json matches field names with, so that no reader
// can see a different document than the one verified.
//
// encoding/json (v1) keeps the last of duplicate keys and matches names
// case-insensitively; this walk is the check it lacks.
func checkStrictJSON(data []byte) error {
	if !utf8.Valid(data) {
		return errors.New("not valid UTF-8")
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	type frame struct {
		keys     map[string]string // folded key -> key as written
		isObject bool
		wantKey  bool
	}
	var stack []*frame
	for {
		off := dec.InputOffset()
		tok, err := dec.Token()
		if err == io.EOF {
			return errors.New("invalid JSON: unexpected end of input")
		}
		if err != nil {
			return errors.New(describeJSONError(err))
		}
		if n := len(stack); n > 0 && stack[n-1].isObject && stack[n-1].wantKey {
			top := stack[n-1]
			if tok != json.Delim('}') {
				key := tok.(string) // the decoder allows only a string here
				folded := foldKey(key)
				if prev, dup := top.keys[folded]; dup {
					if prev == key {
						return fmt.Errorf("duplicate key %q at byte offset %d", key, off)
					}
					return fmt.Errorf("keys %q and %q differ only in case (byte offset %d)", prev, key, off)
				}
				top.keys[folded] = key
				top.wantKey = false
				continue
			}
			stack = stack[:n-1]
		} else {
			switch tok {
			case json.Delim('{'), json.Delim('['):
				if len(stack) >= maxJSONDepth {
					return fmt.Errorf("nested more than %d levels deep at byte offset %d", maxJSONDepth, off)
				}
				obj := tok == json.Delim('{')
				stack = append(stack, &frame{isObject: obj, wantKey: obj, keys: map[string]string{}})
				continue
			case json.Delim(']'):
				stack = stack[:len(stack)-1]
			}
		}
		// A value is complete: the document's, or one inside a container.
		if len(stack) == 0 {
			if _, err := dec.Token(); err != io.EOF {
				return fmt.Errorf("data after the JSON value at byte offset %d", dec.InputOffset())
			}
			return nil
		}
		if top := stack[len(stack)-1]; top.isObject {
			top.wantKey = true
		}
	}
}

// foldKey folds a key the way encoding/json compares field names.
func foldKey(k string) string {
	return strings.Map(func(r rune) rune { return unicode.ToUpper(unicode.ToLower(r)) }, k)
}

// jsonObject is one JSON object of a document already checked by
// checkStrictJSON, read by exact key with errors naming the field's path.
type jsonObject struct {
	path string
	m    map[string]json.RawMessage
}

func parseJSONObject(raw json.RawMessage, path string) (jsonObject, error) {
	o := jsonObject{path: path}
	if err := json.Unmarshal(raw, &o.m); err != nil || o.m == nil {
		return o, fmt.Errorf("%s: want a JSON object, got %s", path, jsonKind(raw))
	}
	return o, nil
}

func (o jsonObject) name(key string) string {
	if o.path == "" {
		return key
	}
	return o.path + "." + key
}

// only refuses keys other than allowed.
func (o jsonObject) only(allowed ...string) error {
	for k := range o.m {
		found := false
		for _, a := range allowed {
			if k == a {
				found = true
				break
			}
		}
		if !found {
			return fmt.Errorf("%s: unknown field (want %s)", o.name(k), strings.Join(allowed, ", "))
		}
	}
	return nil
}

func (o jsonObject) has(key string) bool {
	v, ok := o.m[key]
	return ok && string(v) != "null"
}

// str returns a string field; a missing (or null) field is "" and false.
func (o jsonObject) str(key string, required bool) (string, bool, error) {
	raw, ok := o.m[key]
	if !ok || string(raw) == "null" {
		if required {
			return "", false, fmt.Errorf("%s: missing", o.name(key))
		}
		return "", false, nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return "", false, fmt.Errorf("%s: want a string, got %s", o.name(key), jsonKind(raw))
	}
	return s, true, nil
}

func (o jsonObject) object(key string, required bool) (jsonObject, bool, error) {
	raw, ok := o.m[key]
	if !ok || string(raw) == "null" {
		if required {
			return jsonObject{}, false, fmt.Errorf("%s: missing", o.name(key))
		}
		return jsonObject{}, false, nil
	}
	sub, err := parseJSONObject(raw, o.name(key))
	return sub, err == nil, err
}

// array returns the elements of an array field, refusing more than limit.
func (o jsonObject) array(key string, required bool, limit int) ([]json.RawMessage, bool, error) {
	raw, ok := o.m[key]
	if !ok || string(raw) == "null" {
		if required {
			return nil, false, fmt.Errorf("%s: missing", o.name(key))
		}
		return nil, false, nil
	}
	var a []json.RawMessage
	if err := json.Unmarshal(raw, &a); err != nil || a == nil {
		return nil, false, fmt.Errorf("%s: want an array, got %s", o.name(key), jsonKind(raw))
	}
	if len(a) > limit {
		return nil, false, fmt.Errorf("%s: %d elements, more than the limit of %d", o.name(key), len(a), limit)
	}
	return a, true, nil
}

func jsonKind(raw json.RawMessage) string {
	t := bytes.TrimSpace(raw)
	if len(t) == 0 {
		return "nothing"
	}
	switch t[0] {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "a number"
}
