package royalty

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"strings"
)

// WriteCSV writes the payouts as "recipient,amount" lines, no header: the
// shape ReadPayouts reads.
func (s *Split) WriteCSV(w io.Writer) error {
	return WritePayoutsCSV(w, s.Payouts)
}

// WritePayoutsCSV writes payouts as "recipient,amount" lines.
func WritePayoutsCSV(w io.Writer, payouts []Payout) error {
	bw := bufio.NewWriter(w)
	buf := make([]byte, 0, 128)
	for _, p := range payouts {
		buf = append(buf[:0], p.Recipient...)
		buf = append(buf, ',')
		buf = p.Amount.Append(buf, 10)
		buf = append(buf, '\n')
		if _, err := bw.Write(buf); err != nil {
			return err
		}
	}
	return bw.Flush()
}

type splitJSON struct {
	Artifact string       `json:"artifact"`
	Policy   Policy       `json:"policy"`
	Amount   string       `json:"amount"`
	Dust     string       `json:"dust,omitempty"`
	Payouts  []payoutJSON `json:"payouts"`
}

type payoutJSON struct {
	Recipient string `json:"recipient"`
	Amount    string `json:"amount"`
}

// WriteJSON writes the split as a JSON object: artifact, policy, amount,
// dust (when a minimum payout rolled any) and payouts, a list of
// {recipient, amount}. Amounts are decimal strings, since they exceed what
// JSON numbers carry exactly.
func (s *Split) WriteJSON(w io.Writer) error {
	out := splitJSON{Artifact: s.Artifact, Policy: s.Policy, Amount: s.Amount.String(), Payouts: make([]payoutJSON, len(s.Payouts))}
	if s.Dust.Sign() > 0 {
		out.Dust = s.Dust.String()
	}
	for i, p := range s.Payouts {
		out.Payouts[i] = payoutJSON{p.Recipient, p.Amount.String()}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// PayoutLimits bound ReadPayouts. A zero field takes its default.
type PayoutLimits struct {
	MaxRows  int   // default 10,000,000
	MaxBytes int64 // default 1 GiB
}

// ReadPayouts reads "address,amount" lines (what Split.WriteCSV writes): an
// Ethereum address and a non-negative decimal amount below 2^256, in file
// order. An optional first line "address,amount" is a header and skipped.
// Errors name the line; a recipient listed twice is ErrDuplicateRecipient.
func ReadPayouts(r io.Reader, limits PayoutLimits) ([]Payout, error) {
	if limits.MaxRows <= 0 {
		limits.MaxRows = 10_000_000
	}
	if limits.MaxBytes <= 0 {
		limits.MaxBytes = 1 << 30
	}
	lr := &io.LimitedReader{R: r, N: limits.MaxBytes + 1}
	cr := csv.NewReader(lr)
	cr.FieldsPerRecord = 2
	cr.ReuseRecord = true
	seen := map[Address]int{}
	var out []Payout
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if lr.N <= 0 {
			return nil, fmt.Errorf("%w: payouts CSV is larger than %d bytes", ErrLimit, limits.MaxBytes)
		}
		if err != nil {
			return nil, fmt.Errorf("%w: payouts CSV: %v (want address,amount lines)", ErrInvalid, err)
		}
		line, _ := cr.FieldPos(0)
		addr, amt := strings.TrimSpace(rec[0]), strings.TrimSpace(rec[1])
		if line == 1 && strings.EqualFold(addr, "address") && strings.EqualFold(amt, "amount") {
			continue // a header
		}
		a, err := ParseAddress(addr)
		if err != nil {
			return nil, fmt.Errorf("payouts CSV line %d: %w", line, err)
		}
		v, ok := new(big.Int).SetString(amt, 10)
		if !ok || v.Sign() < 0 || v.Cmp(maxAmount) > 0 || amt[0] == '+' {
			return nil, fmt.Errorf("%w: payouts CSV line %d: amount %q: want a non-negative decimal integer below 2^256", ErrInvalid, line, amt)
		}
		if prev, dup := seen[a]; dup {
			return nil, fmt.Errorf("%w: payouts CSV line %d: %s is already on line %d", ErrDuplicateRecipient, line, a, prev)
		}
		seen[a] = line
		if len(out) >= limits.MaxRows {
			return nil, fmt.Errorf("%w: payouts CSV has more than %d rows", ErrLimit, limits.MaxRows)
		}
		out = append(out, Payout{Recipient: a.String(), Amount: v})
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%w: payouts CSV has no rows", ErrInvalid)
	}
	return out, nil
}
