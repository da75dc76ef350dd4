package storage_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"strings"

	"github.com/aiprov/aiprov/storage"
	"github.com/ipfs/go-cid"
)

func Example() {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "aiprov-example-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)

	s, err := storage.OpenDir(filepath.Join(dir, "store"))
	if err != nil {
		log.Fatal(err)
	}
	// Store a file; its CID is what `ipfs add --cid-version=1
	// --raw-leaves --chunker=size-1048576` prints (unixfs-v1-2025).
	res, err := storage.Put(ctx, s, strings.NewReader("hello world\n"), nil)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(res.CID)

	// Read it back; every block is verified against its CID.
	r, err := storage.Get(ctx, s, res.CID)
	if err != nil {
		log.Fatal(err)
	}
	defer r.Close()
	io.Copy(os.Stdout, r)
	// Output:
	// bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4
	// hello world
}

// A lineage travels as one CAR file: export roots from one store, import
// them, verified, into another.
func ExampleWriteCAR() {
	ctx := context.Background()
	src := storage.NewMemory()
	envelope, err := storage.PutData(ctx, src, cid.Raw, []byte(`{"payloadType":"application/vnd.in-toto+json","payload":"e30=","signatures":[]}`))
	if err != nil {
		log.Fatal(err)
	}
	var car bytes.Buffer
	if err := storage.WriteCAR(ctx, &car, src, []cid.Cid{envelope}, nil); err != nil {
		log.Fatal(err)
	}

	dst := storage.NewMemory()
	res, err := storage.ImportCAR(ctx, &car, dst)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(res.Roots[0].Equals(envelope), res.Blocks)
	// Output: true 1
}
