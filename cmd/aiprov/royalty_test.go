package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ipfs/go-cid"
	mh "github.com/multiformats/go-multihash"

	"github.com/aiprov/aiprov/provenance"
)

func contentCID(s string) cid.Cid {
	h, _ := mh.Sum([]byte(s), mh.SHA2_256, -1)
	return cid.NewCidV1(cid.Raw, h)
}

func testManifest(name string, policy provenance.RoyaltyPolicy, parents []provenance.Parent, contributors ...provenance.Contributor) *provenance.Manifest {
	return &provenance.Manifest{
		Schema:       provenance.ManifestSchema,
		Subject:      provenance.Subject{Name: name, Kind: provenance.KindModel, CID: contentCID(name), Size: 1},
		Parents:      parents,
		Contributors: contributors,
		License:      "MIT",
		Royalty:      provenance.RoyaltyTerms{Policy: policy},
		Created:      time.Date(2026, 11, 25, 17, 0, 0, 0, time.UTC),
	}
}

// TestRoyaltyManifests splits over a directory of real manifests (DAG-CBOR
// and DAG-JSON files), keyed by the CIDs provenance computes.
func TestRoyaltyManifests(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, m *provenance.Manifest, asJSON bool) cid.Cid {
		t.Helper()
		data, err := m.MarshalCBOR()
		if asJSON {
			data, err = m.MarshalJSON()
		}
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
		c, err := m.CID()
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	base := write("base.cbor", testManifest("base", provenance.PolicyRelative, nil,
		provenance.Contributor{ID: "0x0000000000000000000000000000000000001001", Role: "weights", Share: 60_000_000},
		provenance.Contributor{ID: "0x0000000000000000000000000000000000001001", Role: "compute", Share: 40_000_000}), false)
	os.Mkdir(filepath.Join(dir, "sub"), 0o755)
	data := write("sub/data.json", testManifest("data", provenance.PolicyRelative, nil,
		provenance.Contributor{ID: "0x0000000000000000000000000000000000001002", Role: "data", Share: provenance.ShareWhole}), true)
	chat := write("chat.cbor", testManifest("chat", provenance.PolicyRelative, []provenance.Parent{
		{CID: base, Relation: provenance.RelationFinetune, Share: 10_000_000},
		{CID: data, Relation: provenance.RelationTrainedOn, Share: 20_000_000},
		{CID: contentCID("eval-set"), Relation: provenance.RelationEvaluatedOn, Share: 0}, // no manifest, no share
	}, provenance.Contributor{ID: "0x0000000000000000000000000000000000001003", Role: "weights", Share: provenance.ShareWhole}), false)
	os.WriteFile(filepath.Join(dir, "README.md"), []byte("not a manifest"), 0o644)
	os.WriteFile(filepath.Join(dir, ".hidden.json"), []byte("{broken"), 0o644)

	var stdout, stderr bytes.Buffer
	c := &cli{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr, getenv: func(string) string { return "" }}
	code := run(context.Background(), []string{"royalty", "split", "--manifests", dir, "--artifact", chat.String(), "--amount", "1000", "--csv"}, c)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	// Relative: chat keeps 70%, base gets 10% (both roles of one person),
	// data 20%.
	want := "0x0000000000000000000000000000000000001001,100\n0x0000000000000000000000000000000000001002,200\n0x0000000000000000000000000000000000001003,700\n"
	if stdout.String() != want {
		t.Fatalf("payouts:\n%s\nwant:\n%s", stdout.String(), want)
	}

	// A broken manifest outside the paid lineage is named and ignored; a
	// paid artifact that is not there names it as a possible cause.
	os.WriteFile(filepath.Join(dir, "bad.json"), []byte(`{"schema": 5}`), 0o644)
	stdout.Reset()
	stderr.Reset()
	code = run(context.Background(), []string{"royalty", "split", "--manifests", dir, "--artifact", chat.String(), "--amount", "1000", "--csv"}, c)
	if code != 0 || !strings.Contains(stderr.String(), "ignored (outside the paid lineage)") || !strings.Contains(stderr.String(), "bad.json") || stdout.String() != want {
		t.Fatalf("bad manifest elsewhere: exit %d, stderr %q, stdout %q", code, stderr.String(), stdout.String())
	}
	stdout.Reset()
	stderr.Reset()
	code = run(context.Background(), []string{"royalty", "split", "--manifests", dir, "--artifact", "bafyreihs4vf6scesnyxziil34z32cl3z7fehs6tkcbhd4haxen22scrqkm", "--amount", "1000"}, c)
	if code != 1 || !strings.Contains(stderr.String(), "one may be it") || !strings.Contains(stderr.String(), "bad.json") || stdout.Len() != 0 {
		t.Fatalf("missing artifact with a broken file: exit %d, stderr %q, stdout %q", code, stderr.String(), stdout.String())
	}
}
