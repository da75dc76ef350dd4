package attest

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os/exec"
	"strings"
	"testing"

	"filippo.io/edwards25519"
	"github.com/aiprov/aiprov/provenance"
)

// smallOrderKeys are the encodings of the eight points of order 1, 2, 4
// and 8 on edwards25519, as listed in libsodium's small-order blocklist
// (crypto_core/ed25519/ref10, has_small_order); TestWeakEd25519Keys
// checks with filippo.io/edwards25519 that [8]P is the identity for each.
var smallOrderKeys = []string{
	"0100000000000000000000000000000000000000000000000000000000000000", // order 1 (the identity)
	"ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // order 2
	"0000000000000000000000000000000000000000000000000000000000000000", // order 4
	"0000000000000000000000000000000000000000000000000000000000000080", // order 4
	"26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05", // order 8
	"26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85", // order 8
	"c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a", // order 8
	"c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa", // order 8
}

func TestWeakEd25519Keys(t *testing.T) {
	identity := func(raw []byte) string { return ed25519Prefix + base64.RawURLEncoding.EncodeToString(raw) }
	var weak [][]byte
	for _, h := range smallOrderKeys {
		raw, _ := hex.DecodeString(h)
		p, err := new(edwards25519.Point).SetBytes(raw)
		if err != nil || new(edwards25519.Point).MultByCofactor(p).Equal(edwards25519.NewIdentityPoint()) != 1 {
			t.Fatalf("%s is not a small-order point", h)
		}
		weak = append(weak, raw)
	}
	// Why they matter: with the identity as key, (R = identity, S = 0)
	// is a signature of every message that crypto/ed25519 accepts.
	forged := append(bytes.Clone(weak[0]), make([]byte, 32)...)
	if !ed25519.Verify(weak[0], []byte("anything at all"), forged) {
		t.Fatal("the forgery the weak-key check guards against no longer verifies; update this test")
	}
	// A real key plus a point of order 8: a small-order component.
	real := mustKey(t, Ed25519).Public().ed
	a, _ := new(edwards25519.Point).SetBytes(real)
	t8, _ := new(edwards25519.Point).SetBytes(weak[4])
	weak = append(weak, new(edwards25519.Point).Add(a, t8).Bytes())
	// The identity again, encoded with y = 1 + p: non-canonical.
	nonCanonical, _ := hex.DecodeString("eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")
	weak = append(weak, nonCanonical)

	for _, raw := range weak {
		id := identity(raw)
		if _, err := ParseIdentity(id); !errors.Is(err, ErrWeakKey) {
			t.Errorf("ParseIdentity(%s) = %v, want ErrWeakKey", id, err)
		}
		if _, err := NewEd25519PublicKey(raw); !errors.Is(err, ErrWeakKey) {
			t.Errorf("NewEd25519PublicKey(%x) = %v, want ErrWeakKey", raw, err)
		}
		pol := `{"keys":[{"id":"` + id + `"}]}`
		if _, err := ParsePolicy([]byte(pol)); !errors.Is(err, ErrMalformedPolicy) || !errors.Is(err, ErrWeakKey) {
			t.Errorf("policy trusting %s: %v", id, err)
		}
	}
	// The forgery above, as an envelope against a policy naming that key:
	// refused before any signature is checked.
	env := &Envelope{PayloadType: PayloadTypeInToto, Payload: []byte("{}"), Signatures: []Signature{{KeyID: identity(weak[0]), Sig: forged}}}
	if _, err := Verify(context.Background(), Bundle{Envelope: env}, VerifyOptions{Policy: &Policy{Keys: []TrustedKey{{ID: identity(weak[0])}}}}); !errors.Is(err, ErrWeakKey) {
		t.Errorf("verify with a weak key: %v", err)
	}

	// Identities decode strictly: 43 base64url characters carry 258 bits,
	// and the 2 spare bits must be zero (one key, one identity).
	good := mustKey(t, Ed25519).ID()
	last := strings.IndexByte(base64URLAlphabet, good[len(good)-1])
	loose := good[:len(good)-1] + string(base64URLAlphabet[last|1])
	if loose == good {
		loose = good[:len(good)-1] + string(base64URLAlphabet[last|2])
	}
	if _, err := ParseIdentity(good); err != nil {
		t.Fatal(err)
	}
	if _, err := ParseIdentity(loose); err == nil {
		t.Errorf("ParseIdentity accepted %s, a second spelling of %s", loose, good)
	}
	if _, err := ParseIdentity(good + "="); err == nil {
		t.Error("ParseIdentity accepted a padded identity")
	}
}

