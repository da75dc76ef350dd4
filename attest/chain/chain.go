package chain

import (
	"context"
	"errors"
	"fmt"

	"github.com/aiprov/aiprov/attest"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ipfs/go-cid"
	mh "github.com/multiformats/go-multihash"
)

// Chain is what aiprov needs from a chain that holds the provenance
// registry. *Registry implements it over any EVM node (Dial) and over the
// embedded chain (package attest/chain/simulated).
type Chain interface {
	// Domain is the EIP-712 domain that owners sign registrations under:
	// name "aiprov", version "1", the chain's id and the registry's address.
	Domain() attest.Domain

	// Register records the manifest that a describes, with its owner's
	// EIP-712 signature over a under Domain, and mints its token to owner.
	// The signature must recover to owner. Registering what is registered
	// returns the existing record (Anchor.Existing), whoever registered it.
	Register(ctx context.Context, a attest.ManifestAttestation, owner common.Address, signature []byte) (*Anchor, error)

	// AnchorBatch anchors the Merkle root of b in one transaction. Anchoring
	// an anchored root returns the block it was anchored in.
	AnchorBatch(ctx context.Context, b *Batch) (*BatchAnchor, error)

	// ProveInclusion proves that in belongs to an anchored batch and makes
	// its record, minting its token (lazily, long after the batch). It is
	// idempotent as Register is.
	ProveInclusion(ctx context.Context, in *Inclusion) (*Anchor, error)

	// Record returns the record of the manifest with CID manifestCID, or an
	// error matching ErrNotRegistered.
	Record(ctx context.Context, manifestCID cid.Cid) (*Record, error)

	// Children returns the manifests whose records name manifestCID as a
	// parent, in registration order.
	Children(ctx context.Context, manifestCID cid.Cid) ([]cid.Cid, error)

	// OwnerOf returns the current owner of the manifest's token.
	OwnerOf(ctx context.Context, manifestCID cid.Cid) (common.Address, error)
}

// Record is a manifest's record on chain.
type Record struct {
	ManifestCID   cid.Cid
	Owner         common.Address // the token's owner now
	Registrant    common.Address // whom the token was minted to
	SubjectDigest [32]byte       // the digest inside the artifact's root CID
	Parents       []cid.Cid      // the parents' manifest CIDs, ascending by digest
	RoyaltyShare  uint32         // EIP-2981 rate, in provenance.ShareWhole parts
	BatchRoot     common.Hash    // the batch it was proven from; zero if signed alone
	Block         uint64         // the block it was registered in
	TxHash        common.Hash    // the transaction that registered it
}

// TokenID returns the record's ERC-721 token id: the manifest's digest as
// a big-endian uint256.
func (r *Record) TokenID() common.Hash {
	d, _ := Digest(r.ManifestCID)
	return d
}

// Anchor is the outcome of Register or ProveInclusion.
type Anchor struct {
	Record
	Registry common.Address
	// Existing is true when the manifest was already registered: no
	// transaction was sent, Record is the existing one and GasUsed is 0.
	Existing bool
	GasUsed  uint64
}

// BatchAnchor is the outcome of AnchorBatch.
type BatchAnchor struct {
	Root     common.Hash
	Anchorer common.Address
	Block    uint64
	TxHash   common.Hash // zero when the root was already anchored
	GasUsed  uint64
	Existing bool
}

// Errors that name the registry's custom errors. A revert is returned as a
// *RevertError that matches one of these with errors.Is.
var (
	ErrNotRegistered       = errors.New("chain: manifest not registered")
	ErrAlreadyRegistered   = errors.New("chain: manifest already registered")
	ErrParentNotRegistered = errors.New("chain: parent not registered")
	ErrParentsNotAscending = errors.New("chain: parents not in strictly ascending order")
	ErrTooManyParents      = errors.New("chain: too many parents")
	ErrRoyaltyShareTooHigh = errors.New("chain: royalty share above 100%")
	ErrInvalidSignature    = errors.New("chain: invalid signature")
	ErrBatchNotAnchored    = errors.New("chain: batch not anchored")
	ErrInvalidProof        = errors.New("chain: inclusion proof does not match the batch root")
	ErrReverted            = errors.New("chain: transaction reverted")
)

// Digest returns the 32-byte digest of a manifest CID (CIDv1, dag-cbor,
// sha2-256): the record's token id.
func Digest(manifestCID cid.Cid) (common.Hash, error) {
	if !manifestCID.Defined() {
		return common.Hash{}, errors.New("chain: undefined manifest CID")
	}
	p := manifestCID.Prefix()
	if p.Version != 1 || p.Codec != cid.DagCBOR || p.MhType != mh.SHA2_256 {
		return common.Hash{}, fmt.Errorf("chain: %s is not a manifest CID (want CIDv1, dag-cbor, sha2-256)", manifestCID)
	}
	d, err := mh.Decode(manifestCID.Hash())
	if err != nil || len(d.Digest) != 32 {
		return common.Hash{}, fmt.Errorf("chain: %s: malformed sha2-256 multihash", manifestCID)
	}
	return common.Hash(d.Digest), nil
}

// ManifestCID rebuilds a manifest's CID from its digest (a token id).
func ManifestCID(digest [32]byte) cid.Cid {
	return cid.NewCidV1(cid.DagCBOR, append([]byte{0x12, 0x20}, digest[:]...))
}
