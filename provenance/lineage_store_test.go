package provenance_test

import (
	"context"
	"fmt"
	"log"

	"github.com/aiprov/aiprov/provenance"
	"github.com/aiprov/aiprov/storage"
	"github.com/ipfs/go-cid"
)

// A storage.Store is a ManifestSource.
var _ provenance.ManifestSource = storage.Store(nil)

func ExampleGraph_Load() {
	ctx := context.Background()
	store := storage.NewMemory()
	put := func(name string, parents ...cid.Cid) cid.Cid {
		content, _ := cid.Prefix{Version: 1, Codec: cid.Raw, MhType: 0x12, MhLength: -1}.Sum([]byte(name))
		m := &provenance.Manifest{
			Schema:  provenance.ManifestSchema,
			Subject: provenance.Subject{Name: name, Kind: provenance.KindModel, CID: content},
		}
		for _, p := range parents {
			m.Parents = append(m.Parents, provenance.Parent{CID: p, Relation: provenance.RelationQuantized})
		}
		id, err := storage.PutManifest(ctx, store, m)
		if err != nil {
			log.Fatal(err)
		}
		return id
	}
	base := put("base")
	put("base-q4", base)
	put("base-q8", base)
	// Blocks that are not manifests are skipped.
	if _, err := storage.PutData(ctx, store, cid.Raw, []byte("weights")); err != nil {
		log.Fatal(err)
	}

	g := provenance.NewGraph(nil)
	if err := g.Load(ctx, store); err != nil {
		log.Fatal(err)
	}
	desc, err := g.Descendants(base)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(g.Len(), "nodes;", len(desc), "descendants of base")
	// Output:
	// 3 nodes; 2 descendants of base
}