const base64URLAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

// TestVerdictIndependentOfBatching: a signature that cofactored (batch)
// verification accepts and crypto/ed25519 (and cosign) rejects is refused
// alike by Verify and by VerifyMany, whatever else is verified with it.
// It is made by the key's holder: R carries a point of order 8, and S is
// computed for that R, so [8](SB − R − kA) = 0 while SB − R − kA ≠ 0.
func TestVerdictIndependentOfBatching(t *testing.T) {
	ctx := context.Background()
	seed := make([]byte, ed25519.SeedSize)
	rand.Read(seed)
	priv := ed25519.NewKeyFromSeed(seed)
	key := newEd25519Private(priv)
	h := sha512.Sum512(seed)
	a, _ := edwards25519.NewScalar().SetBytesWithClamping(h[:32])
	pubBytes := key.Public().ed

	bundles, _ := lineage(t, 300, key)
	bad := 157
	env := bundles[bad].Envelope
	pae := PAE(env.PayloadType, env.Payload)
	var rb [64]byte
	rand.Read(rb[:])
	r, _ := edwards25519.NewScalar().SetUniformBytes(rb[:])
	t8raw, _ := hex.DecodeString(smallOrderKeys[4])
	t8, _ := new(edwards25519.Point).SetBytes(t8raw)
	R := new(edwards25519.Point).Add(new(edwards25519.Point).ScalarBaseMult(r), t8)
	kh := sha512.New()
	kh.Write(R.Bytes())
	kh.Write(pubBytes)
	kh.Write(pae)
	k, _ := edwards25519.NewScalar().SetUniformBytes(kh.Sum(nil))
	S := edwards25519.NewScalar().MultiplyAdd(k, a, r)
	sig := append(R.Bytes(), S.Bytes()...)
	// The cofactored equation holds: a batch verifier would accept it.
	lhs := new(edwards25519.Point).ScalarBaseMult(S)
	rhs := new(edwards25519.Point).Add(R, new(edwards25519.Point).ScalarMult(k, mustPoint(t, pubBytes)))
	diff := new(edwards25519.Point).Subtract(lhs, rhs)
	if diff.Equal(edwards25519.NewIdentityPoint()) == 1 || new(edwards25519.Point).MultByCofactor(diff).Equal(edwards25519.NewIdentityPoint()) != 1 {
		t.Fatal("the crafted signature is not the cofactored-only kind")
	}
	env.Signatures[0].Sig = sig

	if _, err := Verify(ctx, bundles[bad], trust(key)); !errors.Is(err, ErrBadSignature) {
		t.Fatalf("Verify alone: %v", err)
	}
	reports, err := VerifyMany(ctx, bundles, trust(key))
	if err == nil {
		t.Fatal("VerifyMany accepted the crafted signature")
	}
	for i, r := range reports {
		if (r.Err() != nil) != (i == bad) {
			t.Errorf("bundle %d: %v", i, r.Err())
		}
	}
}

func mustPoint(t *testing.T, b []byte) *edwards25519.Point {
	p, err := new(edwards25519.Point).SetBytes(b)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestEIP712DomainPinning: without a pinned domain an EIP-712 signature for
// any chain verifies and the report says so; a policy pins the domain.
func TestEIP712DomainPinning(t *testing.T) {
	ctx := context.Background()
	l := newTamperLineage(t)
	other := l.domain
	other.ChainID = 1
	s, err := SignEIP712(ctx, l.leaf, l.eth, other)
	if err != nil {
		t.Fatal(err)
	}
	b := Bundle{EthSignatures: []*EthSignature{s}, Manifest: l.leaf}
	r, err := Verify(ctx, b, trust(l.eth))
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Notes) != 1 || !strings.Contains(r.Notes[0], "not pinned") || !strings.Contains(r.Notes[0], "chainId 1,") {
		t.Errorf("notes %q, want one saying the domain (chainId 1) was not pinned", r.Notes)
	}
	pol, err := ParsePolicy([]byte(`{"keys":[{"id":"` + l.eth.ID() + `"}],"eip712Domain":{"chainId":1337,"verifyingContract":"0x5FbDB2315678afecb367f032d93F642f64180aa3"}}`))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Verify(ctx, b, VerifyOptions{Policy: pol}); !errors.Is(err, ErrManifestMismatch) || !strings.Contains(err.Error(), "chainId 1337") {
		t.Errorf("policy pinning chain 1337, signature for chain 1: %v", err)
	}
	good := Bundle{EthSignatures: []*EthSignature{l.leaf712}, Manifest: l.leaf}
	if r, err := Verify(ctx, good, VerifyOptions{Policy: pol}); err != nil || len(r.Notes) != 0 {
		t.Errorf("pinned domain, matching signature: %v, notes %q", err, r.Notes)
	}
	if _, err := Verify(ctx, good, VerifyOptions{Policy: pol, Domain: &other}); !errors.Is(err, ErrMalformedPolicy) {
		t.Errorf("policy and options pinning different domains: %v", err)
	}
	for _, bad := range []string{`{"chainId":0}`, `{"chainId":"x"}`, `{"verifyingContract":"0x0000000000000000000000000000000000000000"}`, `{"ChainId":1}`} {
		if _, err := ParsePolicy([]byte(`{"keys":[{"id":"` + l.eth.ID() + `"}],"eip712Domain":` + bad + `}`)); !errors.Is(err, ErrMalformedPolicy) {
			t.Errorf("eip712Domain %s: %v", bad, err)
		}
	}
}

