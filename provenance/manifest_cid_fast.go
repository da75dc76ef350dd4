package provenance

import (
	"crypto/sha256"
	"fmt"
	"sync"

	"github.com/aiprov/aiprov/internal/ipld"
	"github.com/ipfs/go-cid"
)

// ParseManifestJSONCID parses a manifest's DAG-JSON form and returns it with
// its CID. It accepts what ParseManifestJSON followed by CID accepts and
// gives the same results, but converts the JSON to canonical DAG-CBOR in
// one pass and decodes that with DecodeManifest's typed reader, instead of
// building the generic data model and encoding the manifest again: the way
// to check a manifest's CID against its JSON when verifying many of them.
func ParseManifestJSONCID(data []byte) (*Manifest, cid.Cid, error) {
	bp := cborBuffers.Get().(*[]byte)
	defer func() {
		if cap(*bp) <= 1<<20 {
			cborBuffers.Put(bp)
		}
	}()
	cb, err := ipld.JSONToCBOR((*bp)[:0], data, manifestJSONLimits)
	if err != nil {
		return nil, cid.Undef, fromIPLD(err)
	}
	*bp = cb[:0]
	if len(cb) > MaxManifestSize {
		return nil, cid.Undef, &FieldError{Offset: -1, Err: fmt.Errorf("%w: encodes to %d bytes, more than the limit of %d for one IPFS block", ErrManifestTooLarge, len(cb), MaxManifestSize), kind: ErrMalformedManifest}
	}
	// The decoder copies what it keeps, so the buffer can be reused.
	m, err := decodeManifestCBOR(cb)
	if err != nil {
		return nil, cid.Undef, err
	}
	// ManifestCID, without the multihash library's allocations.
	mh := [2 + sha256.Size]byte{0x12, sha256.Size} // sha2-256, 32 bytes
	sum := sha256.Sum256(cb)
	copy(mh[2:], sum[:])
	return m, cid.NewCidV1(cid.DagCBOR, mh[:]), nil
}

// cborBuffers holds buffers for ParseManifestJSONCID's DAG-CBOR.
var cborBuffers = sync.Pool{New: func() any { b := make([]byte, 0, 8<<10); return &b }}
