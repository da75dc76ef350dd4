package chain

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/aiprov/aiprov/attest"
	"github.com/aiprov/aiprov/internal/testtools"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

func testEntries(n int) []BatchEntry {
	owners := []common.Address{common.HexToAddress("0x71562b71999873DB5b286dF957af199Ec94617F7"), common.HexToAddress("0x1111111111111111111111111111111111111111")}
	entries := make([]BatchEntry, n)
	for i := range entries {
		var a attest.ManifestAttestation
		copy(a.ManifestDigest[:], crypto.Keccak256([]byte(fmt.Sprint("manifest ", i))))
		copy(a.SubjectDigest[:], crypto.Keccak256([]byte(fmt.Sprint("subject ", i))))
		a.SubjectSize, a.Created, a.RoyaltyShare = uint64(i), 1764090000, uint32(i*1000)
		if i > 0 {
			a.Parents = [][32]byte{entries[i-1].Attestation.ManifestDigest}
		}
		entries[i] = BatchEntry{Owner: owners[i%2], Attestation: a}
	}
	return entries
}

// TestBatchMatchesOpenZeppelin: the root and every proof equal what
// @openzeppelin/merkle-tree's StandardMerkleTree.of(values,
// ["address","bytes32"]) computes for the same (owner, hashStruct) values.
func TestBatchMatchesOpenZeppelin(t *testing.T) {
	for _, n := range []int{1, 2, 3, 7, 64, 100} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			entries := testEntries(n)
			b, err := NewBatch(entries)
			if err != nil {
				t.Fatal(err)
			}
			values := make([][2]string, n)
			for i, e := range entries {
				h := e.Attestation.StructHash()
				values[i] = [2]string{e.Owner.Hex(), common.Hash(h).Hex()}
			}
			in, _ := json.Marshal(values)
			out := testtools.RunNode(t, `
import { StandardMerkleTree } from "@openzeppelin/merkle-tree";
import { readFileSync } from "node:fs";
const values = JSON.parse(readFileSync(0, "utf8"));
const tree = StandardMerkleTree.of(values, ["address", "bytes32"]);
console.log(JSON.stringify({ root: tree.root, proofs: values.map((_, i) => tree.getProof(i)) }));
`, in)
			var want struct {
				Root   common.Hash     `json:"root"`
				Proofs [][]common.Hash `json:"proofs"`
			}
			if err := json.Unmarshal(out, &want); err != nil {
				t.Fatal(err)
			}
			if b.Root() != want.Root {
				t.Fatalf("root %s, @openzeppelin/merkle-tree says %s", b.Root(), want.Root)
			}
			for i := range entries {
				in := b.Inclusion(i)
				if fmt.Sprint(in.Proof) != fmt.Sprint(want.Proofs[i]) {
					t.Fatalf("proof %d = %v, @openzeppelin/merkle-tree says %v", i, in.Proof, want.Proofs[i])
				}
			}
		})
	}
}

func TestBatchInclusion(t *testing.T) {
	entries := testEntries(10)
	b, err := NewBatch(entries)
	if err != nil {
		t.Fatal(err)
	}
	for i := range entries {
		in := b.Inclusion(i)
		if !in.Verify() {
			t.Fatalf("inclusion %d does not verify", i)
		}
		js, err := json.Marshal(in)
		if err != nil {
			t.Fatal(err)
		}
		var back Inclusion
		if err := json.Unmarshal(js, &back); err != nil {
			t.Fatal(err)
		}
		if !back.Verify() || !back.Attestation.Equal(in.Attestation) || back.Owner != in.Owner {
			t.Fatalf("inclusion %d after JSON: %s", i, js)
		}
		other := *in
		other.Owner = common.Address{1}
		if other.Verify() {
			t.Fatalf("inclusion %d verifies with another owner", i)
		}
	}
	if _, err := NewBatch(append(entries, entries[3])); err == nil || !strings.Contains(err.Error(), "entries 3 and 10") {
		t.Fatalf("duplicate manifest: err = %v", err)
	}
	if _, err := NewBatch(nil); err == nil {
		t.Fatal("empty batch accepted")
	}
}

func FuzzInclusionJSON(f *testing.F) {
	b, _ := NewBatch(testEntries(3))
	js, _ := json.Marshal(b.Inclusion(1))
	f.Add(js)
	f.Add([]byte(`{"root":"0x00","proof":[]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var in Inclusion
		if err := json.Unmarshal(data, &in); err != nil {
			return
		}
		again, err := json.Marshal(&in)
		if err != nil {
			t.Fatal(err)
		}
		var back Inclusion
		if err := json.Unmarshal(again, &back); err != nil || !back.Attestation.Equal(in.Attestation) {
			t.Fatalf("round trip: %v", err)
		}
	})
}
