package attest

import (
	"testing"

	"github.com/aiprov/aiprov/internal/ipld"
	"github.com/aiprov/aiprov/provenance"
)

// BenchmarkVerifyParts measures the steps of verifying one lineage
// statement apart, to see where BenchmarkVerifyLineage's time goes.
// "manifest-slow" is how the manifest step was done before the one-pass
// path ("manifest"): decode through the generic data model, encode again.
func BenchmarkVerifyParts(b *testing.B) {
	bundles, _ := lineage(b, 3, mustKey(b, Ed25519))
	env := bundles[2].Envelope
	st, lp, err := parseLineageStatement(env.Payload)
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("payload %d bytes, manifest JSON %d bytes", len(env.Payload), len(lp.Manifest))
	b.Run("statement", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			parseLineageStatement(env.Payload)
		}
	})
	b.Run("transcode", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			ipld.JSONToCBOR(nil, lp.Manifest, ipld.DefaultLimits())
		}
	})
	b.Run("manifest", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			provenance.ReadManifest(lp.Manifest)
		}
	})
	b.Run("manifest-slow", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			m, _, _ := provenance.ReadManifest(lp.Manifest)
			m.CID()
		}
	})
	m, _, _ := provenance.ReadManifest(lp.Manifest)
	b.Run("subjects", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			r := &Report{}
			want, _ := StatementSubjects(m)
			r.compareSubjects(st.Subject, want)
		}
	})
	b.Run("checkLineage", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			r := &Report{}
			r.checkLineage(st, lp)
		}
	})
}
