package royalty

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"slices"

	"golang.org/x/crypto/sha3"
)

// SplitsV2 is a 0xSplits v2 split configuration (SplitV2Lib.Split):
// recipients in ascending address order, their allocations, the total,
// and the distribution incentive (in 1e6 units, at most 65535 = 6.5535%).
// A split contract pays recipient i floor(amount × allocation_i /
// totalAllocation), so, unlike a payout table, it applies the proportions
// to every later payment too.
type SplitsV2 struct {
	Recipients            []Address
	Allocations           []*big.Int
	TotalAllocation       *big.Int
	DistributionIncentive uint16
}

// NewSplitsV2 turns payouts into a 0xSplits v2 configuration.
//
// With totalAllocation nil the allocations are the amounts themselves,
// which keeps the proportions exact. Otherwise the amounts are scaled to
// sum exactly to totalAllocation (1e6 is 0xSplits' percentage scale) by
// the same largest-remainder rule Split uses; a recipient whose allocation
// rounds to zero is left out. Recipients must be addresses, each listed
// once.
func NewSplitsV2(payouts []Payout, totalAllocation *big.Int, incentive uint16) (*SplitsV2, error) {
	type entry struct {
		addr   Address
		amount *big.Int
	}
	entries := make([]entry, 0, len(payouts))
	sum := new(big.Int)
	for i, p := range payouts {
		a, err := ParseAddress(p.Recipient)
		if err != nil {
			return nil, fmt.Errorf("payout %d: %w", i, err)
		}
		if p.Amount == nil || p.Amount.Sign() < 0 {
			return nil, fmt.Errorf("%w: payout %d (%s): negative amount", ErrInvalid, i, a)
		}
		if p.Amount.Sign() == 0 {
			continue
		}
		entries = append(entries, entry{a, p.Amount})
		sum.Add(sum, p.Amount)
	}
	if len(entries) == 0 {
		return nil, fmt.Errorf("%w: a split needs at least one positive payout", ErrInvalid)
	}
	slices.SortFunc(entries, func(x, y entry) int { return bytes.Compare(x.addr[:], y.addr[:]) })
	for i := 1; i < len(entries); i++ {
		if entries[i].addr == entries[i-1].addr {
			return nil, fmt.Errorf("%w: %s", ErrDuplicateRecipient, entries[i].addr)
		}
	}
	s := &SplitsV2{DistributionIncentive: incentive}
	if totalAllocation == nil {
		s.TotalAllocation = sum
		for _, e := range entries {
			s.Recipients = append(s.Recipients, e.addr)
			s.Allocations = append(s.Allocations, new(big.Int).Set(e.amount))
		}
		return s, nil
	}
	if totalAllocation.Sign() <= 0 || totalAllocation.Cmp(maxAmount) > 0 {
		return nil, fmt.Errorf("%w: total allocation %v must be a positive uint256", ErrInvalid, totalAllocation)
	}
	// Largest remainder, ties to the lower address (entries are sorted).
	alloc := make([]*big.Int, len(entries))
	rems := make([]*big.Int, len(entries))
	left := new(big.Int).Set(totalAllocation)
	for i, e := range entries {
		q, r := new(big.Int).QuoRem(new(big.Int).Mul(totalAllocation, e.amount), sum, new(big.Int))
		alloc[i], rems[i] = q, r
		left.Sub(left, q)
	}
	order := make([]int, len(entries))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return rems[b].Cmp(rems[a]) })
	for _, i := range order[:left.Int64()] {
		alloc[i].Add(alloc[i], big.NewInt(1))
	}
	s.TotalAllocation = new(big.Int).Set(totalAllocation)
	for i, e := range entries {
		if alloc[i].Sign() > 0 {
			s.Recipients = append(s.Recipients, e.addr)
			s.Allocations = append(s.Allocations, alloc[i])
		}
	}
	return s, nil
}

