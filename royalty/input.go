package royalty

import (
	"fmt"
	"io"

	"github.com/ipfs/go-cid"

	"github.com/aiprov/aiprov/provenance"
)

// DefaultMaxGraphBytes is how much JSON ReadGraph reads unless told
// otherwise.
const DefaultMaxGraphBytes = 1 << 30

// ReadGraph reads a JSON graph description (see the package doc) of at
// most DefaultMaxGraphBytes and builds a Graph. Syntax and type errors name
// the offending byte's offset (from 0); graph errors name the node and
// field. Keys match ignoring ASCII case, as encoding/json's do; a key
// repeated within one object is an error.
func ReadGraph(r io.Reader, limits Limits) (*Graph, error) {
	nodes, err := ReadGraphNodes(r, DefaultMaxGraphBytes)
	if err != nil {
		return nil, err
	}
	return NewGraph(nodes, limits)
}

// ReadGraphNodes decodes a JSON graph description of at most maxBytes
// without validating the graph, for callers that add nodes of their own
// before calling NewGraph.
func ReadGraphNodes(r io.Reader, maxBytes int64) ([]Node, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("reading graph: %w", err)
	}
	if int64(len(data)) > maxBytes {
		return nil, fmt.Errorf("%w: graph JSON is larger than %d bytes", ErrLimit, maxBytes)
	}
	return parseGraphJSON(data)
}

// ManifestNodes turns lineage manifests into graph nodes: each manifest's
// CID, as a string (what Graph.Split, Graph.Has and Split.Flow take, and
// what Manifest.CID().String() and the CLI print), is its node ID; its
// parents' manifest CIDs are its parent edges with their shares, its
// contributors are the node's contributors and its royalty policy the
// node's policy. The same manifest given twice is one node.
//
// A parent absent from manifests is fine when its share is zero (a dataset
// credited without royalty, say): the edge is dropped, since nothing flows
// along it. With a positive share it is an ErrMissingParent.
func ManifestNodes(manifests ...*provenance.Manifest) ([]Node, error) {
	ids := make([]cid.Cid, len(manifests))
	have := make(map[cid.Cid]bool, len(manifests))
	for i, m := range manifests {
		if m == nil {
			return nil, &GraphError{Node: fmt.Sprintf("manifests[%d]", i), Err: fmt.Errorf("%w: nil manifest", ErrInvalid)}
		}
		c, err := m.CID()
		if err != nil {
			return nil, &GraphError{Node: fmt.Sprintf("manifests[%d]", i), Err: fmt.Errorf("%w: %w", ErrInvalid, err)}
		}
		ids[i] = c
		have[c] = true
	}
	nodes := make([]Node, 0, len(manifests))
	seen := make(map[cid.Cid]bool, len(manifests))
	for i, m := range manifests {
		c := ids[i]
		if seen[c] {
			continue
		}
		seen[c] = true
		n := Node{ID: c.String(), Policy: Policy(m.Royalty.Policy)}
		for j, p := range m.Parents {
			if !have[p.CID] {
				if p.Share == 0 {
					continue
				}
				return nil, &GraphError{Node: n.ID, Field: fmt.Sprintf("parents[%d]", j), Err: fmt.Errorf("%w: no manifest for %s, which has a %s share", ErrMissingParent, p.CID, formatShare(p.Share))}
			}
			n.Parents = append(n.Parents, Edge{Parent: p.CID.String(), Share: p.Share})
		}
		// A manifest may credit one person in several roles; the graph
		// pays each person once, so their shares add up.
		at := map[recipient]int{}
		for _, ct := range m.Contributors {
			key, err := parseRecipient(ct.ID, nil)
			if err != nil {
				key = recipient{other: ct.ID} // NewGraph reports it
			}
			if i, ok := at[key]; ok {
				n.Contributors[i].Share += ct.Share
				n.Contributors[i].Role += "+" + ct.Role
				continue
			}
			at[key] = len(n.Contributors)
			n.Contributors = append(n.Contributors, Contributor{ID: ct.ID, Share: ct.Share, Role: ct.Role})
		}
		nodes = append(nodes, n)
	}
	return nodes, nil
}
