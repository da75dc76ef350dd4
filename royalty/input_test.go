package royalty

import (
	"bytes"
	"errors"
	"math/big"
	"strings"
	"testing"

	"github.com/ipfs/go-cid"
	mh "github.com/multiformats/go-multihash"

	"github.com/aiprov/aiprov/provenance"
)

const exampleGraphJSON = `{
  "nodes": [
    {"id": "app", "policy": "relative",
     "parents": [{"id": "chat", "share": "50%"}],
     "contributors": [{"id": "0x0000000000000000000000000000000000001005", "share": "100%"}]},
    {"id": "chat",
     "parents": [{"id": "base", "share": 10000000}, {"id": "data", "share": "20%"}],
     "contributors": [{"id": "0x0000000000000000000000000000000000001004", "share": 100000000, "role": "weights"}]},
    {"id": "base", "contributors": [{"id": "0x0000000000000000000000000000000000001001", "share": "100%"}]},
    {"id": "data", "contributors": [
      {"id": "0x0000000000000000000000000000000000001002", "share": "60%"},
      {"id": "0x0000000000000000000000000000000000001003", "share": "40%", "role": "curation"}]}
  ]
}`

func TestReadGraph(t *testing.T) {
	g, err := ReadGraph(strings.NewReader(exampleGraphJSON), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	want, _ := NewGraph(workedExample(), Limits{})
	a, err := g.Split("app", big.NewInt(1000), SplitOptions{})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := want.Split("app", big.NewInt(1000), SplitOptions{})
	if a.Policy != Relative || len(a.Payouts) != 5 {
		t.Fatalf("split %+v", a)
	}
	for i := range a.Payouts {
		if a.Payouts[i].Recipient != b.Payouts[i].Recipient || a.Payouts[i].Amount.Cmp(b.Payouts[i].Amount) != 0 {
			t.Fatalf("JSON graph split %v, Go graph %v", a.Payouts, b.Payouts)
		}
	}
}

func TestReadGraphErrors(t *testing.T) {
	tests := []struct {
		name, in string
		want     error
		msg      string
	}{
		// Offsets count from 0 and point at the offending byte.
		{"syntax", `{"nodes": [}`, ErrInvalid, "at byte 11"},
		{"type", `{"nodes": [{"id": 5}]}`, ErrInvalid, "at byte 18: field nodes.id: want string, got number"},
		{"nested unknown field", `{"nodes": [{"id": "a", "parents": [{"id": "b", "shares": 1}]}]}`, ErrInvalid, `at byte 47: json: unknown field "shares"`},
		{"null share", `{"nodes": [{"id": "a", "parents": [{"id": "b", "share": null}]}]}`, ErrInvalid, "field nodes.parents.share: want share, got null"},
		{"fractional share", `{"nodes": [{"id": "a", "parents": [{"id": "b", "share": 1.5}]}]}`, ErrInvalid, "share 1.5"},
		{"bad escape", `{"nodes": [{"id": "\x"}]}`, ErrInvalid, "at byte 18: invalid string"},
		{"bad literal", `{"nodes": [{"id": "a", "parents": [{"id": "b", "share": 1x}]}]}`, ErrInvalid, "at byte 57: invalid character 'x'"},
		{"trailing bracket", `{"nodes": []}]`, ErrInvalid, "after the top-level object"},
		{"not an object", `[]`, ErrInvalid, "at byte 0"},
		{"unknown field", `{"nodes": [], "extra": 1}`, ErrInvalid, `unknown field "extra"`},
		{"bad share", `{"nodes": [{"id": "a", "parents": [{"id": "b", "share": "abc"}]}]}`, ErrInvalid, "share"},
		{"negative share", `{"nodes": [{"id": "a", "parents": [{"id": "b", "share": -1}]}]}`, ErrInvalid, "share"},
		{"truncated", `{"nodes": [`, ErrInvalid, "unexpected end"},
		{"trailing", `{"nodes": []} {}`, ErrInvalid, "after the top-level object"},
		{"missing parent", `{"nodes": [{"id": "a", "parents": [{"id": "b", "share": 1}]}]}`, ErrMissingParent, "node a: parents[0]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadGraph(strings.NewReader(tt.in), Limits{})
			if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.msg) {
				t.Fatalf("err = %v, want %v containing %q", err, tt.want, tt.msg)
			}
		})
	}
	if _, err := ReadGraphNodes(strings.NewReader(exampleGraphJSON), 100); !errors.Is(err, ErrLimit) {
		t.Fatalf("oversized graph: %v", err)
	}
}

