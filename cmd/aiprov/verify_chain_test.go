package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ipfs/go-cid"
	"github.com/rogpeppe/go-internal/txtar"

	"github.com/aiprov/aiprov/attest"
	"github.com/aiprov/aiprov/attest/chain/simulated"
	"github.com/aiprov/aiprov/provenance"
)

// TestVerifyChainParents: a record whose parents are not the manifest's
// fails verify --chain, naming each parent missing or extra. The registry
// cannot see the manifest, only what its owner signed, so such a record is
// made here with the library from an attestation whose parents were
// changed, as a careless or dishonest owner could. The manifests and key
// are anchor_verify.txtar's.
func TestVerifyChainParents(t *testing.T) {
	ar, err := txtar.ParseFile("testdata/script/anchor_verify.txtar")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range ar.Files {
		if err := os.WriteFile(filepath.Join(dir, f.Name), f.Data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	read := func(name string) (*provenance.Manifest, cid.Cid) {
		t.Helper()
		m, c, err := provenance.ReadManifestFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return m, c
	}
	// other.json: base renamed, so another manifest with no parents.
	data, _ := os.ReadFile(filepath.Join(dir, "base.json"))
	if err := os.WriteFile(filepath.Join(dir, "other.json"), []byte(strings.Replace(string(data), "org/base", "org/other", 1)), 0o600); err != nil {
		t.Fatal(err)
	}
	base, baseCID := read("base.json")
	other, otherCID := read("other.json")
	chat, _ := read("chat.json")
	keyData, _ := os.ReadFile(filepath.Join(dir, "owner.key"))
	key, err := attest.ParsePrivateKey(keyData, nil)
	if err != nil {
		t.Fatal(err)
	}
	dsse := filepath.Join(dir, "chat.dsse.json")
	mustRun(t, "sign", filepath.Join(dir, "chat.json"), "--key", filepath.Join(dir, "owner.key"), "-o", dsse)

	tests := []struct {
		name    string
		parents []*provenance.Manifest // registered, and named by chat's record
		want    []string
	}{
		{"none", nil, []string{"chain: the manifest's parent " + baseCID.String() + " is not a parent of its record on chain"}},
		{"another", []*provenance.Manifest{other}, []string{
			"chain: the manifest's parent " + baseCID.String() + " is not a parent of its record on chain",
			"chain: the record on chain names parent " + otherCID.String() + ", which the manifest does not",
		}},
		{"same", []*provenance.Manifest{base}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			chainDir := t.TempDir()
			c, err := simulated.Open(ctx, simulated.Options{Dir: chainDir, Signer: key})
			if err != nil {
				t.Fatal(err)
			}
			// register registers m, naming parents instead of its own
			// when replace is set.
			register := func(m *provenance.Manifest, replace bool, parents [][32]byte) {
				t.Helper()
				mc, _ := m.CID()
				a, err := attest.NewManifestAttestation(m, mc)
				if err != nil {
					t.Fatal(err)
				}
				if replace {
					a.Parents = parents
				}
				sig, err := c.Sign(ctx, key, a)
				if err != nil {
					t.Fatal(err)
				}
				if _, err := c.Register(ctx, a, key.Address(), sig); err != nil {
					t.Fatal(err)
				}
			}
			var parents [][32]byte
			for _, p := range tt.parents {
				register(p, false, nil)
				pc, _ := p.CID()
				d, _ := attest.NewManifestAttestation(p, pc)
				parents = append(parents, d.ManifestDigest)
			}
			register(chat, true, parents)
			c.Close()

			code, out, errs := aiprovRun(t, "verify", dsse, "--key", key.Address().Hex(), "--chain", "--chain-dir", chainDir)
			if len(tt.want) == 0 {
				if code != 0 || !strings.Contains(out, "chain: parents match (1)") {
					t.Fatalf("exit %d, want 0 and matching parents\n%s%s", code, out, errs)
				}
				return
			}
			if code != exitFail {
				t.Fatalf("exit %d, want %d\n%s%s", code, exitFail, out, errs)
			}
			if !strings.Contains(errs, "verification FAILED") {
				t.Errorf("stderr lacks the failure:\n%s", errs)
			}
			for _, w := range tt.want {
				if !strings.Contains(errs, "  "+w+"\n") {
					t.Errorf("stderr lacks %q:\n%s", w, errs)
				}
			}
		})
	}
}
