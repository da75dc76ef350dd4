package attest_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"log"
	"time"

	"github.com/aiprov/aiprov/attest"
	"github.com/aiprov/aiprov/provenance"
	"github.com/ipfs/go-cid"
)

func Example() {
	ctx := context.Background()

	// A manifest for a one-file artifact. (provenance computes the CIDs and
	// digests from the files on disk; here they are made up.)
	weights := []byte("weights")
	sum := sha256.Sum256(weights)
	fileCID, _ := cid.Prefix{Version: 1, Codec: cid.Raw, MhType: 0x12, MhLength: -1}.Sum(weights)
	m := &provenance.Manifest{
		Schema: provenance.ManifestSchema,
		Subject: provenance.Subject{
			Name: "acme/tiny", Kind: provenance.KindModel, CID: fileCID, Size: int64(len(weights)),
			Files: []provenance.File{{Path: "model.safetensors", CID: fileCID, Size: int64(len(weights)), SHA256: hex.EncodeToString(sum[:])}},
		},
		Contributors: []provenance.Contributor{{ID: "0x71562b71999873DB5b286dF957af199Ec94617F7", Role: "weights", Share: provenance.ShareWhole}},
		License:      "Apache-2.0",
		Royalty:      provenance.RoyaltyTerms{Policy: provenance.PolicyAbsolute},
		Created:      time.Date(2026, 11, 25, 17, 0, 0, 0, time.UTC),
	}

	// Two contributors co-sign: one with ed25519, one with P-256.
	alice, _ := attest.GenerateKey(attest.Ed25519, nil)
	bob, _ := attest.GenerateKey(attest.P256, nil)
	env, err := attest.Sign(ctx, m, alice)
	if err != nil {
		log.Fatal(err)
	}
	if err := env.Sign(ctx, bob); err != nil { // co-signing later, same payload
		log.Fatal(err)
	}

	// Both must sign.
	policy := &attest.Policy{
		Keys:  []attest.TrustedKey{{ID: alice.ID(), Name: "alice"}, {ID: bob.ID(), Name: "bob"}},
		Rules: []attest.Rule{{Threshold: 2}},
	}
	report, err := attest.Verify(ctx, attest.Bundle{Envelope: env}, attest.VerifyOptions{Policy: policy})
	if err != nil {
		log.Fatal(err)
	}
	for _, s := range report.Signatures {
		fmt.Printf("signature %d by %s: verified\n", s.Index, s.Name)
	}
	fmt.Println("rule:", report.Rules[0].Rule, "satisfied:", report.Rules[0].Satisfied)
	// Output:
	// signature 0 by alice: verified
	// signature 1 by bob: verified
	// rule: 2 of trusted keys satisfied: true
}
