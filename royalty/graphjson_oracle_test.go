package royalty

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"

	"github.com/aiprov/aiprov/provenance"
)

// The encoding/json decoder ReadGraphNodes used before graphParser, kept
// as the oracle graphParser is checked against and as the baseline of
// BenchmarkReadGraph.

// graphJSON is the plain graph description; see the package doc.
type graphJSON struct {
	Nodes []nodeJSON `json:"nodes"`
}

type nodeJSON struct {
	ID           string            `json:"id"`
	Policy       Policy            `json:"policy,omitempty"`
	Parents      []edgeJSON        `json:"parents,omitempty"`
	Contributors []contributorJSON `json:"contributors,omitempty"`
}

type edgeJSON struct {
	ID    string     `json:"id"`
	Share shareValue `json:"share"`
}

type contributorJSON struct {
	ID    string     `json:"id"`
	Share shareValue `json:"share"`
	Role  string     `json:"role,omitempty"`
}

// shareValue is a share written either as an integer in provenance.ShareWhole units
// (10000000) or as a percentage string with at most six decimals ("10%",
// "2.5%").
type shareValue uint64

func (s *shareValue) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && b[0] == '"' {
		var str string
		if err := json.Unmarshal(b, &str); err != nil {
			return err
		}
		v, err := provenance.ParseShare(str)
		if err != nil {
			return err
		}
		*s = shareValue(v)
		return nil
	}
	v, err := strconv.ParseUint(string(b), 10, 64)
	if err != nil {
		return fmt.Errorf("share %s: want an integer in units of 1/%d or a percentage string like \"2.5%%\"", b, shareWhole)
	}
	*s = shareValue(v)
	return nil
}

// readGraphNodesJSON decodes data with encoding/json.
func readGraphNodesJSON(data []byte) ([]Node, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var gj graphJSON
	if err := dec.Decode(&gj); err != nil {
		return nil, jsonError(data, err)
	}
	if dec.More() {
		return nil, fmt.Errorf("%w: graph JSON at byte %d: unexpected data after the top-level object", ErrInvalid, dec.InputOffset())
	}
	nodes := make([]Node, len(gj.Nodes))
	for i, nj := range gj.Nodes {
		n := Node{ID: nj.ID, Policy: nj.Policy}
		if len(nj.Parents) > 0 {
			n.Parents = make([]Edge, len(nj.Parents))
			for j, e := range nj.Parents {
				n.Parents[j] = Edge{Parent: e.ID, Share: uint64(e.Share)}
			}
		}
		if len(nj.Contributors) > 0 {
			n.Contributors = make([]Contributor, len(nj.Contributors))
			for j, c := range nj.Contributors {
				n.Contributors[j] = Contributor{ID: c.ID, Share: uint64(c.Share), Role: c.Role}
			}
		}
		nodes[i] = n
	}
	return nodes, nil
}

func jsonError(data []byte, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return fmt.Errorf("%w: graph JSON at byte %d: %v", ErrInvalid, syn.Offset, err)
	case errors.As(err, &typ):
		return fmt.Errorf("%w: graph JSON at byte %d: field %s: want %s, got %s", ErrInvalid, typ.Offset, typ.Field, typ.Type, typ.Value)
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return fmt.Errorf("%w: graph JSON at byte %d: unexpected end of input", ErrInvalid, len(data))
	default:
		return fmt.Errorf("%w: graph JSON: %v", ErrInvalid, err)
	}
}