// Hash returns keccak256(abi.encode(split)), the split hash 0xSplits v2
// stores and checks (SplitV2Lib.getHash).
func (s *SplitsV2) Hash() Hash {
	// abi.encode of one dynamic tuple: its offset, then the tuple's head
	// (two array offsets, total, incentive) and the two arrays.
	n := len(s.Recipients)
	word := func(v *big.Int) []byte { var w [32]byte; v.FillBytes(w[:]); return w[:] }
	u := func(v int) []byte { return word(big.NewInt(int64(v))) }
	var b bytes.Buffer
	b.Write(u(32))
	b.Write(u(4 * 32))
	b.Write(u(4*32 + 32*(1+n)))
	b.Write(word(s.TotalAllocation))
	b.Write(u(int(s.DistributionIncentive)))
	b.Write(u(n))
	for _, a := range s.Recipients {
		var w [32]byte
		copy(w[12:], a[:])
		b.Write(w[:])
	}
	b.Write(u(n))
	for _, v := range s.Allocations {
		b.Write(word(v))
	}
	h := sha3.NewLegacyKeccak256()
	h.Write(b.Bytes())
	var out Hash
	h.Sum(out[:0])
	return out
}

// WriteJSON writes the configuration as the JSON object 0xSplits' SDK and
// app take (recipients, allocations and totalAllocation as decimal
// strings, distributionIncentive) plus its hash.
func (s *SplitsV2) WriteJSON(w io.Writer) error {
	out := struct {
		Recipients            []string `json:"recipients"`
		Allocations           []string `json:"allocations"`
		TotalAllocation       string   `json:"totalAllocation"`
		DistributionIncentive uint16   `json:"distributionIncentive"`
		Hash                  string   `json:"hash"`
	}{TotalAllocation: s.TotalAllocation.String(), DistributionIncentive: s.DistributionIncentive, Hash: s.Hash().String()}
	for i, a := range s.Recipients {
		out.Recipients = append(out.Recipients, a.String())
		out.Allocations = append(out.Allocations, s.Allocations[i].String())
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// RoyaltyInfo is EIP-2981 single-receiver royalty information, for
// marketplaces that pay one address: Receiver (typically a 0xSplits split
// or a Merkle distributor that pays everyone else) gets Share of each sale.
// On chain, OpenZeppelin's ERC2981 with _feeDenominator() = provenance.ShareWhole
// returns exactly Amount; with the default denominator of 10,000 use
// BasisPoints.
type RoyaltyInfo struct {
	Receiver Address
	Share    uint64 // in provenance.ShareWhole units
}

// Amount is royaltyInfo's royaltyAmount: floor(salePrice × Share /
// provenance.ShareWhole).
func (r RoyaltyInfo) Amount(salePrice *big.Int) *big.Int {
	a := new(big.Int).Mul(salePrice, new(big.Int).SetUint64(r.Share))
	return a.Quo(a, big.NewInt(shareWhole))
}

// BasisPoints returns Share in units of 1/10,000, rounded down, and
// whether that is exact.
func (r RoyaltyInfo) BasisPoints() (bps uint64, exact bool) {
	return r.Share / (shareWhole / 10_000), r.Share%(shareWhole/10_000) == 0
}

// UpstreamShare is the part of the payment, in provenance.ShareWhole units, that goes
// to the paid node's ancestors rather than its own contributors: its
// parent shares under the relative policy, the sum over all ancestors under
// the absolute policy. It is exact under both policies.
func (s *Split) UpstreamShare() uint64 {
	if s.Policy == Absolute {
		return s.stack
	}
	return uint64(s.g.stack[s.root])
}

// RoyaltyInfo returns EIP-2981 information that sends the upstream share
// of each sale of the paid artifact to receiver.
func (s *Split) RoyaltyInfo(receiver Address) RoyaltyInfo {
	return RoyaltyInfo{Receiver: receiver, Share: s.UpstreamShare()}
}
