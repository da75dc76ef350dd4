package cidcheck

import (
	"crypto/sha256"
	"errors"
	"strings"
	"testing"

	"github.com/ipfs/go-cid"
	mh "github.com/multiformats/go-multihash"
)

// mhCID builds a CIDv1 raw with an arbitrary code and digest length; the
// digest bytes do not matter to Check.
func mhCID(t *testing.T, code uint64, length int) cid.Cid {
	t.Helper()
	h, err := mh.Encode(make([]byte, length), code)
	if err != nil {
		t.Fatal(err)
	}
	return cid.NewCidV1(cid.Raw, h)
}

// The cases follow boxo/verifcid's own tests (allowlist_test.go, cid_test.go
// in boxo v0.43.0), plus SHA-1, which aiprov refuses and Kubo allows.
func TestCheck(t *testing.T) {
	sum := sha256.Sum256([]byte("hello"))
	v0, _ := mh.Encode(sum[:], mh.SHA2_256)
	tests := []struct {
		name string
		c    cid.Cid
		want string // substring of the error; "" for accepted
	}{
		{"sha2-256", mhCID(t, mh.SHA2_256, 32), ""},
		{"CIDv0", cid.NewCidV0(v0), ""},
		{"sha2-256 truncated to 20", mhCID(t, mh.SHA2_256, 20), ""},
		{"sha2-256 truncated to 19", mhCID(t, mh.SHA2_256, 19), "digest too small: sha2-256 digest got 19 bytes, minimum 20"},
		{"sha2-256 truncated to 1", mhCID(t, mh.SHA2_256, 1), "digest too small"},
		{"blake3", mhCID(t, mh.BLAKE3, 32), ""},
		{"blake3 129 bytes", mhCID(t, mh.BLAKE3, 129), "digest too large"},
		{"blake2b-256", mhCID(t, mh.BLAKE2B_MIN+31, 32), ""},
		{"blake2b-160", mhCID(t, mh.BLAKE2B_MIN+19, 20), ""},
		{"blake2b-152", mhCID(t, mh.BLAKE2B_MIN+18, 19), "insecure"},
		{"keccak-256", mhCID(t, mh.KECCAK_256, 32), ""},
		{"md5", mhCID(t, mh.MD5, 16), "insecure hash functions not allowed (md5)"},
		{"sha1", mhCID(t, mh.SHA1, 20), "sha1 has practical collisions"},
		{"murmur3", mhCID(t, mh.MURMUR3X64_64, 8), "insecure"},
		{"identity empty", mhCID(t, mh.IDENTITY, 0), ""},
		{"identity 128", mhCID(t, mh.IDENTITY, 128), ""},
		{"identity 129", mhCID(t, mh.IDENTITY, 129), "digest too large: identity digest got 129 bytes, maximum 128"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Check(tt.c)
			if berr := CheckBytes(tt.c.Bytes()); (berr == nil) != (err == nil) {
				t.Errorf("CheckBytes says %v, Check %v", berr, err)
			}
			if tt.want == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) || !errors.Is(err, ErrUnsafe) {
				t.Fatalf("got %v, want an ErrUnsafe saying %q", err, tt.want)
			}
		})
	}
}
