package provenance

import (
	"bytes"
	"errors"
	"reflect"
	"testing"

	"github.com/aiprov/aiprov/internal/ipld"
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

// FuzzDecodeManifestPaths checks DecodeManifest's fast path against the
// reference path through the generic data model: both accept the same
// documents and produce the same manifest.
func FuzzDecodeManifestPaths(f *testing.F) {
	for _, m := range variedManifests()[:5] {
		b, err := m.MarshalCBOR()
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fast, errFast := decodeManifestCBOR(data)
		ref, errRef := decodeManifestGeneric(data)
		if (errFast == nil) != (errRef == nil) {
			t.Fatalf("fast path: %v; reference path: %v", errFast, errRef)
		}
		if errFast != nil {
			if !errors.Is(errFast, ErrMalformedManifest) {
				t.Fatalf("fast path error %v does not match ErrMalformedManifest", errFast)
			}
			return
		}
		if !reflect.DeepEqual(fast, ref) {
			t.Fatalf("fast path %+v\nreference %+v", fast, ref)
		}
	})
}

// decodeManifestGeneric is the reference path: decode to the data model,
// then convert. FuzzDecodeManifestPaths checks the fast path against it.
func decodeManifestGeneric(data []byte) (*Manifest, error) {
	node, err := ipld.DecodeCBOR(data, manifestLimits)
	if err != nil {
		return nil, fromIPLD(err)
	}
	return manifestFromNode(node)
}
