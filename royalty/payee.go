package royalty

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/big"
	"slices"
	"strings"
)

// ErrUnboundPayee is matched (errors.Is) by an *UnboundError: contributors
// that no address is bound to.
var ErrUnboundPayee = errors.New("no payout address bound")

// UnboundError names the contributors ResolvePayees found no address for.
type UnboundError struct {
	IDs []string // canonical IDs, in payout order
}

func (e *UnboundError) Error() string {
	return fmt.Sprintf("%v for %s (bind each with a payee binding, or route unbound shares to an address you name)", ErrUnboundPayee, strings.Join(e.IDs, ", "))
}

func (e *UnboundError) Is(target error) bool { return target == ErrUnboundPayee }

// PayeeResolver says which address pays a contributor. Package royalty
// knows no keys or chains: package attest verifies payee bindings, and
// the chain package resolves registry tokens ("token:<manifest CID>") to
// their current owners; either, or a PayeeMap, implements this.
type PayeeResolver interface {
	// Payee returns the address that receives what is owed to the
	// contributor id (a canonical payout recipient: EIP-55 for an
	// address). ok is false when no address is bound to id.
	Payee(ctx context.Context, id string) (addr Address, ok bool, err error)
}

// PayeeMap is a PayeeResolver from a map keyed by canonical contributor
// ID (EIP-55 for addresses).
type PayeeMap map[string]Address

// Payee implements PayeeResolver.
func (m PayeeMap) Payee(_ context.Context, id string) (Address, bool, error) {
	a, ok := m[id]
	return a, ok, nil
}

// ResolveOptions tune ResolvePayees.
type ResolveOptions struct {
	// Unbound, if set, receives the shares of contributors with no bound
	// address, which are then kept there rather than failing the split.
	Unbound *Address
}

// PayeeRoute records where one payout recipient's money went.
type PayeeRoute struct {
	Recipient string   // the payout's recipient, as in the split
	Payee     Address  // the address paid
	Amount    *big.Int // the payout's amount
	Unbound   bool     // routed to ResolveOptions.Unbound
}

// Resolved is a payout table in addresses only, what Merkle trees and
// 0xSplits take, with the route of every recipient.
type Resolved struct {
	// Payouts pay addresses, each once (recipients resolving to one address
	// are added up), in ascending address order. They sum to the split.
	Payouts []Payout
	// Routes says, in the order of the payouts given, where each went.
	Routes []PayeeRoute
}

// ResolvePayees turns payouts whose recipients are addresses, keys or
// tokens into payouts to addresses. Every recipient is asked of r: an
// address with nothing bound is paid at itself, any other recipient with
// nothing bound is an *UnboundError naming all of them, unless
// opts.Unbound routes them. r may be nil when every recipient is an
// address. The amounts add up exactly as before.
func ResolvePayees(ctx context.Context, payouts []Payout, r PayeeResolver, opts ResolveOptions) (*Resolved, error) {
	out := &Resolved{Routes: make([]PayeeRoute, 0, len(payouts))}
	totals := map[Address]*big.Int{}
	var unbound []string
	for i, p := range payouts {
		rec, err := parseRecipient(p.Recipient, nil)
		if err != nil {
			return nil, fmt.Errorf("payout %d: %w", i, err)
		}
		if p.Amount == nil || p.Amount.Sign() < 0 {
			return nil, fmt.Errorf("%w: payout %d (%s): negative amount", ErrInvalid, i, p.Recipient)
		}
		id := rec.String()
		route := PayeeRoute{Recipient: id, Amount: p.Amount}
		var ok bool
		if r != nil {
			if route.Payee, ok, err = r.Payee(ctx, id); err != nil {
				return nil, fmt.Errorf("payee of %s: %w", id, err)
			}
		}
		switch {
		case ok && route.Payee == (Address{}):
			return nil, fmt.Errorf("%w: payee of %s is the zero address", ErrInvalid, id)
		case ok:
		case rec.other == "":
			route.Payee = rec.addr
		case opts.Unbound != nil:
			route.Payee, route.Unbound = *opts.Unbound, true
		default:
			unbound = append(unbound, id)
			continue
		}
		out.Routes = append(out.Routes, route)
		if t, ok := totals[route.Payee]; ok {
			t.Add(t, p.Amount)
		} else {
			totals[route.Payee] = new(big.Int).Set(p.Amount)
		}
	}
	if len(unbound) > 0 {
		return nil, &UnboundError{IDs: unbound}
	}
	addrs := make([]Address, 0, len(totals))
	for a, t := range totals {
		if t.Sign() > 0 {
			addrs = append(addrs, a)
		}
	}
	slices.SortFunc(addrs, func(x, y Address) int { return bytes.Compare(x[:], y[:]) })
	for _, a := range addrs {
		out.Payouts = append(out.Payouts, Payout{Recipient: a.String(), Amount: totals[a]})
	}
	return out, nil
}
