package attest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode"

	jsonv2 "github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
)

// unmarshalStrict is the one way this package reads signed JSON
// (envelopes, statements, predicates, Ethereum signature files, policies).
// Every such document must mean one thing to every reader, so that a
// co-signer who reviews it with jq, Python or Node approves what aiprov
// verifies. encoding/json does not promise that: it folds keys by case and
// by Unicode simple folding ("Predicate" and "manifeſtCid", with U+017F,
// fill predicate and manifestCid), keeps the last of duplicate keys where
// other readers differ, and turns invalid UTF-8 and lone surrogates into
// U+FFFD. The reader here refuses all of those, as well as members no
// field names and data after the value. It is encoding/json/v2 (the
// go-json-experiment module, which the standard library's v2 is built
// from) with its defaults — case-sensitive names, no duplicates, valid
// UTF-8 — plus RejectUnknownMembers; its errors name the JSON pointer and
// byte offset.
func unmarshalStrict(data []byte, v any) error {
	dec := jsontext.NewDecoder(bytes.NewReader(data))
	if err := jsonv2.UnmarshalDecode(dec, v, jsonv2.RejectUnknownMembers(true)); err != nil {
		return err
	}
	return endOfInput(dec, data)
}

// endOfInput refuses anything but white space after the value dec has
// read from data.
func endOfInput(dec *jsontext.Decoder, data []byte) error {
	if dec.PeekKind() != 0 || dec.InputOffset() < int64(len(bytes.TrimRight(data, " \t\r\n"))) {
		return fmt.Errorf("data after the JSON value at byte offset %d", dec.InputOffset())
	}
	return nil
}

// describeJSONError says where in the input a strict parse failed.
func describeJSONError(err error) string {
	var syn *jsontext.SyntacticError
	if errors.As(err, &syn) {
		return fmt.Sprintf("invalid JSON at byte offset %d%s: %v", syn.ByteOffset, atPointer(string(syn.JSONPointer)), syn.Err)
	}
	var sem *jsonv2.SemanticError
	if errors.As(err, &sem) && errors.Is(sem.Err, jsonv2.ErrUnknownName) {
		return fmt.Sprintf("unknown field %q at byte offset %d (names are case-sensitive and must match exactly)", string(sem.JSONPointer), sem.ByteOffset)
	}
	if errors.As(err, &sem) {
		what := "invalid value"
		if sem.Err != nil {
			what = sem.Err.Error()
		} else if sem.GoType != nil {
			what = fmt.Sprintf("got JSON %s, want %s", sem.JSONKind, sem.GoType)
		}
		return fmt.Sprintf("at byte offset %d%s: %s", sem.ByteOffset, atPointer(string(sem.JSONPointer)), what)
	}
	return err.Error()
}

func atPointer(p string) string {
	if p == "" {
		return ""
	}
	return fmt.Sprintf(" (field %q)", p)
}

// maxJSONDepth bounds the nesting of untrusted JSON documents that are read
// as generic objects (OMS bundles); real ones nest fewer than ten levels.
const maxJSONDepth = 64

// checkStrictJSON checks a document that is then read as generic objects
// (jsonObject) rather than into a struct: the same rules as unmarshalStrict
// (one value, valid UTF-8, no duplicate keys, nothing after it), nesting at
// most maxJSONDepth deep, and no two keys of an object that encoding/json
// would fold into one field name.
func checkStrictJSON(data []byte) error {
	dec := jsontext.NewDecoder(bytes.NewReader(data))
	var keys []map[string]string // per open object: folded key -> key as written
	for {
		off := dec.InputOffset()
		kind := dec.PeekKind()
		if k, n := dec.StackIndex(dec.StackDepth()); kind == '"' && k == '{' && n%2 == 0 {
			tok, err := dec.ReadToken()
			if err != nil {
				return errors.New(describeJSONError(err))
			}
			key := tok.String()
			top := keys[len(keys)-1]
			folded := foldKey(key)
			if prev, dup := top[folded]; dup && prev != key {
				return fmt.Errorf("keys %q and %q differ only in case (byte offset %d)", prev, key, off)
			}
			top[folded] = key
			continue
		}
		tok, err := dec.ReadToken()
		if err != nil {
			return errors.New(describeJSONError(err))
		}
		switch tok.Kind() {
		case '{', '[':
			if len(keys) >= maxJSONDepth {
				return fmt.Errorf("nested more than %d levels deep at byte offset %d", maxJSONDepth, off)
			}
			var m map[string]string
			if tok.Kind() == '{' {
				m = map[string]string{}
			}
			keys = append(keys, m)
		case '}', ']':
			keys = keys[:len(keys)-1]
		}
		if len(keys) == 0 {
			return endOfInput(dec, data)
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
