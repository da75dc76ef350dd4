package royalty

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash"
	"io"
	"math/big"
	"math/bits"
	"runtime"
	"slices"
	"strings"
	"sync"

	"golang.org/x/crypto/sha3"
)

// Hash is a 32-byte Keccak-256 digest.
type Hash [32]byte

// String returns the hash as 0x-prefixed lower-case hex, as ethers writes it.
func (h Hash) String() string { return "0x" + hex.EncodeToString(h[:]) }

// MerkleTree is an OpenZeppelin StandardMerkleTree over (address, uint256)
// leaves, the shape claim contracts verify with OpenZeppelin's MerkleProof:
//
//	leaf = keccak256(keccak256(abi.encode(address, amount)))
//	node = keccak256(min(a, b) ‖ max(a, b))
//
// Leaves are sorted by hash and stored, with the inner nodes, in one array
// of 2n−1 hashes: sorted leaf i at index 2n−2−i and node i over children
// 2i+1 and 2i+2, the root at index 0. It matches @openzeppelin/merkle-tree
// v1's StandardMerkleTree.of(values, ["address","uint256"]) hash for hash.
type MerkleTree struct {
	tree      []Hash
	payouts   []Payout // in input order
	addrs     []Address
	treeIndex []int // per input index
}

// NewMerkleTree builds the tree over payouts, kept in their given order for
// Proof and WriteDump. Every recipient must be an address (ErrNotAddress),
// listed once (ErrDuplicateRecipient), with an amount in [0, 2^256).
func NewMerkleTree(payouts []Payout) (*MerkleTree, error) {
	n := len(payouts)
	if n == 0 {
		return nil, fmt.Errorf("%w: a Merkle tree needs at least one payout", ErrInvalid)
	}
	t := &MerkleTree{
		tree:      make([]Hash, 2*n-1),
		payouts:   payouts,
		addrs:     make([]Address, n),
		treeIndex: make([]int, n),
	}
	// Parse (checking EIP-55 checksums) and hash leaves in parallel: the
	// Keccak-256 calls dominate the cost.
	type leaf struct {
		hash Hash
		idx  int32
	}
	leaves := make([]leaf, n)
	err := parallelFirstError(n, func(lo, hi int) error {
		h := sha3.NewLegacyKeccak256()
		for i := lo; i < hi; i++ {
			p := payouts[i]
			a, err := parseAddress(p.Recipient, h)
			if err != nil {
				return fmt.Errorf("payout %d: %w", i, err)
			}
			if p.Amount == nil || p.Amount.Sign() < 0 || p.Amount.Cmp(maxAmount) > 0 {
				return fmt.Errorf("%w: payout %d (%s): amount %v is not a uint256", ErrInvalid, i, a, p.Amount)
			}
			t.addrs[i] = a
			leaves[i] = leaf{leafHash(h, a, p.Amount), int32(i)}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	// Duplicates: sort the addresses with their indexes and compare
	// neighbours.
	byAddr := make([]int32, n)
	for i := range byAddr {
		byAddr[i] = int32(i)
	}
	slices.SortFunc(byAddr, func(a, b int32) int {
		if c := bytes.Compare(t.addrs[a][:], t.addrs[b][:]); c != 0 {
			return c
		}
		return int(a - b)
	})
	for k := 1; k < n; k++ {
		if i, j := byAddr[k-1], byAddr[k]; t.addrs[i] == t.addrs[j] {
			return nil, fmt.Errorf("%w: payouts %d and %d both pay %s", ErrDuplicateRecipient, i, j, t.addrs[i])
		}
	}

	slices.SortFunc(leaves, func(a, b leaf) int { return bytes.Compare(a.hash[:], b.hash[:]) })
	for k, l := range leaves {
		t.tree[2*n-2-k] = l.hash
		t.treeIndex[l.idx] = 2*n - 2 - k
	}
	// Inner node i has children 2i+1 and 2i+2, so the nodes of one level of
	// the heap layout, [2^k−1, 2^(k+1)−1), depend only on deeper levels:
	// hash each level in parallel, deepest first.
	for k := bits.Len(uint(n-1)) - 1; k >= 0; k-- {
		lo, hi := 1<<k-1, min(1<<(k+1)-1, n-1)
		if lo >= hi {
			continue
		}
		parallel(hi-lo, func(a, b int) {
			h := sha3.NewLegacyKeccak256()
			for i := lo + a; i < lo+b; i++ {
				t.tree[i] = nodeHash(h, t.tree[2*i+1], t.tree[2*i+2])
			}
		})
	}
	return t, nil
}

// parallel runs f over [0, n) in chunks, one per CPU.
func parallel(n int, f func(lo, hi int)) {
	workers := min(runtime.GOMAXPROCS(0), max(1, n/4096))
	if workers <= 1 {
		f(0, n)
		return
	}
	var wg sync.WaitGroup
	chunk := (n + workers - 1) / workers
	for lo := 0; lo < n; lo += chunk {
		wg.Add(1)
		go func(lo, hi int) {
			defer wg.Done()
			f(lo, hi)
		}(lo, min(lo+chunk, n))
	}
	wg.Wait()
}

// parallelFirstError runs f over [0, n) in chunks, as parallel does; f
// stops at the first error in its chunk. Of the chunks that fail, the one
// lowest in [0, n) decides the error, which is thus the error a sequential
// loop would report.
func parallelFirstError(n int, f func(lo, hi int) error) error {
	var mu sync.Mutex
	firstLo, firstErr := n, error(nil)
	parallel(n, func(lo, hi int) {
		if err := f(lo, hi); err != nil {
			mu.Lock()
			if lo < firstLo {
				firstLo, firstErr = lo, err
			}
			mu.Unlock()
		}
	})
	return firstErr
}

// LeafHash returns the StandardMerkleTree leaf for (account, amount):
// keccak256(keccak256(abi.encode(account, amount))).
func LeafHash(account Address, amount *big.Int) Hash {
	return leafHash(sha3.NewLegacyKeccak256(), account, amount)
}

func leafHash(h hash.Hash, a Address, amount *big.Int) Hash {
	// abi.encode(address, uint256): each a 32-byte big-endian word.
	var enc [64]byte
	copy(enc[12:32], a[:])
	amount.FillBytes(enc[32:])
	var inner, leaf Hash
	h.Reset()
	h.Write(enc[:])
	h.Sum(inner[:0])
	h.Reset()
	h.Write(inner[:])
	h.Sum(leaf[:0])
	return leaf
}

func nodeHash(h hash.Hash, a, b Hash) Hash {
	if bytes.Compare(a[:], b[:]) > 0 {
		a, b = b, a
	}
	var out Hash
	h.Reset()
	h.Write(a[:])
	h.Write(b[:])
	h.Sum(out[:0])
	return out
}

// Root returns the root, the value a distributor contract stores.
func (t *MerkleTree) Root() Hash { return t.tree[0] }

// Len returns the number of leaves.
func (t *MerkleTree) Len() int { return len(t.payouts) }

// Payout returns the i-th payout, in the order given to NewMerkleTree.
func (t *MerkleTree) Payout(i int) Payout { return t.payouts[i] }

// Proof returns the proof for the i-th payout: the sibling hashes from its
// leaf up to the root, what MerkleProof.verify takes.
func (t *MerkleTree) Proof(i int) []Hash {
	var proof []Hash
	for j := t.treeIndex[i]; j > 0; j = (j - 1) / 2 {
		sib := j + 1
		if j%2 == 0 {
			sib = j - 1
		}
		proof = append(proof, t.tree[sib])
	}
	return proof
}

// VerifyProof reports whether proof proves that (account, amount) is a
// leaf of the tree with this root, as OpenZeppelin's MerkleProof.verify
// does on chain.
func VerifyProof(root Hash, account Address, amount *big.Int, proof []Hash) bool {
	if amount == nil || amount.Sign() < 0 || amount.Cmp(maxAmount) > 0 {
		return false
	}
	h := sha3.NewLegacyKeccak256()
	cur := leafHash(h, account, amount)
	for _, p := range proof {
		cur = nodeHash(h, cur, p)
	}
	return cur == root
}

// merkleDump is @openzeppelin/merkle-tree's "standard-v1" format.
type merkleDump struct {
	Format       string          `json:"format"`
	LeafEncoding []string        `json:"leafEncoding"`
	Tree         []string        `json:"tree"`
	Values       []dumpValueJSON `json:"values"`
}

type dumpValueJSON struct {
	Value     [2]string `json:"value"`
	TreeIndex int       `json:"treeIndex"`
}

var leafEncoding = []string{"address", "uint256"}

// WriteDump writes the tree in @openzeppelin/merkle-tree's "standard-v1"
// JSON format, which StandardMerkleTree.load reads: the hashes of the tree
// array, and each value ([address, amount as a decimal string]) in input
// order with its index in that array.
func (t *MerkleTree) WriteDump(w io.Writer) error {
	d := merkleDump{
		Format:       "standard-v1",
		LeafEncoding: leafEncoding,
		Tree:         make([]string, len(t.tree)),
		Values:       make([]dumpValueJSON, len(t.payouts)),
	}
	for i, h := range t.tree {
		d.Tree[i] = h.String()
	}
	for i, p := range t.payouts {
		d.Values[i] = dumpValueJSON{Value: [2]string{p.Recipient, p.Amount.String()}, TreeIndex: t.treeIndex[i]}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(d)
}

// ReadDump reads a "standard-v1" dump of an (address, uint256) tree, as
// WriteDump or @openzeppelin/merkle-tree's dump() writes it, and checks it:
// the tree is rebuilt from the values and must equal the dump hash for hash
// (so a dump that was tampered with is refused). At most maxBytes are read.
func ReadDump(r io.Reader, maxBytes int64) (*MerkleTree, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("reading Merkle dump: %w", err)
	}
	if int64(len(data)) > maxBytes {
		return nil, fmt.Errorf("%w: Merkle dump is larger than %d bytes", ErrLimit, maxBytes)
	}
	var d struct {
		Format       string   `json:"format"`
		LeafEncoding []string `json:"leafEncoding"`
		Tree         []string `json:"tree"`
		Values       []struct {
			Value     []json.RawMessage `json:"value"`
			TreeIndex int               `json:"treeIndex"`
		} `json:"values"`
	}
	if err := json.Unmarshal(data, &d); err != nil {
		return nil, fmt.Errorf("%w: Merkle dump: %v", ErrInvalid, err)
	}
	if d.Format != "standard-v1" {
		return nil, fmt.Errorf("%w: Merkle dump: format %q, want \"standard-v1\"", ErrInvalid, d.Format)
	}
	if !slices.Equal(d.LeafEncoding, leafEncoding) {
		return nil, fmt.Errorf("%w: Merkle dump: leafEncoding %v, want [address uint256]", ErrInvalid, d.LeafEncoding)
	}
	payouts := make([]Payout, len(d.Values))
	for i, v := range d.Values {
		if len(v.Value) != 2 {
			return nil, fmt.Errorf("%w: Merkle dump: values[%d]: want [address, amount]", ErrInvalid, i)
		}
		var addr string
		if err := json.Unmarshal(v.Value[0], &addr); err != nil {
			return nil, fmt.Errorf("%w: Merkle dump: values[%d][0]: want an address string", ErrInvalid, i)
		}
		// ethers accepts a uint256 as a decimal string or a JSON number.
		amt := strings.Trim(string(v.Value[1]), `"`)
		n, ok := new(big.Int).SetString(amt, 0)
		if !ok {
			return nil, fmt.Errorf("%w: Merkle dump: values[%d][1]: amount %s is not an integer", ErrInvalid, i, v.Value[1])
		}
		payouts[i] = Payout{Recipient: addr, Amount: n}
	}
	t, err := NewMerkleTree(payouts)
	if err != nil {
		return nil, fmt.Errorf("Merkle dump: %w", err)
	}
	if len(d.Tree) != len(t.tree) {
		return nil, fmt.Errorf("%w: Merkle dump: tree has %d hashes, want %d for %d values", ErrInvalid, len(d.Tree), len(t.tree), len(payouts))
	}
	for i, h := range d.Tree {
		if !strings.EqualFold(h, t.tree[i].String()) {
			return nil, fmt.Errorf("%w: Merkle dump: tree[%d] is %s, but the values give %s", ErrInvalid, i, h, t.tree[i])
		}
	}
	for i, v := range d.Values {
		if v.TreeIndex != t.treeIndex[i] {
			return nil, fmt.Errorf("%w: Merkle dump: values[%d].treeIndex is %d, but the values give %d", ErrInvalid, i, v.TreeIndex, t.treeIndex[i])
		}
	}
	return t, nil
}
