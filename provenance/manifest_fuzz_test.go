package provenance

import (
	"bytes"
	"errors"
	"reflect"
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
		m, c, err := ReadManifest(data)
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
		if want, _ := m.CID(); !c.Equals(want) {
			t.Fatalf("ReadManifest's CID %s, encoding again gives %s", c, want)
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
		if _, _, err := ReadManifest(js); err != nil {
			t.Fatalf("own DAG-JSON refused: %v", err)
		}
		_ = m.Validate() // must not panic
	})
}

// TestReadManifestCID checks every varied manifest, as written and spaced
// out as people edit JSON, and as DAG-CBOR: ReadManifest gives the CID that
// Manifest.CID computes by encoding again, and the same manifest as
// UnmarshalJSON and DecodeManifest.
func TestReadManifestCID(t *testing.T) {
	for i, want := range variedManifests() {
		js, err := want.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		cb, err := want.MarshalCBOR()
		if err != nil {
			t.Fatal(err)
		}
		wantCID, err := want.CID()
		if err != nil {
			t.Fatal(err)
		}
		spaced := bytes.ReplaceAll(js, []byte(`,"`), []byte(",\n  \""))
		for _, in := range [][]byte{js, spaced, cb} {
			m, c, err := ReadManifest(in)
			if err != nil {
				t.Fatalf("manifest %d: %v", i, err)
			}
			if !c.Equals(wantCID) {
				t.Fatalf("manifest %d: CID %s, want %s", i, c, wantCID)
			}
			if !reflect.DeepEqual(m, want) {
				t.Fatalf("manifest %d: read back differently:\n got %+v\nwant %+v", i, m, want)
			}
		}
	}
}
