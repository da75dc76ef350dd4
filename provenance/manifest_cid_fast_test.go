package provenance

import (
	"bytes"
	"errors"
	"reflect"
	"testing"
)

// FuzzParseManifestJSONCID holds the one-pass path to the one it replaces,
// ParseManifestJSON then CID: the same documents accepted, the same
// manifest and the same CID.
func FuzzParseManifestJSONCID(f *testing.F) {
	for _, m := range variedManifests() {
		js, err := m.MarshalJSON()
		if err != nil {
			f.Fatal(err)
		}
		f.Add(js)
	}
	f.Add([]byte(`{"schema":"x","subject":{}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, c, err := ParseManifestJSONCID(data)
		ref, rerr := ParseManifestJSON(data)
		if rerr == nil {
			rc, cerr := ref.CID()
			if cerr != nil {
				ref, rerr = nil, cerr
			} else if err == nil && !c.Equals(rc) {
				t.Fatalf("CID: one pass %s, reference %s", c, rc)
			}
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
		if !reflect.DeepEqual(m, ref) {
			t.Fatalf("manifest differs:\none pass  %+v\nreference %+v", m, ref)
		}
	})
}

// TestParseManifestJSONCID checks every varied manifest, as written and
// spaced out as people edit JSON, against CID and ParseManifestJSON.
func TestParseManifestJSONCID(t *testing.T) {
	for i, want := range variedManifests() {
		js, err := want.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		wantCID, err := want.CID()
		if err != nil {
			t.Fatal(err)
		}
		spaced := bytes.ReplaceAll(js, []byte(`,"`), []byte(",\n  \""))
		for _, in := range [][]byte{js, spaced} {
			m, c, err := ParseManifestJSONCID(in)
			if err != nil {
				t.Fatalf("manifest %d: %v", i, err)
			}
			if !c.Equals(wantCID) {
				t.Fatalf("manifest %d: CID %s, want %s", i, c, wantCID)
			}
			if ref, _ := ParseManifestJSON(in); !reflect.DeepEqual(m, ref) {
				t.Fatalf("manifest %d: decoded differently from ParseManifestJSON", i)
			}
		}
	}
}
