// Command sign-and-verify builds a lineage manifest for a directory, signs it
// with a fresh ed25519 key as a DSSE envelope (an in-toto statement that
// cosign verify-blob-attestation also accepts), and verifies the envelope
// together with the files on disk.
//
//	go run ./examples/sign-and-verify [DIR]
//
// Without DIR it uses a tiny model it writes to a temporary directory. The
// key lives in memory only; a real publisher would load theirs with
// attest.ParsePrivateKey, or sign through a KMS by implementing
// attest.Signer.
package main

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/aiprov/aiprov/attest"
	"github.com/aiprov/aiprov/provenance"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("sign-and-verify: ")
	ctx := context.Background()

	dir := ""
	switch len(os.Args) {
	case 1:
		tmp, err := os.MkdirTemp("", "sign-and-verify-")
		if err != nil {
			log.Fatal(err)
		}
		defer os.RemoveAll(tmp)
		for name, data := range map[string]string{"config.json": `{"hidden_size":64}` + "\n", "model.safetensors": "tiny weights"} {
			if err := os.WriteFile(filepath.Join(tmp, name), []byte(data), 0o644); err != nil {
				log.Fatal(err)
			}
		}
		dir = tmp
	case 2:
		dir = os.Args[1]
	default:
		log.Fatal("usage: sign-and-verify [DIR]")
	}

	key, err := attest.GenerateKey(attest.Ed25519, nil)
	if err != nil {
		log.Fatal(err)
	}

	// A draft manifest holds the CIDs and digests; the publisher adds who
	// made the artifact and the license (BuildManifest dated it now).
	m, err := provenance.BuildManifest(ctx, dir, &provenance.BuildOptions{Name: "example/tiny-model"})
	if err != nil {
		log.Fatal(err)
	}
	m.Contributors = []provenance.Contributor{{ID: key.ID(), Role: "weights", Share: provenance.ShareWhole}}
	m.License = "Apache-2.0"
	if err := m.Validate(); err != nil {
		log.Fatal(err)
	}
	id, err := m.CID()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("manifest", id, "for", m.Subject.CID)

	env, err := attest.Sign(ctx, m, key)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("signed by", key.ID())

	// Verify as a consumer would: trust this one key, expect this
	// manifest, and check the files on disk against the signed digests.
	report, err := attest.Verify(ctx, attest.Bundle{Envelope: env}, attest.VerifyOptions{
		Keys:        []attest.Verifier{key.Public()},
		ManifestCID: id,
		Dir:         dir,
	})
	if err != nil {
		log.Fatal(err)
	}
	for _, f := range report.Files {
		fmt.Println("file", f.Path, "ok")
	}
	fmt.Println("verified")
}
