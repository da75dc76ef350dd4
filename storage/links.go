package storage

import (
	"errors"
	"fmt"

	"github.com/aiprov/aiprov/internal/dagpb"
	"github.com/aiprov/aiprov/internal/ipld"
	"github.com/ipfs/go-cid"
)

// Links returns the CIDs a block links to: the links of a dag-pb node, the
// tag-42 links anywhere in a DAG-CBOR block, none for raw blocks. Other
// codecs are an error.
func Links(c cid.Cid, data []byte) ([]cid.Cid, error) {
	switch c.Type() {
	case cid.Raw:
		return nil, nil
	case cid.DagProtobuf:
		n, err := dagpb.Decode(data)
		if err != nil {
			return nil, fmt.Errorf("block %s: %w", c, err)
		}
		out := make([]cid.Cid, len(n.Links))
		for i, l := range n.Links {
			out[i] = l.Hash
		}
		return out, nil
	case cid.DagCBOR:
		links, err := cborLinks(data)
		if err != nil {
			return nil, fmt.Errorf("block %s: %w", c, err)
		}
		return links, nil
	}
	return nil, fmt.Errorf("block %s: cannot follow links of codec %s", c, codecName(c.Type()))
}

// ErrMalformedCBOR is matched by errors.Is for a DAG-CBOR block that the
// link scanner cannot walk.
var ErrMalformedCBOR = errors.New("malformed DAG-CBOR")

// cborLimits bound the DAG-CBOR blocks whose links are followed: nesting
// only (a block's size is bounded where it is read).
var cborLimits = ipld.Limits{MaxDepth: 128}

// cborLinks returns the links of a DAG-CBOR block, read by the codec that
// reads manifests (ipld.CBORLinks), so a block this walks is one that
// decodes: definite lengths, shortest forms, sorted keys, only tag 42.
func cborLinks(b []byte) ([]cid.Cid, error) {
	links, err := ipld.CBORLinks(b, cborLimits)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrMalformedCBOR, err)
	}
	return links, nil
}
