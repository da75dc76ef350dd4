// Package cidcheck refuses CIDs whose multihash does not identify its
// content: hash functions with known collisions, digests cut short, and
// identity "hashes" too large to be a name. Its rules are those of Kubo's
// block service (boxo/verifcid, DefaultAllowlist), so a CID aiprov accepts
// is one Kubo fetches and stores, with one deliberate difference: Kubo
// allows SHA-1 (for git objects), aiprov does not, because SHA-1 collisions
// are practical (SHAttered, 2017) and a provenance record that two
// different contents satisfy proves nothing.
//
// It is written here rather than imported because boxo brings dozens of
// modules with it; storagetest's Kubo test checks that a real Kubo daemon
// refuses exactly what Check refuses (SHA-1 aside).
package cidcheck

import (
	"errors"
	"fmt"

	"github.com/ipfs/go-cid"
	mh "github.com/multiformats/go-multihash"
)

// Limits, as in boxo/verifcid.
const (
	MinDigestSize         = 20  // bytes, for every hash function but identity
	MaxDigestSize         = 128 // bytes
	MaxIdentityDigestSize = 128 // bytes of data inlined in an identity CID
)

// ErrUnsafe is matched by errors.Is for a refused CID.
var ErrUnsafe = errors.New("CID refused: its hash does not identify its content")

// Error says why a CID is refused, in Kubo's words.
type Error struct {
	CID    cid.Cid
	Reason string
}

func (e *Error) Error() string {
	return fmt.Sprintf("CID %s refused: %s", e.CID, e.Reason)
}

// Unwrap makes the error match ErrUnsafe.
func (e *Error) Unwrap() error { return ErrUnsafe }

// Allowed reports whether the multihash function code is one a CID may
// use: Kubo's allow-list without SHA-1.
func Allowed(code uint64) bool {
	switch code {
	case mh.SHA2_256, mh.SHA2_512, mh.SHAKE_256, mh.DBL_SHA2_256, mh.BLAKE3, mh.IDENTITY,
		mh.SHA3_224, mh.SHA3_256, mh.SHA3_384, mh.SHA3_512,
		mh.KECCAK_224, mh.KECCAK_256, mh.KECCAK_384, mh.KECCAK_512:
		return true
	}
	// BLAKE2b and BLAKE2s with at least 160-bit output (the codes count
	// output bytes up from BLAKE2x_MIN, which is one byte).
	return code >= mh.BLAKE2B_MIN+19 && code <= mh.BLAKE2B_MAX ||
		code >= mh.BLAKE2S_MIN+19 && code <= mh.BLAKE2S_MAX
}

// Check returns nil for a CID whose hash identifies its content, or an
// *Error saying why not.
func Check(c cid.Cid) error {
	if !c.Defined() {
		return errors.New("undefined CID")
	}
	p := c.Prefix()
	if !Allowed(p.MhType) {
		reason := "potentially insecure hash functions not allowed"
		if p.MhType == mh.SHA1 {
			reason += " (sha1 has practical collisions; Kubo allows it for git objects, aiprov does not)"
		} else {
			reason += " (" + hashName(p.MhType) + ")"
		}
		return &Error{CID: c, Reason: reason}
	}
	min, max := MinDigestSize, MaxDigestSize
	if p.MhType == mh.IDENTITY {
		min, max = 0, MaxIdentityDigestSize
	}
	if p.MhLength < min {
		return &Error{CID: c, Reason: fmt.Sprintf("digest too small: %s digest got %d bytes, minimum %d", hashName(p.MhType), p.MhLength, min)}
	}
	if p.MhLength > max {
		return &Error{CID: c, Reason: fmt.Sprintf("digest too large: %s digest got %d bytes, maximum %d", hashName(p.MhType), p.MhLength, max)}
	}
	return nil
}

func hashName(code uint64) string {
	if n, ok := mh.Codes[code]; ok {
		return n
	}
	return fmt.Sprintf("unknown(%#x)", code)
}

// CheckBytes is Check for a CID in binary form, without allocating when
// the CID is accepted (decoders call it for every link they read).
func CheckBytes(b []byte) error {
	code, length, ok := prefix(b)
	if ok && Allowed(code) {
		min, max := MinDigestSize, MaxDigestSize
		if code == mh.IDENTITY {
			min, max = 0, MaxIdentityDigestSize
		}
		if length >= min && length <= max {
			return nil
		}
	}
	c, err := cid.Cast(b)
	if err != nil {
		return err
	}
	return Check(c)
}

// prefix reads the multihash code and digest length of a binary CID.
func prefix(b []byte) (code uint64, length int, ok bool) {
	if len(b) == 34 && b[0] == mh.SHA2_256 && b[1] == 32 {
		return mh.SHA2_256, 32, true // CIDv0
	}
	var n int
	for i := 0; i < 2; i++ { // version, codec
		if _, n = uvarint(b); n <= 0 {
			return 0, 0, false
		}
		b = b[n:]
	}
	if code, n = uvarint(b); n <= 0 {
		return 0, 0, false
	}
	l, n := uvarint(b[n:])
	if n <= 0 || l > 1<<20 {
		return 0, 0, false
	}
	return code, int(l), true
}

func uvarint(b []byte) (uint64, int) {
	var v uint64
	for i, c := range b {
		if i == 9 {
			return 0, -1
		}
		v |= uint64(c&0x7f) << (7 * i)
		if c < 0x80 {
			return v, i + 1
		}
	}
	return 0, 0
}
