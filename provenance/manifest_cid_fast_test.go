package provenance

import (
	"bytes"
	"errors"
	"reflect"
	"testing"
)

// FuzzParseManifestJSONCBOR holds the one-pass path to the one it replaces,
// ParseManifestJSON then MarshalCBOR: the same documents accepted, the same
// manifest and the same DAG-CBOR bytes (hence the same CID).
func FuzzParseManifestJSONCBOR(f *testing.F) {
	for _, m := range variedManifests() {
		js, err := m.MarshalJSON()
		if err != nil {
			f.Fatal(err)
		}
		f.Add(js)
	}
	f.Add([]byte(`{"schema":"x","subject":{}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, cb, err := ParseManifestJSONCBOR(data)
		ref, rerr := ParseManifestJSON(data)
		var rcb []byte
		if rerr == nil {
			rcb, rerr = ref.MarshalCBOR()
		}
		if (err == nil) != (rerr == nil) {
			t.Fatalf("one pass: %v; reference: %v", err, rerr)
		}
		if err != nil {
			if !errors.Is(err, ErrMalformedManifest) {
				t.Fatalf("error %v does not match ErrMalformedManifest", err)
			}
			return
		}
		if !bytes.Equal(cb, rcb) {
			t.Fatalf("DAG-CBOR differs:\none pass  %x\nreference %x", cb, rcb)
		}
		if !reflect.DeepEqual(m, ref) {
			t.Fatalf("manifest differs:\none pass  %+v\nreference %+v", m, ref)
		}
	})
}

// TestParseManifestJSONCBOR checks every varied manifest, reordered and
// spaced out as people edit JSON, against MarshalCBOR and CID.
func TestParseManifestJSONCBOR(t *testing.T) {
	for i, want := range variedManifests() {
		js, err := want.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		spaced := bytes.ReplaceAll(js, []byte(`,"`), []byte(",\n  \""))
		for _, in := range [][]byte{js, spaced} {
			m, cb, err := ParseManifestJSONCBOR(in)
			if err != nil {
				t.Fatalf("manifest %d: %v", i, err)
			}
			wantCBOR, _ := want.MarshalCBOR()
			if !bytes.Equal(cb, wantCBOR) {
				t.Fatalf("manifest %d: DAG-CBOR differs from MarshalCBOR", i)
			}
			c, _ := ManifestCID(cb)
			wc, _ := want.CID()
			if !c.Equals(wc) {
				t.Fatalf("manifest %d: CID %s, want %s", i, c, wc)
			}
			if ref, _ := ParseManifestJSON(in); !reflect.DeepEqual(m, ref) {
				t.Fatalf("manifest %d: decoded differently from ParseManifestJSON", i)
			}
		}
	}
}
