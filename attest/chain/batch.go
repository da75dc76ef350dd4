package chain

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/aiprov/aiprov/attest"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// BatchEntry is one manifest of a batch: its attestation and the owner its
// token goes to when it proves its inclusion.
type BatchEntry struct {
	Owner       common.Address
	Attestation attest.ManifestAttestation
}

// Batch is an OpenZeppelin StandardMerkleTree over the leaves
// (address owner, bytes32 hashStruct(attestation)) of its entries — what
// the registry's anchorBatch anchors and registerFromBatch checks with
// OpenZeppelin's MerkleProof:
//
//	leaf = keccak256(keccak256(abi.encode(owner, hashStruct(attestation))))
//	node = keccak256(min(a, b) ‖ max(a, b))
//
// It matches @openzeppelin/merkle-tree's
// StandardMerkleTree.of(values, ["address", "bytes32"]) hash for hash.
// (The royalty package's tree has the same layout but takes (address,
// amount) payouts, one per address; a batch has many manifests per owner.)
type Batch struct {
	Entries []BatchEntry
	tree    []common.Hash // 2n−1 nodes, root at 0, sorted leaf k at 2n−2−k
	index   []int         // tree index of each entry
}

// MaxBatch bounds a batch's entries.
const MaxBatch = 1 << 20

// NewBatch builds the tree over entries, which must name distinct
// manifests.
func NewBatch(entries []BatchEntry) (*Batch, error) {
	n := len(entries)
	if n == 0 {
		return nil, errors.New("chain: a batch needs at least one manifest")
	}
	if n > MaxBatch {
		return nil, fmt.Errorf("chain: a batch of %d manifests, more than %d", n, MaxBatch)
	}
	type leaf struct {
		hash common.Hash
		i    int
	}
	leaves := make([]leaf, n)
	seen := make(map[[32]byte]int, n)
	for i, e := range entries {
		d := e.Attestation.ManifestDigest
		if d == ([32]byte{}) {
			return nil, fmt.Errorf("chain: batch entry %d: zero manifest digest", i)
		}
		if j, ok := seen[d]; ok {
			return nil, fmt.Errorf("chain: batch entries %d and %d are the same manifest %s", j, i, ManifestCID(d))
		}
		seen[d] = i
		leaves[i] = leaf{BatchLeaf(e.Owner, e.Attestation.StructHash()), i}
	}
	slices.SortFunc(leaves, func(a, b leaf) int { return bytes.Compare(a.hash[:], b.hash[:]) })
	b := &Batch{Entries: entries, tree: make([]common.Hash, 2*n-1), index: make([]int, n)}
	for k, l := range leaves {
		b.tree[2*n-2-k] = l.hash
		b.index[l.i] = 2*n - 2 - k
	}
	for i := n - 2; i >= 0; i-- {
		b.tree[i] = nodeHash(b.tree[2*i+1], b.tree[2*i+2])
	}
	return b, nil
}

// BatchLeaf returns the leaf hash of (owner, structHash).
func BatchLeaf(owner common.Address, structHash [32]byte) common.Hash {
	var enc [64]byte
	copy(enc[12:32], owner[:])
	copy(enc[32:], structHash[:])
	inner := crypto.Keccak256(enc[:])
	return common.Hash(crypto.Keccak256(inner))
}

func nodeHash(a, b common.Hash) common.Hash {
	if bytes.Compare(a[:], b[:]) > 0 {
		a, b = b, a
	}
	return common.Hash(crypto.Keccak256(a[:], b[:]))
}

// Root returns the Merkle root.
func (b *Batch) Root() common.Hash { return b.tree[0] }

// Inclusion returns entry i with its proof.
func (b *Batch) Inclusion(i int) *Inclusion {
	var proof []common.Hash
	for k := b.index[i]; k > 0; k = (k - 1) / 2 {
		sibling := k + 1
		if k%2 == 0 {
			sibling = k - 1
		}
		proof = append(proof, b.tree[sibling])
	}
	e := b.Entries[i]
	return &Inclusion{Root: b.Root(), Owner: e.Owner, Attestation: e.Attestation, Proof: proof}
}

// Inclusion is what a manifest of an anchored batch needs to prove its
// place in it: keep one per manifest (its JSON form) to register it later.
type Inclusion struct {
	Root        common.Hash
	Owner       common.Address
	Attestation attest.ManifestAttestation
	Proof       []common.Hash
}

// Verify recomputes the root from the leaf and the proof, as OpenZeppelin's
// MerkleProof.verify does.
func (in *Inclusion) Verify() bool {
	h := BatchLeaf(in.Owner, in.Attestation.StructHash())
	for _, p := range in.Proof {
		h = nodeHash(h, p)
	}
	return h == in.Root
}

type inclusionJSON struct {
	Root    common.Hash         `json:"root"`
	Owner   common.Address      `json:"owner"`
	Message attest.TypedMessage `json:"attestation"`
	Proof   []common.Hash       `json:"proof"`
}

// MarshalJSON writes the attestation as the EIP-712 message's JSON.
func (in *Inclusion) MarshalJSON() ([]byte, error) {
	proof := in.Proof
	if proof == nil {
		proof = []common.Hash{}
	}
	return json.Marshal(inclusionJSON{in.Root, in.Owner, attest.NewTypedData(attest.DefaultDomain(), in.Attestation).Message, proof})
}

// maxProof bounds a proof's length: a tree of MaxBatch leaves is 20 deep.
const maxProof = 64

// UnmarshalJSON reads what MarshalJSON writes.
func (in *Inclusion) UnmarshalJSON(data []byte) error {
	var j inclusionJSON
	if err := json.Unmarshal(data, &j); err != nil {
		return fmt.Errorf("chain: inclusion: %w", err)
	}
	if len(j.Proof) > maxProof {
		return fmt.Errorf("chain: inclusion: proof of %d hashes, more than %d", len(j.Proof), maxProof)
	}
	td := attest.NewTypedData(attest.DefaultDomain(), attest.ManifestAttestation{})
	td.Message = j.Message
	_, a, err := td.Parse()
	if err != nil {
		return fmt.Errorf("chain: inclusion: %w", err)
	}
	*in = Inclusion{Root: j.Root, Owner: j.Owner, Attestation: a, Proof: j.Proof}
	return nil
}