// TestVerifyValidatesManifest: a manifest that is well formed but breaks
// the rules (contributors at 300%, a duplicate contributor, a path leaving
// the artifact) does not verify, signed or given.
func TestVerifyValidatesManifest(t *testing.T) {
	ctx := context.Background()
	k := newTestKeys(t)
	_, base := artifact(t, testFiles)
	for _, tc := range []struct {
		name   string
		mutate func(m *provenance.Manifest)
		want   string
	}{
		{"contributors at 300%", func(m *provenance.Manifest) {
			m.Contributors = []provenance.Contributor{
				{ID: testEthAddress, Role: "weights", Share: provenance.ShareWhole},
				{ID: testEthAddress, Role: "data", Share: provenance.ShareWhole},
				{ID: testEthAddress, Role: "code", Share: provenance.ShareWhole},
			}
		}, "sum to 300%"},
		{"duplicate contributor", func(m *provenance.Manifest) {
			m.Contributors = []provenance.Contributor{
				{ID: testEthAddress, Role: "weights", Share: provenance.ShareWhole / 2},
				{ID: testEthAddress, Role: "weights", Share: provenance.ShareWhole / 2},
			}
		}, "duplicate"},
		{"a path leaving the artifact", func(m *provenance.Manifest) { m.Subject.Files[0].Path = "../config.json" }, "leaves the artifact root"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := *base
			m.Subject.Files = append([]provenance.File(nil), base.Subject.Files...)
			m.Contributors = append([]provenance.Contributor(nil), base.Contributors...)
			tc.mutate(&m)
			env, err := Sign(ctx, &m, k.ed)
			if err != nil {
				t.Fatal(err)
			}
			_, err = Verify(ctx, Bundle{Envelope: env}, trust(k.ed))
			if !errors.Is(err, ErrManifestMismatch) || !errors.Is(err, provenance.ErrInvalidManifest) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("signed: %v", err)
			}
			if _, err := ManifestOf(env); !errors.Is(err, provenance.ErrInvalidManifest) {
				t.Errorf("ManifestOf (what co-signing reads): %v", err)
			}
			s, err := SignEIP191(ctx, &m, k.eth)
			if err != nil {
				t.Fatal(err)
			}
			_, err = Verify(ctx, Bundle{EthSignatures: []*EthSignature{s}, Manifest: &m}, trust(k.eth))
			if !errors.Is(err, provenance.ErrInvalidManifest) {
				t.Errorf("given: %v", err)
			}
		})
	}
}

