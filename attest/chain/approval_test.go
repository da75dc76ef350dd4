package chain

import (
	"context"
	"encoding/json"
	"errors"
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/aiprov/aiprov/attest"
	"github.com/aiprov/aiprov/royalty"
)

// testVoter is a fixed test-only secp256k1 key (keccak256("aiprov test
// voter")), so that fuzz seeds are reproducible.
func testVoter(t testing.TB) *attest.PrivateKey {
	t.Helper()
	seed := keccak([]byte("aiprov test voter"))
	k, err := attest.ParsePrivateKey([]byte(common.Bytes2Hex(seed[:])), nil)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func signedApprovalJSON(t testing.TB, a EpochApproval) []byte {
	t.Helper()
	s, err := SignApproval(context.Background(), testVoter(t), DistributorDomain(1337, common.HexToAddress("0x00000000000000000000000000000000000d157b")), a)
	if err != nil {
		t.Fatal(err)
	}
	data, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestParseApprovalBudgets: the budgets are part of what is signed, and an
// approval whose budgets do not add up to its total is refused by name.
func TestParseApprovalBudgets(t *testing.T) {
	a := EpochApproval{Artifact: big.NewInt(7), Epoch: 2, Root: [32]byte{1}, Total: big.NewInt(30), Budgets: []*big.Int{big.NewInt(0), big.NewInt(10), big.NewInt(20)}}
	data := signedApprovalJSON(t, a)
	_, _, got, err := ParseApproval(data)
	if err != nil {
		t.Fatal(err)
	}
	if !equalAmounts(got.Budgets, a.Budgets) || got.Digest(DistributorDomain(1337, common.HexToAddress("0x00000000000000000000000000000000000d157b"))) != a.Digest(DistributorDomain(1337, common.HexToAddress("0x00000000000000000000000000000000000d157b"))) {
		t.Fatalf("parsed budgets %v, want %v", got.Budgets, a.Budgets)
	}
	for _, tc := range []struct{ name, from, to, want string }{
		{"budget changed", `"10"`, `"11"`, "message.budgets: the budgets add up to 31, not the total 30"},
		{"budget moved", `"budgets":["0","10","20"]`, `"budgets":["10","0","20"]`, "signed by"},
		{"negative", `"10"`, `"-10"`, `message.budgets[1] "-10": want a uint256`},
		{"not a number", `"20"`, `"2e1"`, `message.budgets[2] "2e1": want a uint256`},
		{"too big", `"budgets":["0","10","20"]`, `"budgets":["0","10","20","79228162514264337593543950336"]`, "budgets[3] 79228162514264337593543950336: want an integer from 0 to 2^96-1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			bad := strings.Replace(string(data), tc.from, tc.to, 1)
			if bad == string(data) {
				t.Fatalf("%s not in %s", tc.from, data)
			}
			_, _, _, err := ParseApproval([]byte(bad))
			if !errors.Is(err, ErrBadApproval) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("ParseApproval = %v, want ErrBadApproval saying %q", err, tc.want)
			}
		})
	}
	if _, err := SignApproval(context.Background(), testVoter(t), DistributorDomain(1, common.Address{}), EpochApproval{Artifact: big.NewInt(1), Root: [32]byte{1}, Total: big.NewInt(5), Budgets: []*big.Int{big.NewInt(4)}}); err == nil {
		t.Fatal("SignApproval signed budgets that do not add up to the total")
	}
}

