package attest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"reflect"
	"testing"

	"github.com/aiprov/aiprov/provenance"
)

// FuzzVerifyPayload signs arbitrary payloads with a trusted key, so that
// fuzzing reaches the statement, predicate and manifest checks behind the
// signature. Whatever the payload, verification must not panic, and when
// it passes the manifest must hash to the CID the report gives.
func FuzzVerifyPayload(f *testing.F) {
	key := mustKey(f, Ed25519)
	bundles, _ := lineage(f, 2, key)
	f.Add(bundles[1].Envelope.Payload)
	f.Add([]byte(`{"_type":"https://in-toto.io/Statement/v1","subject":[{"name":"a","digest":{"sha256":"00"}}],"predicateType":"https://aiprov.dev/lineage/v1","predicate":{"manifestCid":"bafyreib","manifest":{}}}`))
	f.Add([]byte(`{"_type":"https://in-toto.io/Statement/v1","subject":[],"predicateType":"x","predicate":null}`))
	opts := trust(key)
	f.Fuzz(func(t *testing.T, payload []byte) {
		env := &Envelope{PayloadType: PayloadTypeInToto, Payload: payload}
		if err := env.Sign(context.Background(), key); err != nil {
			t.Fatal(err)
		}
		r, err := Verify(context.Background(), Bundle{Envelope: env}, opts)
		if err != nil {
			return
		}
		c, cerr := r.Manifest.CID()
		if cerr != nil || !c.Equals(r.ManifestCID) {
			t.Fatalf("verified, but the manifest hashes to %s (%v), the report says %s", c, cerr, r.ManifestCID)
		}
		if _, err := ManifestOf(env); err != nil {
			t.Fatalf("verified, but ManifestOf fails: %v", err)
		}
	})
}

// FuzzParseEthSignature: EIP-712/EIP-191 signature files from anywhere
// parse or fail cleanly, and recovery never panics.
func FuzzParseEthSignature(f *testing.F) {
	a, mc := testAttestation(f)
	s, _ := signTypedData(context.Background(), testEthKey(f), testDomains[1].d, a, mc)
	js, _ := json.Marshal(s)
	f.Add(js)
	p, _ := signPersonal(context.Background(), testEthKey(f), mc)
	js, _ = json.Marshal(p)
	f.Add(js)
	f.Add([]byte(`{"typedData":{"types":{},"primaryType":"ManifestAttestation","domain":{"chainId":"0x10"},"message":{}},"signature":"0x","signer":"0x0000000000000000000000000000000000000000"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := ParseEthSignature(data)
		if err != nil {
			return
		}
		s.Recover()
		s.ManifestDigest()
	})
}

// FuzzFastLineageStatement: whenever the one-pass parser accepts a
// statement, encoding/json reads the same statement from it — or the
// manifest bytes it delimited are not valid JSON, which the strict
// manifest parser then refuses.
func FuzzFastLineageStatement(f *testing.F) {
	bundles, _ := lineage(f, 2, mustKey(f, Ed25519))
	payload := bundles[1].Envelope.Payload
	f.Add(payload)
	f.Add(bytes.ReplaceAll(payload, []byte(`,`), []byte(" ,\n\t")))
	f.Add([]byte(`{"predicate":{"manifest":{"a":["}",{"b":"\""}]},"manifestCid":"x"},"subject":[{"digest":{"sha256":"00"},"name":"n"}],"predicateType":"p","_type":"t"}`))
	f.Add([]byte(`{"_type":"t","_type":"u","subject":[],"predicateType":"p","predicate":{"manifestCid":"x","manifest":{}}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		st, lp, ok := fastLineageStatement(data)
		if !ok {
			return
		}
		slow, err := ParseStatement(data)
		var slowLP *LineagePredicate
		if err == nil && slow.PredicateType == PredicateTypeLineage {
			slowLP, err = slow.Lineage()
		}
		if err != nil {
			if !errors.Is(err, ErrMalformedStatement) {
				t.Fatalf("unexpected error kind: %v", err)
			}
			if json.Valid(lp.Manifest) && st.check() == nil {
				if _, _, merr := provenance.ReadManifest(lp.Manifest); merr == nil {
					t.Fatalf("fast parser accepted what encoding/json refuses (%v), with a valid manifest", err)
				}
			}
			return
		}
		if st.Type != slow.Type || st.PredicateType != slow.PredicateType || !reflect.DeepEqual(st.Subject, slow.Subject) ||
			!bytes.Equal(st.Predicate, slow.Predicate) {
			t.Fatalf("statements differ:\nfast %+v\nslow %+v", st, slow)
		}
		if slowLP != nil && (lp.ManifestCID != slowLP.ManifestCID || !bytes.Equal(lp.Manifest, slowLP.Manifest)) {
			t.Fatalf("predicates differ:\nfast %+v\nslow %+v", lp, slowLP)
		}
	})
}
