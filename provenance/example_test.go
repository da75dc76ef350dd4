package provenance_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"

	"github.com/aiprov/aiprov/provenance"
)

func ExampleHash() {
	dir, err := os.MkdirTemp("", "model")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	os.WriteFile(filepath.Join(dir, "config.json"), []byte(`{"hidden_size": 64}`), 0o644)
	os.WriteFile(filepath.Join(dir, "weights.bin"), make([]byte, 3<<20), 0o644)

	res, err := provenance.Hash(context.Background(), dir, &provenance.Options{SHA256: true})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("root", res.CID)
	for _, f := range res.Files {
		fmt.Println(f.Path, f.CID, f.Size, f.SHA256[:16])
	}
	// The CIDs are what Kubo v0.43.1 `ipfs add -r --only-hash` prints in a
	// unixfs-v1-2025 repository; the digests are sha256sum's.

	// Output:
	// root bafybeig6776zilgwjgo3zgqshxsfot46csiubunpi62755qtu2cavrubga
	// config.json bafkreigcbmylwnxsrpi3qsnq5fc3uex5widw2oij2mulhfm564aebwp44i 19 c20b30bb36f28bd1
	// weights.bin bafybeigdsjup7aizxrrjn7yqtcmqg6ffksaugwr7is2ind3cf7esaqrz4m 3145728 bbd05cf6097ac9b1
}

func ExampleHashReader() {
	p, err := provenance.ProfileParams(provenance.ProfileUnixFSv0_2015)
	if err != nil {
		log.Fatal(err)
	}
	f, err := provenance.HashReader(context.Background(), strings.NewReader("hello world"), &provenance.Options{Params: p})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(f.CID, f.Size)
	// Output:
	// Qmf412jQZiuVUtdgnB36FXFX7xg5V6KEbSJ4dpQuhkLyfD 11
}
