package provenance

import (
	"fmt"
	"strings"

	"github.com/aiprov/aiprov/internal/cidcheck"
	"github.com/ipfs/go-cid"
)

// ErrUnsafeCID is matched by errors.Is for a CID whose multihash does not
// identify its content, so that two different contents could have it: a
// hash function with practical collisions (MD5, SHA-1, murmur3 …), a
// digest shorter than 20 bytes, one longer than 128, or an identity CID
// inlining more than 128 bytes. The rules are Kubo's (boxo/verifcid),
// except that Kubo allows SHA-1 for git objects and aiprov does not.
// Manifest decoding and Validate, every store and the CAR reader refuse
// such CIDs, with the reason Kubo gives.
var ErrUnsafeCID = cidcheck.ErrUnsafe

// CheckCID returns nil if c's hash identifies its content, or an error
// matching ErrUnsafeCID that says why not.
func CheckCID(c cid.Cid) error { return cidcheck.Check(c) }

// ParseCID decodes a CID given as text (a command-line argument, a reply)
// and checks it with CheckCID.
func ParseCID(s string) (cid.Cid, error) {
	c, err := cid.Decode(strings.TrimSpace(s))
	if err != nil {
		return cid.Undef, fmt.Errorf("%q is not a CID: %w", s, err)
	}
	if err := CheckCID(c); err != nil {
		return cid.Undef, err
	}
	return c, nil
}
