package attest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"reflect"
	"testing"

	"github.com/aiprov/aiprov/provenance"
	"github.com/ipfs/go-cid"
)

// checkLineageSlow is how a statement's manifest was checked before the
// one-pass path: encoding/json for the statement, the manifest decoded
// through the generic data model and encoded again for its CID, and the
// subjects rebuilt and compared in full. FuzzLineageFastSlow holds the
// fast path to it.
func checkLineageSlow(payload []byte) *Report {
	r := &Report{}
	st, err := ParseStatement(payload)
	if err != nil {
		r.problem(err)
		return r
	}
	lp, err := st.Lineage()
	if err != nil {
		r.problem(err)
		return r
	}
	r.Statement = st
	claimed, err := cid.Decode(lp.ManifestCID)
	if err != nil {
		r.problem(fmt.Errorf("%w: predicate manifestCid %q: %v", ErrMalformedStatement, lp.ManifestCID, err))
		return r
	}
	if claimed.String() != lp.ManifestCID {
		r.problem(fmt.Errorf("%w: predicate manifestCid %q is not in canonical form", ErrMalformedStatement, lp.ManifestCID))
		return r
	}
	r.ManifestCID = claimed
	m, _, err := provenance.ReadManifest(lp.Manifest)
	if err != nil {
		r.problem(fmt.Errorf("%w: predicate manifest: %w", ErrMalformedStatement, err))
		return r
	}
	actual, err := m.CID()
	if err != nil {
		r.problem(fmt.Errorf("%w: predicate manifest: %w", ErrMalformedStatement, err))
		return r
	}
	if !actual.Equals(claimed) {
		r.problem(fmt.Errorf("%w: predicate claims manifest %s but its content hashes to %s", ErrManifestMismatch, claimed, actual))
		return r
	}
	r.Manifest = m
	if err := m.Validate(); err != nil {
		r.problem(fmt.Errorf("%w: the signed manifest is invalid: %w", ErrManifestMismatch, err))
	}
	want, err := StatementSubjects(m)
	if err != nil {
		r.problem(err)
		return r
	}
	r.compareSubjects(st.Subject, want)
	return r
}

func checkLineageFast(payload []byte) *Report {
	r := &Report{}
	st, lp, err := parseLineageStatement(payload)
	if err != nil {
		r.problem(err)
		return r
	}
	r.Statement = st
	r.checkLineage(st, lp)
	return r
}

// lineageSeeds are signed payloads of varied manifests: files or none, a
// root that is one of the files, extensions, builder, CIDv0 links.
func lineageSeeds(t testing.TB) [][]byte {
	_, base := artifact(t, testFiles)
	var ms []*provenance.Manifest
	ms = append(ms, base)
	noFiles := *base
	noFiles.Subject.Files = nil
	ms = append(ms, &noFiles)
	rootIsFile := *base
	rootIsFile.Subject.CID = base.Subject.Files[1].CID
	rootIsFile.Subject.Name = "acme/root-is-a-file"
	ms = append(ms, &rootIsFile)
	rich := *base
	rich.Builder = &provenance.Builder{Pipeline: "ci", Commit: "abc"}
	rich.Extensions = map[string]any{"org.example/z": int64(-3), "org.example/a": []any{"x", []byte{1, 2}, nil, true}, "org.example/link": base.Subject.CID}
	v0, _ := cid.Decode("QmY7Yh4UquoXHLPFo2XbhXkhBvFoPwmQUSa92pxnxjQuPU")
	rich.Parents = []provenance.Parent{{CID: v0, Relation: provenance.RelationFinetune, Share: 1, Name: "base"}}
	rich.Subject.Formats = []string{"safetensors"}
	ms = append(ms, &rich)
	var out [][]byte
	for _, m := range ms {
		env, err := Sign(context.Background(), m, mustKey(t, Ed25519))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, env.Payload)
	}
	return out
}

// FuzzLineageFastSlow: the one-pass statement and manifest check accepts
// and refuses exactly what the slow path does, with problems of the same
// kinds, and when it accepts, the same manifest and the same CID.
func FuzzLineageFastSlow(f *testing.F) {
	for _, p := range lineageSeeds(f) {
		f.Add(p)
		f.Add(bytes.ReplaceAll(p, []byte(`":`), []byte(`" : `)))
	}
	f.Fuzz(func(t *testing.T, payload []byte) {
		fast, slow := checkLineageFast(payload), checkLineageSlow(payload)
		compareReports(t, fast, slow)
	})
}

func compareReports(t *testing.T, fast, slow *Report) {
	t.Helper()
	if fast.OK() != slow.OK() {
		t.Fatalf("fast: %v\nslow: %v", fast.Err(), slow.Err())
	}
	for _, kind := range []error{ErrMalformedStatement, ErrManifestMismatch} {
		if errors.Is(fast.Err(), kind) != errors.Is(slow.Err(), kind) {
			t.Fatalf("problems differ in kind %v:\nfast: %v\nslow: %v", kind, fast.Err(), slow.Err())
		}
	}
	if !slow.OK() {
		// Refused by both, for the same kind of reason. (The fast path may
		// still report the CID the predicate claims: it reads the predicate
		// before finding the manifest invalid JSON, which encoding/json
		// finds first on the slow path.)
		return
	}
	if !fast.ManifestCID.Equals(slow.ManifestCID) {
		t.Fatalf("CID: fast %s, slow %s", fast.ManifestCID, slow.ManifestCID)
	}
	if !reflect.DeepEqual(fast.Manifest, slow.Manifest) {
		t.Fatalf("manifest:\nfast %+v\nslow %+v", fast.Manifest, slow.Manifest)
	}
}

// TestLineageFastSlow runs the seeds and tampered copies of them (a byte
// of a digest, a name, the CID, the manifest) through both paths.
func TestLineageFastSlow(t *testing.T) {
	for i, p := range lineageSeeds(t) {
		cases := [][]byte{p}
		for _, from := range []string{`"sha256":"`, `"name":"`, `"manifestCid":"baf`, `"license":"`, `"dirHash":"`, `"cid":"baf`} {
			if j := bytes.Index(p, []byte(from)); j >= 0 {
				q := bytes.Clone(p)
				q[j+len(from)+2] ^= 1
				cases = append(cases, q)
			}
		}
		for k, c := range cases {
			t.Run(fmt.Sprint(i, "/", k), func(t *testing.T) {
				fast, slow := checkLineageFast(c), checkLineageSlow(c)
				compareReports(t, fast, slow)
				if k == 0 && !fast.OK() {
					t.Fatalf("untampered seed refused: %v", fast.Err())
				}
				if k > 0 && fast.OK() {
					t.Fatalf("tampered copy accepted")
				}
			})
		}
	}
}
