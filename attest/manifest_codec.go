package attest

import (
	"github.com/aiprov/aiprov/provenance"
	"github.com/ipfs/go-cid"
)

// encodeManifest returns m's DAG-JSON form and CID. The CID is computed over
// the canonical DAG-CBOR, so it is what `ipfs dag put` gives.
func encodeManifest(m *provenance.Manifest) ([]byte, cid.Cid, error) {
	js, err := m.MarshalJSON()
	if err != nil {
		return nil, cid.Undef, err
	}
	c, err := m.CID()
	if err != nil {
		return nil, cid.Undef, err
	}
	return js, c, nil
}
