package royalty

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"hash"
	"strings"

	"github.com/aiprov/aiprov/internal/eip55"
)

// Address is a 20-byte Ethereum address.
type Address [20]byte

// ParseAddress parses "0x" followed by 40 hex digits. All-lower-case and
// all-upper-case digits are accepted as is; mixed case must be a valid
// EIP-55 checksum, which catches most typos.
func ParseAddress(s string) (Address, error) {
	return parseAddress(s, nil)
}

// parseAddress is ParseAddress with a Keccak-256 state to reuse (or nil)
// for checking checksums.
func parseAddress(s string, h hash.Hash) (Address, error) {
	a, err := eip55.Parse(s, h)
	if err != nil {
		return Address(a), fmt.Errorf("%w: %q: %w", ErrNotAddress, s, err)
	}
	return Address(a), nil
}

// String returns the EIP-55 checksummed form.
func (a Address) String() string { return eip55.String(a) }

// recipient is a validated payee ID: an address, or another ID kept as
// written. It is comparable, so it can key a map, and its order (Compare)
// is the order of payouts.
type recipient struct {
	addr  Address
	other string // "" for an address
}

// parseRecipient validates a contributor ID. Lower- and upper-case
// addresses take a fast path with no allocation; only mixed-case ones are
// hashed, to check the EIP-55 checksum (with h, if not nil).
func parseRecipient(id string, h hash.Hash) (recipient, error) {
	if len(id) >= 2 && id[0] == '0' && (id[1] == 'x' || id[1] == 'X') {
		var r recipient
		if len(id) == 42 && decodeSingleCaseHex(r.addr[:], id[2:]) {
			return r, nil
		}
		a, err := parseAddress(id, h)
		if err != nil {
			return recipient{}, err
		}
		return recipient{addr: a}, nil
	}
	scheme, value, ok := strings.Cut(id, ":")
	if !ok || scheme == "" || value == "" || strings.ContainsAny(id, " \t\r\n,\"") {
		return recipient{}, fmt.Errorf("%w: recipient %q: want an Ethereum address (0x…) or scheme:value such as ed25519:…", ErrInvalid, id)
	}
	return recipient{other: id}, nil
}

// decodeSingleCaseHex decodes 2×len(dst) hex digits that are not mixed
// case into dst, reporting false for anything else.
func decodeSingleCaseHex(dst []byte, s string) bool {
	if len(s) != 2*len(dst) {
		return false
	}
	var lower, upper bool
	for i := range dst {
		hi, ok1 := hexNibble(s[2*i], &lower, &upper)
		lo, ok2 := hexNibble(s[2*i+1], &lower, &upper)
		if !ok1 || !ok2 {
			return false
		}
		dst[i] = hi<<4 | lo
	}
	return !(lower && upper)
}

func hexNibble(c byte, lower, upper *bool) (byte, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		*lower = true
		return c - 'a' + 10, true
	case 'A' <= c && c <= 'F':
		*upper = true
		return c - 'A' + 10, true
	}
	return 0, false
}

// String returns the canonical form: EIP-55 for an address.
func (r recipient) String() string {
	if r.other != "" {
		return r.other
	}
	return r.addr.String()
}

// appendString is String with a Keccak-256 state to reuse.
func (r recipient) appendString(dst []byte, h hash.Hash) []byte {
	if r.other != "" {
		return append(dst, r.other...)
	}
	return eip55.Append(dst, r.addr, h)
}

// Compare orders recipients as payouts are ordered: by the lower-case
// form, which puts addresses in numeric order. No other ID starts with
// "0x", so each compares the same way against every address.
func (r recipient) Compare(o recipient) int {
	switch {
	case r.other == "" && o.other == "":
		return bytes.Compare(r.addr[:], o.addr[:])
	case r.other == "":
		return strings.Compare("0x", o.other)
	case o.other == "":
		return strings.Compare(r.other, "0x")
	}
	return strings.Compare(r.other, o.other)
}

// canonicalRecipient returns a contributor ID's canonical form (EIP-55 for
// addresses, other IDs as they are) after validating it.
func canonicalRecipient(id string) (string, error) {
	r, err := parseRecipient(id, nil)
	if err != nil {
		return "", err
	}
	return r.String(), nil
}

// recipientSortKey validates a recipient ID and returns a string with the
// order of payouts: the lower-case form of an address, other IDs as they
// are.
func recipientSortKey(id string) (string, error) {
	r, err := parseRecipient(id, nil)
	if err != nil {
		return "", err
	}
	if r.other != "" {
		return r.other, nil
	}
	return "0x" + hex.EncodeToString(r.addr[:]), nil
}
