package storage

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/aiprov/aiprov/provenance"
	"github.com/aiprov/aiprov/storage/storagetest"
	"github.com/ipfs/go-cid"
)

func testManifest(name string, subject cid.Cid, size int64, parents ...cid.Cid) *provenance.Manifest {
	m := &provenance.Manifest{
		Schema:       provenance.ManifestSchema,
		Subject:      provenance.Subject{Name: name, Kind: provenance.KindModel, CID: subject, Size: size},
		Contributors: []provenance.Contributor{{ID: "0x71562b71999873DB5b286dF957af199Ec94617F7", Role: "weights", Share: provenance.ShareWhole}},
		License:      "Apache-2.0",
		Royalty:      provenance.RoyaltyTerms{Policy: provenance.PolicyAbsolute},
		Created:      time.Date(2026, 11, 25, 17, 0, 0, 0, time.UTC),
	}
	for _, p := range parents {
		m.Parents = append(m.Parents, provenance.Parent{CID: p, Relation: provenance.RelationFinetune, Share: 10_000_000})
	}
	return m
}

// TestLineageCARInKubo stores a three-generation lineage (artifacts,
// manifests linking parents by CID, an envelope), exports it as a CAR with
// and without the artifacts, and imports both into a real Kubo: the
// manifests come back from `ipfs dag get` byte for byte, and with the
// artifacts Kubo can pin the whole lineage.
func TestLineageCARInKubo(t *testing.T) {
	ctx := context.Background()
	s := openTestDir(t)
	var prev cid.Cid
	var manifests []cid.Cid
	var artifacts []cid.Cid
	for i, name := range []string{"base", "finetune", "quantized"} {
		res, err := Put(ctx, s, bytes.NewReader(randomBytes(1_200_000+i, uint64(30+i))), nil)
		if err != nil {
			t.Fatal(err)
		}
		var parents []cid.Cid
		if prev.Defined() {
			parents = append(parents, prev)
		}
		m := testManifest("acme/"+name, res.CID, res.Size, parents...)
		mc, err := PutManifest(ctx, s, m)
		if err != nil {
			t.Fatal(err)
		}
		if want, _ := m.CID(); !mc.Equals(want) {
			t.Fatalf("PutManifest %s, m.CID %s", mc, want)
		}
		back, err := GetManifest(ctx, s, mc)
		if err != nil || back.Subject.Name != m.Subject.Name {
			t.Fatalf("GetManifest: %v", err)
		}
		manifests = append(manifests, mc)
		artifacts = append(artifacts, res.CID)
		prev = mc
	}
	env, err := PutData(ctx, s, cid.Raw, []byte(`{"payloadType":"application/vnd.in-toto+json","payload":"e30=","signatures":[{"keyid":"","sig":"AAAA"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	leaf := manifests[len(manifests)-1]

	d := storagetest.StartKubo(t)
	// Lineage only: the manifests and the envelope, not the artifacts.
	var lineageCAR bytes.Buffer
	if err := WriteCAR(ctx, &lineageCAR, s, []cid.Cid{leaf, env}, nil); err != nil {
		t.Fatal(err)
	}
	// Kubo pins roots recursively by default, which needs every linked
	// block; a lineage-only bundle is imported without pinning.
	if _, err := d.IPFSIn(lineageCAR.Bytes(), "dag", "import", "--pin-roots=false"); err != nil {
		t.Fatal(err)
	}
	for _, mc := range manifests {
		want, _ := s.GetBlock(ctx, mc)
		got := d.IPFS("block", "get", mc.String())
		if !bytes.Equal(got, want) {
			t.Fatalf("manifest %s differs in Kubo", mc)
		}
	}
	if got := d.IPFS("block", "get", env.String()); !bytes.Contains(got, []byte("in-toto")) {
		t.Fatal("envelope missing in Kubo")
	}
	if _, err := d.IPFSIn(nil, "block", "stat", "--offline", artifacts[0].String()); err == nil {
		t.Fatal("artifact imported from a lineage-only CAR")
	}

	// With artifacts: Kubo pins the whole lineage offline.
	var fullCAR bytes.Buffer
	if err := WriteCAR(ctx, &fullCAR, s, []cid.Cid{leaf, env}, &ExportOptions{Artifacts: true}); err != nil {
		t.Fatal(err)
	}
	d2 := storagetest.StartKubo(t)
	out, err := d2.IPFSIn(fullCAR.Bytes(), "dag", "import")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), "Pinned root") || !strings.Contains(string(out), leaf.String()) {
		t.Fatalf("ipfs dag import: %s", out)
	}
	got := d2.IPFS("cat", artifacts[0].String())
	want, _ := Get(ctx, s, artifacts[0])
	var wb bytes.Buffer
	wb.ReadFrom(want)
	if !bytes.Equal(got, wb.Bytes()) {
		t.Fatal("artifact differs in Kubo")
	}

	// And back: Kubo's export of the lineage imports into a fresh store
	// and the manifests decode.
	exported := d2.IPFS("dag", "export", leaf.String())
	m2 := NewMemory()
	if _, err := ImportCAR(ctx, bytes.NewReader(exported), m2); err != nil {
		t.Fatal(err)
	}
	for _, mc := range manifests {
		if _, err := GetManifest(ctx, m2, mc); err != nil {
			t.Fatal(err)
		}
	}
}