// FuzzParseApproval: approval files come from other voters. Whatever the
// bytes, ParseApproval returns or fails without panicking, and what it
// accepts verifies: its signer signed its digest, and its budgets add up
// to its total.
func FuzzParseApproval(f *testing.F) {
	f.Add(signedApprovalJSON(f, EpochApproval{Artifact: big.NewInt(7), Epoch: 2, Root: [32]byte{1}, Total: big.NewInt(30), Budgets: []*big.Int{big.NewInt(0), big.NewInt(10), big.NewInt(20)}}))
	f.Add(signedApprovalJSON(f, EpochApproval{Artifact: big.NewInt(1), Root: [32]byte{9}, Total: big.NewInt(1), Budgets: []*big.Int{big.NewInt(1)}}))
	f.Add([]byte(`{"typedData":{"types":{},"primaryType":"EpochApproval","domain":{},"message":{"budgets":["1"]}},"signer":"0x0000000000000000000000000000000000000000","signature":"0x"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, d, a, err := ParseApproval(data)
		if err != nil {
			if !errors.Is(err, ErrBadApproval) && !strings.Contains(err.Error(), "bad epoch approval") {
				t.Fatalf("error %v does not match ErrBadApproval", err)
			}
			return
		}
		if err := a.checkBudgets(); err != nil {
			t.Fatalf("accepted budgets that %v", err)
		}
		sig, err := s.signature()
		if err != nil {
			t.Fatal(err)
		}
		if got, err := attest.RecoverAddress(a.Digest(d), sig); err != nil || got != s.Signer {
			t.Fatalf("accepted an approval whose signature recovers to %v (%v), not %v", got, err, s.Signer)
		}
	})
}

// TestClaimBudgets checks ClaimBudgets against positions computed from
// the proofs by hand, as the contract does: each payout counted once, in
// the word of its position, and the words adding up to the total.
func TestClaimBudgets(t *testing.T) {
	for _, n := range []int{1, 2, 3, 127, 128, 129, 300} {
		payouts := make([]royalty.Payout, n)
		total := new(big.Int)
		for i := range payouts {
			var a royalty.Address
			h := keccak([]byte{byte(i), byte(i >> 8), byte(n)})
			copy(a[:], h[:20])
			payouts[i] = royalty.Payout{Recipient: common.Address(a).Hex(), Amount: big.NewInt(int64(1000 + i))}
			total.Add(total, payouts[i].Amount)
		}
		tree, err := royalty.NewMerkleTree(payouts)
		if err != nil {
			t.Fatal(err)
		}
		budgets, err := ClaimBudgets(tree)
		if err != nil {
			t.Fatal(err)
		}
		want := map[int64]*big.Int{}
		seen := map[int64]bool{}
		for i := range tree.Len() {
			proof := tree.Proof(i)
			// The position by its definition: bit k set when the node at
			// step k sorts before its sibling, and a sentinel above them.
			a, _ := royalty.ParseAddress(payouts[i].Recipient)
			node := royalty.LeafHash(a, payouts[i].Amount)
			var pos int64
			for k, sib := range proof {
				if string(node[:]) < string(sib[:]) {
					pos |= 1 << k
					node = royalty.Hash(keccak(node[:], sib[:]))
				} else {
					node = royalty.Hash(keccak(sib[:], node[:]))
				}
			}
			pos |= 1 << len(proof)
			if node != tree.Root() {
				t.Fatalf("n=%d: proof %d does not reach the root", n, i)
			}
			if seen[pos] {
				t.Fatalf("n=%d: two leaves at position %d", n, pos)
			}
			seen[pos] = true
			if want[pos/ClaimWordBits] == nil {
				want[pos/ClaimWordBits] = new(big.Int)
			}
			want[pos/ClaimWordBits].Add(want[pos/ClaimWordBits], payouts[i].Amount)
		}
		sum := new(big.Int)
		for w, b := range budgets {
			exp := want[int64(w)]
			if exp == nil {
				exp = new(big.Int)
			}
			if b.Cmp(exp) != 0 {
				t.Errorf("n=%d: budget of word %d = %v, want %v", n, w, b, exp)
			}
			sum.Add(sum, b)
		}
		if sum.Cmp(total) != 0 || budgets[len(budgets)-1].Sign() == 0 {
			t.Errorf("n=%d: budgets %v add up to %v, want %v and a non-zero last word", n, budgets, sum, total)
		}
	}
}
