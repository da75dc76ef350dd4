package royalty

import (
	"encoding/hex"
	"fmt"
	"strings"

	"golang.org/x/crypto/sha3"
)

// Address is a 20-byte Ethereum address.
type Address [20]byte

// ParseAddress parses "0x" followed by 40 hex digits. All-lower-case and
// all-upper-case digits are accepted as is; mixed case must be a valid
// EIP-55 checksum, which catches most typos.
func ParseAddress(s string) (Address, error) {
	var a Address
	if len(s) != 42 || (s[:2] != "0x" && s[:2] != "0X") {
		return a, fmt.Errorf("%w: %q: want 0x followed by 40 hex digits", ErrNotAddress, s)
	}
	if _, err := hex.Decode(a[:], []byte(s[2:])); err != nil {
		return a, fmt.Errorf("%w: %q: %v", ErrNotAddress, s, err)
	}
	digits := s[2:]
	if digits != strings.ToLower(digits) && digits != strings.ToUpper(digits) && a.String() != "0x"+digits {
		return a, fmt.Errorf("%w: %q: mixed-case address with a wrong EIP-55 checksum (want %s)", ErrNotAddress, s, a.String())
	}
	return a, nil
}

// String returns the EIP-55 checksummed form.
func (a Address) String() string {
	lower := hex.EncodeToString(a[:])
	h := sha3.NewLegacyKeccak256()
	h.Write([]byte(lower))
	sum := h.Sum(nil)
	out := []byte("0x" + lower)
	for i := range 40 {
		c := out[2+i]
		nibble := sum[i/2] >> 4
		if i%2 == 1 {
			nibble = sum[i/2] & 0xf
		}
		if c >= 'a' && nibble >= 8 {
			out[2+i] = c - 'a' + 'A'
		}
	}
	return string(out)
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
