package royalty

import (
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

// canonicalRecipient returns a contributor ID's canonical form and its sort
// key. Addresses become EIP-55 and sort by their numeric value (the
// lower-case form); other IDs must look like "scheme:value" and are kept as
// they are.
func canonicalRecipient(id string) (canonical, key string, err error) {
	key, err = recipientSortKey(id)
	if err != nil {
		return "", "", err
	}
	return displayRecipient(key), key, nil
}

// recipientSortKey validates a recipient ID and returns its key: the
// lower-case form of an address, other IDs as they are. It hashes only for
// mixed-case addresses, whose checksum it checks.
func recipientSortKey(id string) (string, error) {
	if strings.HasPrefix(id, "0x") || strings.HasPrefix(id, "0X") {
		if len(id) == 42 && isLowerHex(id[2:]) {
			return "0x" + id[2:], nil
		}
		a, err := ParseAddress(id)
		if err != nil {
			return "", err
		}
		return "0x" + hex.EncodeToString(a[:]), nil
	}
	scheme, value, ok := strings.Cut(id, ":")
	if !ok || scheme == "" || value == "" || strings.ContainsAny(id, " \t\r\n,\"") {
		return "", fmt.Errorf("%w: recipient %q: want an Ethereum address (0x…) or scheme:value such as ed25519:…", ErrInvalid, id)
	}
	return id, nil
}

func isLowerHex(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// displayRecipient turns a key back into the canonical form.
func displayRecipient(key string) string {
	if len(key) == 42 && key[:2] == "0x" && isLowerHex(key[2:]) {
		var a Address
		hex.Decode(a[:], []byte(key[2:]))
		return a.String()
	}
	return key
}
