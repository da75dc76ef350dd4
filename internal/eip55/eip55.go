// Package eip55 parses and writes Ethereum addresses with EIP-55's
// mixed-case checksum, for the packages that must not import go-ethereum
// (provenance, royalty). Its output is tested against go-ethereum's
// common.Address.Hex.
package eip55

import (
	"encoding/hex"
	"errors"
	"fmt"
	"hash"

	"golang.org/x/crypto/sha3"
)

// ErrChecksum is matched by Parse's error for a mixed-case address whose
// case is not its EIP-55 checksum.
var ErrChecksum = errors.New("mixed-case address with a wrong EIP-55 checksum")

// Parse parses "0x" (or "0X") followed by 40 hex digits. All-lower-case and
// all-upper-case digits are accepted as is; mixed case must be the EIP-55
// checksum, which catches most typos. h is a Keccak-256 state to reuse for
// that check, or nil. Errors do not repeat s, which the caller reports.
func Parse(s string, h hash.Hash) ([20]byte, error) {
	var a [20]byte
	if len(s) != 42 || (s[:2] != "0x" && s[:2] != "0X") {
		return a, errors.New("an Ethereum address is 0x followed by 40 hex digits")
	}
	digits := s[2:]
	if _, err := hex.Decode(a[:], []byte(digits)); err != nil {
		return a, fmt.Errorf("an Ethereum address is 0x followed by 40 hex digits: %v", err)
	}
	var lower, upper bool
	for i := 0; i < len(digits); i++ {
		lower = lower || 'a' <= digits[i] && digits[i] <= 'f'
		upper = upper || 'A' <= digits[i] && digits[i] <= 'F'
	}
	if lower && upper {
		var buf [42]byte
		if want := Append(buf[:0], a, h); string(want[2:]) != digits {
			return a, fmt.Errorf("%w (want %s)", ErrChecksum, want)
		}
	}
	return a, nil
}

// String returns "0x" and the EIP-55 form of a.
func String(a [20]byte) string {
	var buf [42]byte
	return string(Append(buf[:0], a, nil))
}

// Append appends "0x" and the EIP-55 form of a to dst: hex digits a–f are
// upper case where the matching nibble of keccak256(lower-case hex) is 8 or
// more. h is a Keccak-256 state to reuse, or nil.
func Append(dst []byte, a [20]byte, h hash.Hash) []byte {
	if h == nil {
		h = sha3.NewLegacyKeccak256()
	}
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
