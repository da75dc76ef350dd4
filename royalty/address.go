package royalty

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"hash"
	"strings"

	"golang.org/x/crypto/sha3"
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
	var a Address
	if len(s) != 42 || (s[:2] != "0x" && s[:2] != "0X") {
		return a, fmt.Errorf("%w: %q: want 0x followed by 40 hex digits", ErrNotAddress, s)
	}
	digits := s[2:]
	if _, err := hex.Decode(a[:], []byte(digits)); err != nil {
		return a, fmt.Errorf("%w: %q: %v", ErrNotAddress, s, err)
	}
	var lower, upper bool
	for i := 0; i < len(digits); i++ {
		lower = lower || 'a' <= digits[i] && digits[i] <= 'f'
		upper = upper || 'A' <= digits[i] && digits[i] <= 'F'
	}
	if lower && upper {
		if h == nil {
			h = sha3.NewLegacyKeccak256()
		}
		var buf [42]byte
		if want := appendChecksummed(buf[:0], a, h); string(want[2:]) != digits {
			return a, fmt.Errorf("%w: %q: mixed-case address with a wrong EIP-55 checksum (want %s)", ErrNotAddress, s, want)
		}
	}
	return a, nil
}

// String returns the EIP-55 checksummed form.
func (a Address) String() string {
	var buf [42]byte
	return string(appendChecksummed(buf[:0], a, sha3.NewLegacyKeccak256()))
}

// appendChecksummed appends the EIP-55 form of a: hex digits a–f are upper
// case where the matching nibble of keccak256(lower-case hex) is 8 or more.
func appendChecksummed(dst []byte, a Address, h hash.Hash) []byte {
	var lower [40]byte
	hex.Encode(lower[:], a[:])
	var sum [32]byte
	h.Reset()
	h.Write(lower[:])
	h.Sum(sum[:0])
	dst = append(dst, "0x"...)
	for i, c := range lower {
		nibble := sum[i/2] >> 4
		if i%2 == 1 {
			nibble = sum[i/2] & 0xf
		}
		if c >= 'a' && nibble >= 8 {
			c -= 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

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
	return appendChecksummed(dst, r.addr, h)
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
