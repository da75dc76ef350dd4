package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
)

// jsonVersion is the version of every --json shape aiprov prints, as the
// "version" member each document starts with. docs/json.md describes the
// shapes; a change that removes or renames a member, or changes its
// meaning, increments it (adding a member does not).
const jsonVersion = 1

// writeJSON writes v, which must marshal as a JSON object, indented, with
// "version" as its first member. kind names the output in errors.
func writeJSON(w io.Writer, kind string, v any) error {
	b, err := marshalVersioned(v)
	if err != nil {
		return fmt.Errorf("%s: %w", kind, err)
	}
	var out bytes.Buffer
	if err := json.Indent(&out, b, "", "  "); err != nil {
		return err
	}
	out.WriteByte('\n')
	_, err = w.Write(out.Bytes())
	return err
}

// marshalVersioned marshals v (a JSON object) compactly, with "version"
// first.
func marshalVersioned(v any) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	if len(b) < 2 || b[0] != '{' {
		return nil, fmt.Errorf("not a JSON object: %.20s", b)
	}
	head := fmt.Sprintf(`{"version":%d`, jsonVersion)
	if len(b) > 2 {
		head += ","
	}
	return append([]byte(head), b[1:]...), nil
}

// versionedFrom re-encodes the JSON object a library writer produces
// (royalty.Split.WriteJSON, provenance.Graph.WriteJSON) with "version"
// first, so that every aiprov document carries it.
func versionedFrom(w io.Writer, kind string, write func(io.Writer) error) error {
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		return err
	}
	return writeJSON(w, kind, json.RawMessage(bytes.TrimSpace(buf.Bytes())))
}
