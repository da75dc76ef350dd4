// Command hash-model prints the IPFS content ID of a model directory and of
// every file in it, with each file's SHA-256 (the digest Hugging Face lists
// for LFS files), computed in one read.
//
//	go run ./examples/hash-model [DIR]
//
// The root CID is what `ipfs add -r --only-hash` prints for DIR in a Kubo
// repository with the unixfs-v1-2025 profile, so the model can be fetched
// from IPFS by it. Without DIR it hashes a tiny model it writes to a
// temporary directory.
package main

import (
	"context"
	"fmt"
	"log"
	"os"
	"os/signal"
	"path/filepath"

	"github.com/aiprov/aiprov/provenance"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("hash-model: ")
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()

	dir := ""
	switch len(os.Args) {
	case 1:
		tmp, err := os.MkdirTemp("", "hash-model-")
		if err != nil {
			log.Fatal(err)
		}
		defer os.RemoveAll(tmp)
		if err := writeTinyModel(tmp); err != nil {
			log.Fatal(err)
		}
		dir = tmp
	case 2:
		dir = os.Args[1]
	default:
		log.Fatal("usage: hash-model [DIR]")
	}

	res, err := provenance.Hash(ctx, dir, &provenance.Options{SHA256: true})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s  %d bytes, %d files\n", res.CID, res.Size, len(res.Files))
	for _, f := range res.Files {
		fmt.Printf("  %-20s %s  sha256:%s  %d bytes\n", f.Path, f.CID, f.SHA256, f.Size)
	}
}

// writeTinyModel writes a config and 2.5 MiB of "weights": three 1 MiB
// chunks, so the weights' CID is a small DAG rather than a single block.
func writeTinyModel(dir string) error {
	weights := make([]byte, 5<<19)
	for i := range weights {
		weights[i] = byte(i * 7)
	}
	if err := os.WriteFile(filepath.Join(dir, "config.json"), []byte(`{"hidden_size":64}`+"\n"), 0o644); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "model.safetensors"), weights, 0o644)
}
