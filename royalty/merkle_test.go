package royalty

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/aiprov/aiprov/internal/testtools"
)

// The known vector of @openzeppelin/merkle-tree's README: the root that
// StandardMerkleTree.of(values, ["address", "uint256"]) of v1.0.8 prints for
// these two payouts. (TestMerkleMatchesOpenZeppelin compares random trees with
// the library itself.)
func TestMerkleKnownVector(t *testing.T) {
	payouts := []Payout{
		{Recipient: "0x1111111111111111111111111111111111111111", Amount: mustBig("5000000000000000000")},
		{Recipient: "0x2222222222222222222222222222222222222222", Amount: mustBig("2500000000000000000")},
	}
	tree, err := NewMerkleTree(payouts)
	if err != nil {
		t.Fatal(err)
	}
	const want = "0xd4dee0beab2d53f2cc83e567171bd2820e49898130a22622b10ead383e90bd77"
	if got := tree.Root().String(); got != want {
		t.Fatalf("root = %s, want %s", got, want)
	}
	for i, p := range payouts {
		a, _ := ParseAddress(p.Recipient)
		if !VerifyProof(tree.Root(), a, p.Amount, tree.Proof(i)) {
			t.Errorf("proof %d does not verify", i)
		}
		if VerifyProof(tree.Root(), a, new(big.Int).Add(p.Amount, big.NewInt(1)), tree.Proof(i)) {
			t.Errorf("proof %d verifies a wrong amount", i)
		}
	}
}

func mustBig(s string) *big.Int {
	n, ok := new(big.Int).SetString(s, 10)
	if !ok {
		panic(s)
	}
	return n
}

func randomPayouts(r *rand.Rand, n int) []Payout {
	out := make([]Payout, n)
	for i := range out {
		var a Address
		for j := range a {
			a[j] = byte(r.IntN(256))
		}
		amt := new(big.Int)
		switch r.IntN(4) {
		case 0:
			amt.SetUint64(r.Uint64N(1000))
		case 1:
			amt.Lsh(big.NewInt(1), 256).Sub(amt, big.NewInt(int64(1+r.IntN(5)))) // near the uint256 maximum
		default:
			amt.SetUint64(r.Uint64())
			amt.Mul(amt, big.NewInt(1e18))
		}
		out[i] = Payout{Recipient: a.String(), Amount: amt}
	}
	return out
}

// ozScript builds, for each table on stdin, StandardMerkleTree.of over its
// values and prints the root, every proof (by value index), OpenZeppelin's
// own dump, and the root and proofs of our dump loaded with
// StandardMerkleTree.load.
const ozScript = `
import { StandardMerkleTree } from "@openzeppelin/merkle-tree";
import { readFileSync } from "node:fs";
const enc = ["address", "uint256"];
const out = JSON.parse(readFileSync(0, "utf8")).map(input => {
  const tree = StandardMerkleTree.of(input.values, enc);
  const proofs = input.values.map((_, i) => tree.getProof(i));
  const loaded = StandardMerkleTree.load(JSON.parse(input.dump));
  loaded.validate();
  const loadedProofs = [];
  for (const [i] of loaded.entries()) loadedProofs[i] = loaded.getProof(i);
  const verified = input.values.every((v, i) => StandardMerkleTree.verify(tree.root, enc, v, proofs[i]));
  return { root: tree.root, proofs, dumpRoot: loaded.root, loadedProofs, verified, ozDump: JSON.stringify(tree.dump()) };
});
console.log(JSON.stringify(out));
`

