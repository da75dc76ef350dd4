package attest

import (
	"bytes"
	"errors"
	"fmt"

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
