package storage

import (
	"fmt"
	"testing"

	"github.com/aiprov/aiprov/provenance"
)

// BenchmarkCBORLinks: the links of a manifest listing 1,000 files, read
// by the manifest codec's decoder (ipld.CBORLinks) without building values.
func BenchmarkCBORLinks(b *testing.B) {
	m := &provenance.Manifest{Schema: provenance.ManifestSchema, License: "MIT"}
	m.Subject = provenance.Subject{Name: "x", Kind: provenance.KindModel, CID: rawCID(b, []byte("root"))}
	for i := range 1000 {
		name := fmt.Sprintf("shard-%05d.safetensors", i)
		m.Subject.Files = append(m.Subject.Files, provenance.File{Path: name, CID: rawCID(b, []byte(name)), Size: 1, SHA256: fmt.Sprintf("%064x", i)})
	}
	data, err := m.MarshalCBOR()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := cborLinks(data); err != nil {
			b.Fatal(err)
		}
	}
}