// TestMerkleMatchesOpenZeppelin compares roots, proofs and dumps with
// @openzeppelin/merkle-tree v1.0.8 (npm) on random payout tables.
func TestMerkleMatchesOpenZeppelin(t *testing.T) {
	testtools.NodeDir(t)
	r := rand.New(rand.NewPCG(1, 2))
	sizes := []int{1, 2, 3, 4, 5, 7, 16, 33, 257, 1000}
	trees := make([]*MerkleTree, len(sizes))
	var inputs []map[string]any
	for k, n := range sizes {
		payouts := randomPayouts(r, n)
		tree, err := NewMerkleTree(payouts)
		if err != nil {
			t.Fatal(err)
		}
		trees[k] = tree
		var dump bytes.Buffer
		if err := tree.WriteDump(&dump); err != nil {
			t.Fatal(err)
		}
		values := make([][2]string, n)
		for i, p := range payouts {
			values[i] = [2]string{p.Recipient, p.Amount.String()}
		}
		inputs = append(inputs, map[string]any{"values": values, "dump": dump.String()})
	}
	in, _ := json.Marshal(inputs)
	out := testtools.RunNode(t, ozScript, in)
	var results []struct {
		Root         string     `json:"root"`
		Proofs       [][]string `json:"proofs"`
		DumpRoot     string     `json:"dumpRoot"`
		LoadedProofs [][]string `json:"loadedProofs"`
		Verified     bool       `json:"verified"`
		OZDump       string     `json:"ozDump"`
	}
	if err := json.Unmarshal(out, &results); err != nil || len(results) != len(sizes) {
		t.Fatalf("node output %.200q: %v", out, err)
	}
	for k, got := range results {
		tree := trees[k]
		t.Run(fmt.Sprint(sizes[k]), func(t *testing.T) {
			if !got.Verified {
				t.Fatal("OpenZeppelin does not verify its own proofs")
			}
			if got.Root != tree.Root().String() || got.DumpRoot != got.Root {
				t.Fatalf("root: ours %s, OpenZeppelin %s, our dump loaded by OpenZeppelin %s", tree.Root(), got.Root, got.DumpRoot)
			}
			for i := range tree.Len() {
				ours := strings.Join(hashStrings(tree.Proof(i)), ",")
				if ours != strings.Join(got.Proofs[i], ",") || ours != strings.Join(got.LoadedProofs[i], ",") {
					t.Fatalf("proof %d: ours %v, OpenZeppelin %v, from our dump %v", i, ours, got.Proofs[i], got.LoadedProofs[i])
				}
			}
			// OpenZeppelin's own dump reads back into the same tree.
			back, err := ReadDump(strings.NewReader(got.OZDump), 1<<30)
			if err != nil {
				t.Fatalf("reading OpenZeppelin's dump: %v", err)
			}
			if back.Root() != tree.Root() {
				t.Fatalf("OpenZeppelin's dump root %s, want %s", back.Root(), tree.Root())
			}
		})
	}
}

func hashStrings(hs []Hash) []string {
	out := make([]string, len(hs))
	for i, h := range hs {
		out[i] = h.String()
	}
	return out
}

func TestMerkleErrors(t *testing.T) {
	ok := "0x1111111111111111111111111111111111111111"
	tests := []struct {
		name    string
		payouts []Payout
		want    error
	}{
		{"empty", nil, ErrInvalid},
		{"duplicate", []Payout{{ok, big.NewInt(1)}, {strings.ToUpper(ok[:2]) + ok[2:], big.NewInt(2)}}, ErrDuplicateRecipient},
		{"not an address", []Payout{{"ed25519:abc", big.NewInt(1)}}, ErrNotAddress},
		{"bad checksum", []Payout{{"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD", big.NewInt(1)}}, ErrNotAddress},
		{"negative", []Payout{{ok, big.NewInt(-1)}}, ErrInvalid},
		{"too big", []Payout{{ok, new(big.Int).Lsh(big.NewInt(1), 256)}}, ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewMerkleTree(tt.payouts)
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestReadDumpRejectsTampering(t *testing.T) {
	tree, err := NewMerkleTree(randomPayouts(rand.New(rand.NewPCG(3, 4)), 5))
	if err != nil {
		t.Fatal(err)
	}
	var dump bytes.Buffer
	tree.WriteDump(&dump)
	if _, err := ReadDump(bytes.NewReader(dump.Bytes()), 1<<20); err != nil {
		t.Fatalf("own dump: %v", err)
	}
	tampered := strings.Replace(dump.String(), tree.Root().String()[2:10], "00000000", 1)
	if _, err := ReadDump(strings.NewReader(tampered), 1<<20); !errors.Is(err, ErrInvalid) {
		t.Fatalf("tampered dump: err = %v, want ErrInvalid", err)
	}
	if _, err := ReadDump(bytes.NewReader(dump.Bytes()), 10); !errors.Is(err, ErrLimit) {
		t.Fatalf("oversized dump: err = %v, want ErrLimit", err)
	}
}

// EIP-55's own test vectors (eips.ethereum.org/EIPS/eip-55).
func TestAddressChecksum(t *testing.T) {
	for _, want := range []string{
		"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
		"0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
		"0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
		"0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
	} {
		a, err := ParseAddress(strings.ToLower(want))
		if err != nil {
			t.Fatal(err)
		}
		if a.String() != want {
			t.Errorf("checksum of %s = %s", want, a)
		}
		if _, err := ParseAddress(want); err != nil {
			t.Errorf("ParseAddress(%s): %v", want, err)
		}
	}
}