// TestSignedJSONDifferential reads each spelling variant of a signed
// statement with other JSON readers — Python's json and Node's JSON.parse,
// whichever are installed — and checks the one property that matters:
// whenever aiprov accepts a payload, every other reader sees the same
// manifestCid, manifest and subject names in it. (aiprov refuses every
// variant here; the check would catch a reader change that made it accept
// one the others read differently.)
func TestSignedJSONDifferential(t *testing.T) {
	l := newTamperLineage(t)
	variants := append(jsonSpellingVariants(t, l), spellingVariant{"the original", l.leafEnv.Payload})
	readers := map[string][]string{
		"python3": {"python3", "-c", `
import base64, json, sys
out = []
for p in json.load(sys.stdin):
    try:
        st = json.loads(base64.b64decode(p).decode("utf-8", "surrogatepass"))
        pred = st["predicate"]
        out.append({"cid": pred["manifestCid"], "manifest": json.dumps(pred["manifest"], sort_keys=True, separators=(",", ":")), "names": [s["name"] for s in st["subject"]]})
    except Exception as e:
        out.append(None)
print(json.dumps(out))
`},
		"node": {"node", "-e", `
let input = ""; process.stdin.on("data", d => input += d); process.stdin.on("end", () => {
  const sort = v => Array.isArray(v) ? v.map(sort) : v && typeof v === "object" ? Object.fromEntries(Object.keys(v).sort().map(k => [k, sort(v[k])])) : v;
  const out = JSON.parse(input).map(p => {
    try {
      const st = JSON.parse(Buffer.from(p, "base64").toString("utf8"));
      return {cid: st.predicate.manifestCid, manifest: JSON.stringify(sort(st.predicate.manifest)), names: st.subject.map(s => s.name)};
    } catch (e) { return null; }
  });
  console.log(JSON.stringify(out));
});`},
	}
	var input []string
	for _, v := range variants {
		input = append(input, base64.StdEncoding.EncodeToString(v.payload))
	}
	stdin, _ := json.Marshal(input)
	ran := 0
	for name, argv := range readers {
		if _, err := exec.LookPath(argv[0]); err != nil {
			t.Logf("%s not installed; skipped", name)
			continue
		}
		cmd := exec.Command(argv[0], argv[1:]...)
		cmd.Stdin = bytes.NewReader(stdin)
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		type reading struct {
			CID      string   `json:"cid"`
			Manifest string   `json:"manifest"`
			Names    []string `json:"names"`
		}
		var got []*reading
		if err := json.Unmarshal(out, &got); err != nil {
			t.Fatalf("%s: %v: %s", name, err, out)
		}
		ran++
		differs := 0
		for i, v := range variants {
			st, lp, err := parseLineageStatement(v.payload)
			var ours *reading
			if err == nil {
				r := &Report{}
				r.checkLineage(st, lp)
				if r.OK() {
					var names []string
					for _, s := range st.Subject {
						names = append(names, s.Name)
					}
					var mv any
					json.Unmarshal(lp.Manifest, &mv)
					mjs, _ := json.Marshal(mv)
					ours = &reading{CID: lp.ManifestCID, Manifest: string(mjs), Names: names}
				}
			}
			if v.name == "the original" && ours == nil {
				t.Fatalf("aiprov refuses the original payload")
			}
			if ours == nil {
				if got[i] != nil && (got[i].CID != l.leafCID.String() || !strings.Contains(got[i].Manifest, `"license":"Apache-2.0"`)) {
					differs++ // a reading other than the signer's intent, refused by aiprov
				}
				continue
			}
			if got[i] == nil || got[i].CID != ours.CID || got[i].Manifest != ours.Manifest || strings.Join(got[i].Names, "\x00") != strings.Join(ours.Names, "\x00") {
				t.Errorf("%s: %s reads %+v, aiprov accepts and reads %+v", v.name, name, got[i], ours)
			}
		}
		t.Logf("%s: %d variants, %d of which %s reads as another manifest; aiprov refuses all but the original", name, len(variants), differs, name)
	}
	if ran == 0 {
		t.Skip("neither python3 nor node is installed")
	}
}

// TestParseIdentityAddress: an address identity follows the grammar of
// addresses in manifests and payouts (internal/eip55): one case throughout,
// or the EIP-55 checksum. The checksummed vector is EIP-55's own.
func TestParseIdentityAddress(t *testing.T) {
	const good = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"
	for _, tt := range []struct {
		id string
		ok bool
	}{
		{good, true},
		{strings.ToLower(good), true},
		{"0x" + strings.ToUpper(good[2:]), true},
		{"0X" + good[2:], true},
		{"0x5aaeb6053F3E94C9b9A09f33669435E7Ef1BeAed", false}, // one letter's case off
		{good[:41], false},
		{good[:41] + "g", false},
	} {
		k, err := ParseIdentity(tt.id)
		if (err == nil) != tt.ok {
			t.Errorf("ParseIdentity(%s): %v, want ok %v", tt.id, err, tt.ok)
			continue
		}
		if tt.ok && k.ID() != good {
			t.Errorf("ParseIdentity(%s).ID() = %s, want %s", tt.id, k.ID(), good)
		}
	}
}