func testCID(s string) cid.Cid {
	h, _ := mh.Sum([]byte(s), mh.SHA2_256, -1)
	return cid.NewCidV1(cid.DagCBOR, h)
}

func TestManifestNodes(t *testing.T) {
	manifest := func(name string, contributor int, parents ...provenance.Parent) *provenance.Manifest {
		return &provenance.Manifest{
			Schema:       provenance.ManifestSchema,
			Subject:      provenance.Subject{Name: name, Kind: provenance.KindModel, CID: testCID(name)},
			Parents:      parents,
			Contributors: []provenance.Contributor{{ID: addr(contributor), Share: shareWhole, Role: "weights"}},
		}
	}
	id := func(m *provenance.Manifest) cid.Cid {
		c, err := m.CID()
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	base, data := manifest("base", 1), manifest("data", 2)
	cdata := testCID("content-only")
	chat := manifest("chat", 3,
		provenance.Parent{CID: id(base), Share: 10_000_000},
		provenance.Parent{CID: id(data), Share: 30_000_000},
		provenance.Parent{CID: cdata, Share: 0})
	chat.Royalty.Policy = provenance.PolicyRelative
	nodes, err := ManifestNodes(chat, base, data, base) // base twice: one node
	if err != nil {
		t.Fatal(err)
	}
	if len(nodes) != 3 {
		t.Fatalf("%d nodes, want 3", len(nodes))
	}
	g, err := NewGraph(nodes, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	s, err := g.Split(id(chat).String(), big.NewInt(100), SplitOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got := payoutMap(s)
	if s.Policy != Relative || got[addrC(1)].Int64() != 10 || got[addrC(2)].Int64() != 30 || got[addrC(3)].Int64() != 60 {
		t.Fatalf("payouts %v", s.Payouts)
	}
	chat.Parents[2].Share = 1
	if _, err := ManifestNodes(chat, base, data); !errors.Is(err, ErrMissingParent) || !strings.Contains(err.Error(), cdata.String()) {
		t.Fatalf("missing parent with a share: %v", err)
	}
	if _, err := ManifestNodes(base, nil); !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "manifests[1]") {
		t.Fatalf("nil manifest: %v", err)
	}
}

func addrC(i int) string { a, _ := canonicalRecipient(addr(i)); return a }

func TestPayoutsCSV(t *testing.T) {
	g, _ := NewGraph(workedExample(), Limits{})
	s, _ := g.Split("app", big.NewInt(1000), SplitOptions{})
	var buf bytes.Buffer
	if err := s.WriteCSV(&buf); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(buf.String(), "0x0000000000000000000000000000000000001001,50\n") {
		t.Fatalf("CSV:\n%s", buf.String())
	}
	payouts, err := ReadPayouts(&buf, PayoutLimits{})
	if err != nil || len(payouts) != 5 {
		t.Fatalf("read back: %v, %v", payouts, err)
	}
	tests := []struct {
		name, in string
		want     error
		msg      string
	}{
		{"duplicate", "address,amount\n0x0000000000000000000000000000000000001001,1\n0x0000000000000000000000000000000000001001,2\n", ErrDuplicateRecipient, "line 3: 0x0000000000000000000000000000000000001001 is already on line 2"},
		{"bad amount", "0x0000000000000000000000000000000000001001,1.5\n", ErrInvalid, "line 1: amount"},
		{"negative", "0x0000000000000000000000000000000000001001,-1\n", ErrInvalid, "line 1"},
		{"bad address", "0x00,1\n", ErrNotAddress, "line 1"},
		{"three fields", "0x0000000000000000000000000000000000001001,1,2\n", ErrInvalid, "line 1"},
		{"empty", "", ErrInvalid, "no rows"},
		{"only header", "address,amount\n", ErrInvalid, "no rows"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadPayouts(strings.NewReader(tt.in), PayoutLimits{})
			if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.msg) {
				t.Fatalf("err = %v, want %v containing %q", err, tt.want, tt.msg)
			}
		})
	}
	if _, err := ReadPayouts(strings.NewReader(strings.Repeat("0x0000000000000000000000000000000000001001,1\n", 3)), PayoutLimits{MaxBytes: 50}); !errors.Is(err, ErrLimit) {
		t.Fatalf("size limit: %v", err)
	}
}
