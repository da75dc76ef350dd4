package provenance

import (
	"bytes"
	"errors"
	"testing"
)

func FuzzDecodeManifest(f *testing.F) {
	for _, m := range variedManifests()[:5] {
		b, err := m.MarshalCBOR()
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
		js, _ := m.MarshalJSON()
		f.Add(js)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := ReadManifest(data)
		if err != nil {
			if !errors.Is(err, ErrMalformedManifest) {
				t.Fatalf("error %v does not match ErrMalformedManifest", err)
			}
			return
		}
		cb, err := m.MarshalCBOR()
		if err != nil {
			t.Fatalf("accepted manifest does not encode: %v", err)
		}
		if len(data) > 0 && data[0] != '{' && data[0] != ' ' && !bytes.Equal(cb, data) {
			t.Fatalf("accepted non-canonical DAG-CBOR")
		}
		back, err := DecodeManifest(cb)
		if err != nil {
			t.Fatalf("re-decoding: %v", err)
		}
		js, err := back.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := ParseManifestJSON(js); err != nil {
			t.Fatalf("own DAG-JSON refused: %v", err)
		}
		_ = m.Validate() // must not panic
	})
}
