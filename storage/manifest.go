package storage

import (
	"context"
	"fmt"

	"github.com/aiprov/aiprov/provenance"
	"github.com/ipfs/go-cid"
)

// PutManifest stores m in its canonical DAG-CBOR encoding and returns its
// CID, which equals m.CID() and what `ipfs dag put` gives.
func PutManifest(ctx context.Context, s Store, m *provenance.Manifest) (cid.Cid, error) {
	b, err := m.MarshalCBOR()
	if err != nil {
		return cid.Undef, err
	}
	return PutData(ctx, s, cid.DagCBOR, b)
}

// GetManifest reads the manifest c, verified against c, and decodes it
// strictly (provenance.DecodeManifest).
func GetManifest(ctx context.Context, s Store, c cid.Cid) (*provenance.Manifest, error) {
	if c.Type() != cid.DagCBOR {
		return nil, fmt.Errorf("%s is not a manifest CID: codec %s, want dag-cbor", c, codecName(c.Type()))
	}
	b, err := s.GetBlock(ctx, c)
	if err != nil {
		return nil, err
	}
	m, err := provenance.DecodeManifest(b)
	if err != nil {
		return nil, fmt.Errorf("manifest %s: %w", c, err)
	}
	return m, nil
}
