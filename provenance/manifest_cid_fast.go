package provenance

import (
	"fmt"

	"github.com/aiprov/aiprov/internal/ipld"
)

// ParseManifestJSONCBOR parses a manifest's DAG-JSON form and returns it with
// its canonical DAG-CBOR encoding, the bytes its CID is computed over
// (ManifestCID). It accepts what ParseManifestJSON followed by MarshalCBOR
// accepts and gives the same results, but converts the JSON to DAG-CBOR in
// one pass and decodes that with DecodeManifest's typed reader, instead of
// building the generic data model and re-encoding the manifest: the way to
// check a manifest's CID against its JSON when verifying many of them.
func ParseManifestJSONCBOR(data []byte) (*Manifest, []byte, error) {
	cb, err := ipld.JSONToCBOR(nil, data, manifestJSONLimits)
	if err != nil {
		return nil, nil, fromIPLD(err)
	}
	if len(cb) > MaxManifestSize {
		return nil, nil, &FieldError{Offset: -1, Err: fmt.Errorf("%w: encodes to %d bytes, more than the limit of %d for one IPFS block", ErrManifestTooLarge, len(cb), MaxManifestSize), kind: ErrMalformedManifest}
	}
	m, err := decodeManifestCBOR(cb)
	if err != nil {
		return nil, nil, err
	}
	return m, cb, nil
}
