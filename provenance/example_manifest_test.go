package provenance_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"

	"github.com/aiprov/aiprov/provenance"
	"github.com/ipfs/go-cid"
)

func ExampleBuildManifest() {
	dir, err := os.MkdirTemp("", "model")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	os.WriteFile(filepath.Join(dir, "config.json"), []byte(`{"hidden_size": 64}`), 0o644)
	os.WriteFile(filepath.Join(dir, "weights.bin"), make([]byte, 3<<20), 0o644)
	ctx := context.Background()

	// Hash the directory into a draft (dated now, unless Created says
	// otherwise), then say where it came from and who made it.
	created := time.Date(2026, 11, 25, 17, 0, 0, 0, time.UTC)
	m, err := provenance.BuildManifest(ctx, dir, &provenance.BuildOptions{Name: "acme/tiny-chat", Created: created})
	if err != nil {
		log.Fatal(err)
	}
	base, _ := cid.Decode("bafyreihjmeijduudkzuexzowe4czx7r5hjxex5azrlur5ndtdkd5u3m3ei")
	tenPercent, _ := provenance.ParseShare("10%")
	m.Parents = []provenance.Parent{{CID: base, Relation: provenance.RelationFinetune, Share: tenPercent}}
	m.Royalty.Policy = provenance.PolicyAbsolute
	m.Contributors = []provenance.Contributor{
		{ID: "0x71562b71999873DB5b286dF957af199Ec94617F7", Role: "weights", Share: provenance.ShareWhole},
	}
	m.License = "Apache-2.0"
	if err := m.Validate(); err != nil {
		log.Fatal(err)
	}
	id, err := m.CID()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("manifest", id)

	// Later: re-check the directory against the manifest.
	os.WriteFile(filepath.Join(dir, "config.json"), []byte(`{"hidden_size": 65}`), 0o644)
	report, err := provenance.CheckManifest(ctx, m, dir, nil)
	if err != nil {
		log.Fatal(err)
	}
	for _, c := range report.Changed {
		fmt.Println("changed", c.Path)
	}
	fmt.Println("ok:", report.OK())

	// The manifest CID is what `ipfs dag put --input-codec dag-json
	// --store-codec dag-cbor` prints for m.MarshalJSON() (checked with Kubo
	// v0.43.1).

	// Output:
	// manifest bafyreifdhlk5ocokwqssfio7ghldbjkfw7zchyjroaojnixvaywhpxfjti
	// changed config.json
	// ok: false
}

func ExampleGraph() {
	g := provenance.NewGraph(nil)
	add := func(name string, parents ...cid.Cid) cid.Cid {
		content, _ := cid.Prefix{Version: 1, Codec: cid.Raw, MhType: 0x12, MhLength: -1}.Sum([]byte(name))
		m := &provenance.Manifest{
			Schema:  provenance.ManifestSchema,
			Subject: provenance.Subject{Name: name, Kind: provenance.KindModel, CID: content},
		}
		for _, p := range parents {
			m.Parents = append(m.Parents, provenance.Parent{CID: p, Relation: provenance.RelationFinetune})
		}
		id, err := g.AddManifest(m)
		if err != nil {
			log.Fatal(err)
		}
		return id
	}
	base := add("base")
	chat := add("chat", base)
	code := add("code", base)
	merged := add("merged", chat, code)

	ancestors, err := g.Ancestors(merged)
	if err != nil {
		log.Fatal(err)
	}
	for _, id := range ancestors {
		n, _ := g.Node(id)
		fmt.Println(n.Name)
	}
	// Output:
	// chat
	// code
	// base
}
