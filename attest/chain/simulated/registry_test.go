package simulated_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"errors"
	"math/big"
	"slices"
	"strings"
	"testing"

	"github.com/aiprov/aiprov/attest"
	"github.com/aiprov/aiprov/attest/chain"
	"github.com/aiprov/aiprov/attest/chain/bindings"
	"github.com/aiprov/aiprov/attest/chain/simulated"
	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ipfs/go-cid"
	mh "github.com/multiformats/go-multihash"
)

func newKey(t testing.TB) *attest.PrivateKey {
	t.Helper()
	k, err := attest.GenerateKey(attest.Secp256k1, rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func open(t testing.TB, signer chain.TxSigner) *simulated.Chain {
	t.Helper()
	c, err := simulated.Open(context.Background(), simulated.Options{Signer: signer})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// manifestCID makes a distinct manifest CID (dag-cbor, sha2-256) from a name.
func manifestCID(t testing.TB, name string) cid.Cid {
	t.Helper()
	c, err := cid.Prefix{Version: 1, Codec: cid.DagCBOR, MhType: mh.SHA2_256, MhLength: -1}.Sum([]byte(name))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func attestation(t testing.TB, name string, parents ...cid.Cid) attest.ManifestAttestation {
	t.Helper()
	d, _ := chain.Digest(manifestCID(t, name))
	sd, _ := chain.Digest(manifestCID(t, "subject of "+name))
	a := attest.ManifestAttestation{ManifestDigest: d, SubjectDigest: sd, SubjectSize: 1 << 30, Created: 1764090000, Parents: [][32]byte{}}
	for _, p := range parents {
		pd, _ := chain.Digest(p)
		a.Parents = append(a.Parents, pd)
	}
	slices.SortFunc(a.Parents, func(x, y [32]byte) int { return bytes.Compare(x[:], y[:]) })
	return a
}

func register(t testing.TB, c *simulated.Chain, key *attest.PrivateKey, a attest.ManifestAttestation) *chain.Anchor {
	t.Helper()
	ctx := context.Background()
	sig, err := c.Sign(ctx, key, a)
	if err != nil {
		t.Fatal(err)
	}
	an, err := c.Register(ctx, a, key.Address(), sig)
	if err != nil {
		t.Fatal(err)
	}
	return an
}

func TestRegisterRecordAndToken(t *testing.T) {
	ctx := context.Background()
	owner, relayer := newKey(t), newKey(t)
	c := open(t, relayer) // the relayer sends and pays; the owner only signs
	base := attestation(t, "base")
	data := attestation(t, "data")
	baseAnchor := register(t, c, owner, base)
	register(t, c, owner, data)
	child := attestation(t, "child", manifestCID(t, "base"), manifestCID(t, "data"))
	child.RoyaltyShare = 2_500_000 // 2.5%
	an := register(t, c, owner, child)

	if an.Existing || an.GasUsed == 0 || an.Registrant != owner.Address() || an.Owner != owner.Address() {
		t.Fatalf("anchor = %+v", an)
	}
	rec, err := c.Record(ctx, manifestCID(t, "child"))
	if err != nil {
		t.Fatal(err)
	}
	wantParents := []cid.Cid{chain.ManifestCID(child.Parents[0]), chain.ManifestCID(child.Parents[1])}
	if !slices.EqualFunc(rec.Parents, wantParents, cid.Cid.Equals) || rec.RoyaltyShare != 2_500_000 ||
		rec.SubjectDigest != child.SubjectDigest || rec.TxHash != an.TxHash || rec.Block != an.Block || rec.BatchRoot != (common.Hash{}) {
		t.Fatalf("record = %+v, anchor %+v", rec, an)
	}
	kids, err := c.Children(ctx, manifestCID(t, "base"))
	if err != nil || len(kids) != 1 || !kids[0].Equals(manifestCID(t, "child")) {
		t.Fatalf("children of base = %v, %v", kids, err)
	}
	if kids, err := c.Children(ctx, manifestCID(t, "child")); err != nil || len(kids) != 0 {
		t.Fatalf("children of child = %v, %v", kids, err)
	}
	// tokenURI is built on chain; go-cid's String is the independent
	// base32 encoder it must agree with.
	uri, err := c.TokenURI(ctx, manifestCID(t, "child"))
	if err != nil || uri != "ipfs://"+manifestCID(t, "child").String() {
		t.Fatalf("tokenURI = %q, %v; want ipfs://%s", uri, err, manifestCID(t, "child"))
	}
	// Registering again returns the existing record, sends nothing.
	again := register(t, c, owner, base)
	if !again.Existing || again.GasUsed != 0 || again.TxHash != baseAnchor.TxHash {
		t.Fatalf("second registration = %+v, first %+v", again, baseAnchor)
	}

	// EIP-2981 and ERC-165.
	reg := bindings.NewProvenanceRegistry()
	id := an.TokenID().Big()
	ri := callRegistry(t, c, reg.PackRoyaltyInfo(id, big.NewInt(1e18)), reg.UnpackRoyaltyInfo)
	if ri.Receiver != owner.Address() || ri.RoyaltyAmount.Cmp(big.NewInt(25e15)) != 0 {
		t.Fatalf("royaltyInfo(1 ETH) = %s, %s; want %s, 0.025 ETH", ri.Receiver, ri.RoyaltyAmount, owner.Address())
	}
	for _, iface := range [][4]byte{{0x2a, 0x55, 0x20, 0x5a}, {0x80, 0xac, 0x58, 0xcd}, {0x5b, 0x5e, 0x13, 0x9f}} {
		if !callRegistry(t, c, reg.PackSupportsInterface(iface), reg.UnpackSupportsInterface) {
			t.Errorf("supportsInterface(%x) = false", iface)
		}
	}

	// The token moves, and with it the record's owner and the royalties.
	buyer := newKey(t)
	ownerSide, err := chain.New(ctx, c.Client(), chain.Config{Registry: c.Address(), TxOptions: chain.TxOptions{Signer: owner}})
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Fund(ctx, owner.Address(), big.NewInt(1e17)); err != nil {
		t.Fatal(err)
	}
	if _, err := ownerSide.Transfer(ctx, manifestCID(t, "child"), buyer.Address()); err != nil {
		t.Fatal(err)
	}
	if got, _ := c.OwnerOf(ctx, manifestCID(t, "child")); got != buyer.Address() {
		t.Fatalf("owner after transfer = %s, want %s", got, buyer.Address())
	}
	if ri := callRegistry(t, c, reg.PackRoyaltyInfo(id, big.NewInt(1e18)), reg.UnpackRoyaltyInfo); ri.Receiver != buyer.Address() {
		t.Fatalf("royalty receiver after transfer = %s", ri.Receiver)
	}
}

func callRegistry[T any](t testing.TB, c *simulated.Chain, data []byte, unpack func([]byte) (T, error)) T {
	t.Helper()
	to := c.Address()
	out, err := c.Client().CallContract(context.Background(), ethereum.CallMsg{To: &to, Data: data}, nil)
	if err != nil {
		t.Fatal(chain.ParseRevert(err))
	}
	v, err := unpack(out)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// estimate asks the chain to run data against the registry from from and
// returns its revert, decoded.
func estimate(c *simulated.Chain, from common.Address, data []byte) error {
	to := c.Address()
	_, err := c.Client().EstimateGas(context.Background(), ethereum.CallMsg{From: from, To: &to, Data: data})
	return chain.ParseRevert(err)
}

func TestRegisterReverts(t *testing.T) {
	ctx := context.Background()
	owner := newKey(t)
	c := open(t, owner)
	reg := bindings.NewProvenanceRegistry()
	register(t, c, owner, attestation(t, "p1"))
	register(t, c, owner, attestation(t, "p2"))
	signed := func(a attest.ManifestAttestation) []byte {
		// The digest itself, so that messages attest refuses to sign (a
		// royalty above 100%) reach the contract.
		sig, err := owner.SignHash(ctx, attest.TypedDataHash(c.Domain(), a))
		if err != nil {
			t.Fatal(err)
		}
		return sig
	}
	bind := func(a attest.ManifestAttestation) bindings.ProvenanceRegistryManifestAttestation {
		return bindings.ProvenanceRegistryManifestAttestation{
			ManifestDigest: a.ManifestDigest, SubjectDigest: a.SubjectDigest, SubjectSize: a.SubjectSize,
			Created: a.Created, Parents: a.Parents, RoyaltyShare: a.RoyaltyShare,
		}
	}
	good := attestation(t, "child", manifestCID(t, "p1"), manifestCID(t, "p2"))
	otherChain := c.Domain()
	otherChain.ChainID = 1
	otherRegistry := c.Domain()
	otherRegistry.VerifyingContract = common.HexToAddress("0x5FbDB2315678afecb367f032d93F642f64180aa3")
	signUnder := func(d attest.Domain, a attest.ManifestAttestation) []byte {
		sig, err := owner.SignHash(ctx, attest.TypedDataHash(d, a))
		if err != nil {
			t.Fatal(err)
		}
		return sig
	}
	tampered := good
	tampered.Parents = good.Parents[:1]
	richer := good
	richer.RoyaltyShare = 50_000_000
	descending := good
	descending.Parents = [][32]byte{good.Parents[1], good.Parents[0]}
	repeated := good
	repeated.Parents = [][32]byte{good.Parents[0], good.Parents[0]}
	orphan := attestation(t, "orphan", manifestCID(t, "never registered"))
	tooRich := attestation(t, "too rich")
	tooRich.RoyaltyShare = 100_000_001
	many := attestation(t, "many")
	for i := range 257 {
		many.Parents = append(many.Parents, [32]byte{0: byte(i >> 8), 1: byte(i), 31: 1})
	}
	zero := attestation(t, "zero")
	zero.ManifestDigest = [32]byte{}
	shortSig := signed(good)[:64]

	tests := []struct {
		name    string
		data    []byte
		want    error
		errName string
	}{
		{"signed for another chain", reg.PackRegister(bind(good), owner.Address(), signUnder(otherChain, good)), chain.ErrInvalidSignature, "InvalidSignature"},
		{"signed for another registry", reg.PackRegister(bind(good), owner.Address(), signUnder(otherRegistry, good)), chain.ErrInvalidSignature, "InvalidSignature"},
		{"parents changed by the relayer", reg.PackRegister(bind(tampered), owner.Address(), signed(good)), chain.ErrInvalidSignature, "InvalidSignature"},
		{"royalty changed by the relayer", reg.PackRegister(bind(richer), owner.Address(), signed(good)), chain.ErrInvalidSignature, "InvalidSignature"},
		{"owner changed by the relayer", reg.PackRegister(bind(good), newKey(t).Address(), signed(good)), chain.ErrInvalidSignature, "InvalidSignature"},
		{"truncated signature", reg.PackRegister(bind(good), owner.Address(), shortSig), chain.ErrInvalidSignature, "InvalidSignature"},
		{"parent not registered", reg.PackRegister(bind(orphan), owner.Address(), signed(orphan)), chain.ErrParentNotRegistered, "ParentNotRegistered"},
		{"parents descending", reg.PackRegister(bind(descending), owner.Address(), signed(descending)), chain.ErrParentsNotAscending, "ParentsNotAscending"},
		{"parent repeated", reg.PackRegister(bind(repeated), owner.Address(), signed(repeated)), chain.ErrParentsNotAscending, "ParentsNotAscending"},
		{"royalty above 100%", reg.PackRegister(bind(tooRich), owner.Address(), signed(tooRich)), chain.ErrRoyaltyShareTooHigh, "RoyaltyShareTooHigh"},
		{"257 parents", reg.PackRegister(bind(many), owner.Address(), signed(many)), chain.ErrTooManyParents, "TooManyParents"},
		{"zero digest", reg.PackRegister(bind(zero), owner.Address(), signed(zero)), chain.ErrReverted, "ZeroDigest"},
		{"duplicate", reg.PackRegister(bind(attestation(t, "p1")), owner.Address(), signed(attestation(t, "p1"))), chain.ErrAlreadyRegistered, "AlreadyRegistered"},
		{"record of nothing", reg.PackRecordOf(big.NewInt(7)), chain.ErrNotRegistered, "ERC721NonexistentToken"},
		{"empty batch root", reg.PackAnchorBatch([32]byte{}, big.NewInt(0)), chain.ErrReverted, "EmptyRoot"},
		{"proof against an unknown root", reg.PackRegisterFromBatch([32]byte{1}, owner.Address(), bind(good), nil), chain.ErrBatchNotAnchored, "BatchNotAnchored"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := estimate(c, owner.Address(), tc.data)
			var rev *chain.RevertError
			if !errors.Is(err, tc.want) || !errors.As(err, &rev) || rev.Name != tc.errName {
				t.Fatalf("err = %v, want the registry's %s matching %v", err, tc.errName, tc.want)
			}
		})
	}
	// Through the client, the same reverts come back before any gas is
	// spent.
	if _, err := c.Register(ctx, orphan, owner.Address(), signed(orphan)); !errors.Is(err, chain.ErrParentNotRegistered) {
		t.Fatalf("Register(orphan) = %v", err)
	}
	if _, err := c.Record(ctx, manifestCID(t, "orphan")); !errors.Is(err, chain.ErrNotRegistered) {
		t.Fatalf("Record(unregistered) = %v", err)
	}
}

func TestBatchAnchorAndProve(t *testing.T) {
	ctx := context.Background()
	anchorer, alice := newKey(t), newKey(t)
	c := open(t, anchorer)
	register(t, c, alice, attestation(t, "batch parent"))
	entries := []chain.BatchEntry{
		{Owner: alice.Address(), Attestation: attestation(t, "b0", manifestCID(t, "batch parent"))},
		{Owner: anchorer.Address(), Attestation: attestation(t, "b1")},
		{Owner: alice.Address(), Attestation: attestation(t, "b2")},
	}
	entries[2].Attestation.RoyaltyShare = 1_000_000
	b, err := chain.NewBatch(entries)
	if err != nil {
		t.Fatal(err)
	}
	// Proving before the root is anchored fails, and sends nothing.
	if _, err := c.ProveInclusion(ctx, b.Inclusion(0)); !errors.Is(err, chain.ErrBatchNotAnchored) {
		t.Fatalf("prove before anchoring: %v", err)
	}
	ba, err := c.AnchorBatch(ctx, b)
	if err != nil || ba.Existing || ba.Anchorer != anchorer.Address() || ba.Root != b.Root() {
		t.Fatalf("AnchorBatch = %+v, %v", ba, err)
	}
	again, err := c.AnchorBatch(ctx, b)
	if err != nil || !again.Existing || again.Block != ba.Block {
		t.Fatalf("AnchorBatch again = %+v, %v", again, err)
	}
	reg := bindings.NewProvenanceRegistry()
	if err := estimate(c, anchorer.Address(), reg.PackAnchorBatch(b.Root(), big.NewInt(3))); !errors.Is(err, chain.ErrReverted) || !strings.Contains(err.Error(), "BatchAlreadyAnchored") {
		t.Fatalf("anchoring twice on chain: %v", err)
	}
	// Wrong proofs: another owner, another royalty, a proof of another leaf.
	wrongOwner := *b.Inclusion(0)
	wrongOwner.Owner = anchorer.Address()
	wrongShare := *b.Inclusion(2)
	wrongShare.Attestation.RoyaltyShare = 2_000_000
	swapped := *b.Inclusion(0)
	swapped.Proof = b.Inclusion(1).Proof
	for name, in := range map[string]*chain.Inclusion{"owner": &wrongOwner, "royalty": &wrongShare, "proof": &swapped} {
		if _, err := c.ProveInclusion(ctx, in); !errors.Is(err, chain.ErrInvalidProof) {
			t.Errorf("wrong %s: %v", name, err)
		}
	}
	// The manifests prove their inclusion (anyone may send it) and get
	// their tokens, lazily.
	for i, e := range entries {
		an, err := c.ProveInclusion(ctx, b.Inclusion(i))
		if err != nil {
			t.Fatal(err)
		}
		if an.Existing || an.Owner != e.Owner || an.BatchRoot != b.Root() || an.RoyaltyShare != e.Attestation.RoyaltyShare {
			t.Fatalf("entry %d: %+v", i, an)
		}
	}
	rec, err := c.Record(ctx, manifestCID(t, "b0"))
	if err != nil || len(rec.Parents) != 1 || !rec.Parents[0].Equals(manifestCID(t, "batch parent")) || rec.BatchRoot != b.Root() {
		t.Fatalf("record of b0 = %+v, %v", rec, err)
	}
	if kids, _ := c.Children(ctx, manifestCID(t, "batch parent")); len(kids) != 1 || !kids[0].Equals(manifestCID(t, "b0")) {
		t.Fatalf("children = %v", kids)
	}
	if an, err := c.ProveInclusion(ctx, b.Inclusion(1)); err != nil || !an.Existing {
		t.Fatalf("proving twice = %+v, %v", an, err)
	}
	// A batch leaf whose parent is missing cannot register.
	orphan := []chain.BatchEntry{{Owner: alice.Address(), Attestation: attestation(t, "b orphan", manifestCID(t, "nobody"))}}
	ob, _ := chain.NewBatch(orphan)
	if _, err := c.AnchorBatch(ctx, ob); err != nil {
		t.Fatal(err)
	}
	if _, err := c.ProveInclusion(ctx, ob.Inclusion(0)); !errors.Is(err, chain.ErrParentNotRegistered) {
		t.Fatalf("orphan in a batch: %v", err)
	}
}

// TestJournal: with Options.Dir the embedded chain outlives its process:
// reopened, it has the same records at the same blocks, and goes on.
func TestJournal(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	key := newKey(t)
	c, err := simulated.Open(ctx, simulated.Options{Signer: key, Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	first := register(t, c, key, attestation(t, "kept"))
	addr := c.Address()
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	c, err = simulated.Open(ctx, simulated.Options{Signer: key, Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if c.Address() != addr {
		t.Fatalf("registry moved from %s to %s", addr, c.Address())
	}
	rec, err := c.Record(ctx, manifestCID(t, "kept"))
	if err != nil || rec.Block != first.Block || rec.TxHash != first.TxHash || rec.Owner != key.Address() {
		t.Fatalf("after reopening: %+v, %v; registered %+v", rec, err, first)
	}
	if an := register(t, c, key, attestation(t, "kept")); !an.Existing {
		t.Fatal("registered twice after reopening")
	}
	register(t, c, key, attestation(t, "kept child", manifestCID(t, "kept")))
}
