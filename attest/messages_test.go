package attest

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
)

// TestEthSignaturesManifestNotVerified: when the envelope's manifest fails
// its CID check, the Ethereum signatures beside it are reported as not
// checked because of that — matching the root cause — rather than as
// missing a manifest.
func TestEthSignaturesManifestNotVerified(t *testing.T) {
	ctx := context.Background()
	k := newTestKeys(t)
	_, m := artifact(t, testFiles)
	env, err := Sign(ctx, m, k.ed)
	if err != nil {
		t.Fatal(err)
	}
	s712, err := SignEIP712(ctx, m, k.eth, DefaultDomain())
	if err != nil {
		t.Fatal(err)
	}
	// The forger changes the licence in the predicate's manifest, keeps the
	// claimed CID, and signs the new payload.
	forged := &Envelope{PayloadType: env.PayloadType, Payload: bytes.Replace(env.Payload, []byte(`"license":"Apache-2.0"`), []byte(`"license":"MIT"`), 1)}
	if bytes.Equal(forged.Payload, env.Payload) {
		t.Fatal("the test did not change the payload")
	}
	if err := forged.Sign(ctx, k.ed); err != nil {
		t.Fatal(err)
	}
	r, err := Verify(ctx, Bundle{Envelope: forged, EthSignatures: []*EthSignature{s712}}, trust(k.ed, k.eth))
	if !errors.Is(err, ErrManifestMismatch) {
		t.Fatalf("err = %v, want ErrManifestMismatch", err)
	}
	if strings.Contains(err.Error(), "need the manifest") {
		t.Errorf("blames a missing manifest:\n%v", err)
	}
	if !strings.Contains(r.Problems[0].Error(), "hashes to") {
		t.Errorf("first problem %q, want the CID mismatch", r.Problems[0])
	}
	eth := r.Signatures[len(r.Signatures)-1]
	if eth.KeyID != k.eth.ID() || !errors.Is(eth.Err, ErrManifestMismatch) ||
		eth.Err.Error() != "Ethereum signatures not checked: the manifest they sign did not verify" {
		t.Errorf("Ethereum signature result %+v, want not checked because of the manifest", eth)
	}

	// With no manifest at all, the message says what is missing.
	_, err = Verify(ctx, Bundle{EthSignatures: []*EthSignature{s712}}, trust(k.eth))
	if err == nil || !strings.Contains(err.Error(), "need the manifest they sign") {
		t.Errorf("no manifest: %v", err)
	}
}

// TestSignatureProblemsSayEachFactOnce: a failed signature's problem names
// the signature and its signer once, and still matches ErrBadSignature.
func TestSignatureProblemsSayEachFactOnce(t *testing.T) {
	ctx := context.Background()
	k := newTestKeys(t)
	_, m := artifact(t, testFiles)
	for _, key := range []*PrivateKey{k.ed, k.p256, k.eth} {
		t.Run(string(key.Algorithm()), func(t *testing.T) {
			env, err := Sign(ctx, m, key)
			if err != nil {
				t.Fatal(err)
			}
			sig := env.Signatures[0].Sig
			sig[len(sig)/3] ^= 0x10
			r, err := Verify(ctx, Bundle{Envelope: env}, trust(key))
			if !errors.Is(err, ErrBadSignature) {
				t.Fatalf("err = %v, want ErrBadSignature", err)
			}
			p := r.Problems[0].Error()
			if n := strings.Count(p, key.ID()); n != 1 {
				t.Errorf("problem %q names %s %d times, want once", p, key.ID(), n)
			}
			if n := strings.Count(p, "does not verify"); n != 1 {
				t.Errorf("problem %q says %d times that the signature does not verify", p, n)
			}
			if s := r.Signatures[0].Err.Error(); strings.Contains(s, key.ID()) {
				t.Errorf("signature result %q repeats the key ID the result holds", s)
			}
		})
	}
	// An Ethereum signature file whose stated signer is not the one who
	// signed: each address appears once.
	s712, err := SignEIP712(ctx, m, k.eth, DefaultDomain())
	if err != nil {
		t.Fatal(err)
	}
	liar := common.HexToAddress("0x1111111111111111111111111111111111111111")
	s712.Signer = liar
	r, err := Verify(ctx, Bundle{EthSignatures: []*EthSignature{s712}, Manifest: m}, VerifyOptions{Keys: []Verifier{NewAddressKey(liar)}})
	if !errors.Is(err, ErrBadSignature) {
		t.Fatalf("err = %v, want ErrBadSignature", err)
	}
	p := r.Problems[0].Error()
	for _, addr := range []string{liar.Hex(), k.eth.ID()} {
		if n := strings.Count(p, addr); n != 1 {
			t.Errorf("problem %q names %s %d times, want once", p, addr, n)
		}
	}
}
