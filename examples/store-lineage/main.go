// Command store-lineage stores a model and its manifest in a local
// content-addressed store, reads the model back verified, and bundles the
// manifest with the model as a CAR file that `ipfs dag import` accepts.
//
//	go run ./examples/store-lineage [DIR]
//
// Without DIR it uses a tiny model it writes to a temporary directory. The
// store and the CAR are written to a temporary directory too; a real
// pipeline would use storage.DefaultDir (what `aiprov store` uses) or a
// Kubo node (storage.NewKubo).
package main

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"

	"github.com/aiprov/aiprov/provenance"
	"github.com/aiprov/aiprov/storage"
	"github.com/ipfs/go-cid"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("store-lineage: ")
	ctx := context.Background()

	work, err := os.MkdirTemp("", "store-lineage-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(work)

	model := filepath.Join(work, "model")
	if len(os.Args) > 1 {
		model = os.Args[1]
	} else {
		os.Mkdir(model, 0o755)
		for name, data := range map[string]string{"config.json": `{"hidden_size":64}` + "\n", "model.safetensors": "tiny weights"} {
			if err := os.WriteFile(filepath.Join(model, name), []byte(data), 0o644); err != nil {
				log.Fatal(err)
			}
		}
	}

	s, err := storage.OpenDir(filepath.Join(work, "store"))
	if err != nil {
		log.Fatal(err)
	}
	// The model, as a UnixFS DAG: its CID is what `ipfs add -r` prints
	// with the unixfs-v1-2025 profile.
	res, err := storage.PutPath(ctx, s, model, nil)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("model     %s (%d files, %d bytes)\n", res.CID, len(res.Files), res.Size)

	// Its manifest, as a DAG-CBOR block linking the model by CID.
	m, err := provenance.BuildManifest(ctx, model, nil)
	if err != nil {
		log.Fatal(err)
	}
	m.Contributors = []provenance.Contributor{{ID: "0x71562b71999873DB5b286dF957af199Ec94617F7", Role: "weights", Share: provenance.ShareWhole}}
	m.Parents = []provenance.Parent{}
	m.License = "Apache-2.0"
	m.Royalty = provenance.RoyaltyTerms{Policy: provenance.PolicyAbsolute}
	m.Created = time.Date(2026, 11, 25, 17, 0, 0, 0, time.UTC)
	mc, err := storage.PutManifest(ctx, s, m)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("manifest  %s\n", mc)

	// Read the model back, every block verified, to a new directory.
	out := filepath.Join(work, "restored")
	if err := storage.GetPath(ctx, s, res.CID, out, nil); err != nil {
		log.Fatal(err)
	}
	fmt.Println("restored  every block verified against its CID")

	// One file for the whole lineage, artifacts included.
	carPath := filepath.Join(work, "lineage.car")
	f, err := os.Create(carPath)
	if err != nil {
		log.Fatal(err)
	}
	if err := storage.WriteCAR(ctx, f, s, []cid.Cid{mc}, &storage.ExportOptions{Artifacts: true}); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
	st, _ := os.Stat(carPath)
	fmt.Printf("bundle    lineage.car, %d bytes (`ipfs dag import` accepts it)\n", st.Size())
}
