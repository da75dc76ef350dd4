package main

import (
	"bytes"
	"context"
	"encoding/json"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ipfs/go-cid"

	"github.com/aiprov/aiprov/attest"
	"github.com/aiprov/aiprov/attest/chain"
	"github.com/aiprov/aiprov/attest/chain/simulated"
	"github.com/aiprov/aiprov/provenance"
	"github.com/aiprov/aiprov/royalty"
)

// aiprovRun runs the CLI in process and returns its exit code and output.
func aiprovRun(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, &cli{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, getenv: func(string) string { return "" }})
	return code, out.String(), errb.String()
}

func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	code, out, errs := aiprovRun(t, args...)
	if code != 0 {
		t.Fatalf("aiprov %s: exit %d\n%s%s", strings.Join(args, " "), code, out, errs)
	}
	return out
}

func keyFile(t *testing.T, dir, name string, k *attest.PrivateKey) string {
	t.Helper()
	var data []byte
	var err error
	if k.Algorithm() == attest.Secp256k1 {
		data, err = k.MarshalHex()
	} else {
		data, err = k.MarshalPKCS8PEM()
	}
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestRoyaltyPayoutCommands runs the on-chain royalty commands as a user
// would, on the embedded chain kept in a directory between commands: a
// finetune with an Ethereum and an ed25519 contributor is registered, the
// ed25519 key binds itself to an account, the owner configures the vote,
// a payer pays 1 ETH, both voters approve, a relayer publishes and claims
// for everyone, the audit passes; then an epoch whose root moves one wei
// is published and the audit fails.
func TestRoyaltyPayoutCommands(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	chainDir, store, mdir := filepath.Join(dir, "chain"), filepath.Join(dir, "store"), filepath.Join(dir, "manifests")
	if err := os.MkdirAll(mdir, 0o755); err != nil {
		t.Fatal(err)
	}
	keys := map[string]*attest.PrivateKey{}
	files := map[string]string{}
	for _, n := range []string{"owner", "payer", "relayer", "carol", "dave"} {
		keys[n], _ = attest.GenerateKey(attest.Secp256k1, nil)
		files[n] = keyFile(t, dir, n+".key", keys[n])
	}
	ed, _ := attest.GenerateKey(attest.Ed25519, nil)
	files["ed"] = keyFile(t, dir, "ed.pem", ed)

	base := testManifest("base", provenance.PolicyRelative, nil, provenance.Contributor{ID: "0x1111111111111111111111111111111111111111", Role: "weights", Share: provenance.ShareWhole})
	baseCID, _ := base.CID()
	ft := testManifest("finetune", provenance.PolicyRelative, []provenance.Parent{{CID: baseCID, Relation: provenance.RelationFinetune, Share: 10_000_000}},
		provenance.Contributor{ID: keys["carol"].ID(), Role: "weights", Share: 60_000_000},
		provenance.Contributor{ID: ed.ID(), Role: "compute", Share: 40_000_000})
	ftCID, _ := ft.CID()
	for name, m := range map[string]*provenance.Manifest{"base": base, "finetune": ft} {
		js, err := m.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(mdir, name+".json"), js, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Registration is aiprov anchor's; here the library registers on the
	// same embedded chain directory.
	func() {
		c, err := simulated.Open(ctx, simulated.Options{Signer: keys["owner"], Dir: chainDir})
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		for i, mc := range []cid.Cid{baseCID, ftCID} { // parents first
			m := []*provenance.Manifest{base, ft}[i]
			a, err := attest.NewManifestAttestation(m, mc)
			if err != nil {
				t.Fatal(err)
			}
			sig, err := c.Sign(ctx, keys["owner"], a)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := c.Register(ctx, a, keys["owner"].Address(), sig); err != nil {
				t.Fatal(err)
			}
		}
	}()
	on := []string{"--chain-dir", chainDir}
	art := ftCID.String()

	// An unbound key fails the split's CSV, naming the key.
	code, _, errs := aiprovRun(t, "royalty", "split", "--manifests", mdir, "--artifact", art, "--amount", "1000", "--csv")
	if code != 1 || !strings.Contains(errs, ed.ID()) || !strings.Contains(errs, "no payout address bound") {
		t.Fatalf("split --csv with an unbound key: exit %d, %s", code, errs)
	}
	// ... unless its share is routed to an address the caller names.
	out := mustRun(t, "royalty", "split", "--manifests", mdir, "--artifact", art, "--amount", "1000", "--csv", "--unbound", "0x00000000000000000000000000000000000000aa")
	if !strings.Contains(out, "0x00000000000000000000000000000000000000AA,360") {
		t.Fatalf("split --unbound:\n%s", out)
	}
	mustRun(t, "royalty", "bind", "--key", files["ed"], "--address", keys["dave"].Address().Hex(), "-o", filepath.Join(mdir, "ed.payee.json"), "--store", store)
	out = mustRun(t, "royalty", "split", "--manifests", mdir, "--artifact", art, "--amount", "1000", "--csv")
	if !strings.Contains(out, keys["dave"].Address().Hex()+",360\n") {
		t.Fatalf("split --csv after binding:\n%s", out)
	}
	mustRun(t, "royalty", "merkle", "--payouts", writeTemp(t, dir, "payouts.csv", out))

	mustRun(t, append([]string{"royalty", "configure", "--artifact", art, "--manifests", mdir, "--key", files["owner"]}, on...)...)
	mustRun(t, append([]string{"royalty", "pay", art, "--amount", "1000000000000000000", "--key", files["payer"]}, on...)...)
	for _, v := range []string{"carol", "dave"} {
		out = mustRun(t, append([]string{"royalty", "approve", "--artifact", art, "--manifests", mdir, "--key", files[v], "-o", filepath.Join(dir, v+".approval.json")}, on...)...)
	}
	if !strings.Contains(out, "epoch 0 of "+art) {
		t.Fatalf("approve:\n%s", out)
	}
	// Dave's 40% alone is no majority.
	code, _, errs = aiprovRun(t, append([]string{"royalty", "publish", "--artifact", art, "--manifests", mdir, "--approval", filepath.Join(dir, "dave.approval.json"), "--key", files["relayer"]}, on...)...)
	if code != 1 || !strings.Contains(errs, "NoMajority") {
		t.Fatalf("publish with 40%%: exit %d, %s", code, errs)
	}
	out = mustRun(t, append([]string{"royalty", "publish", "--artifact", art, "--manifests", mdir, "--approval", filepath.Join(dir, "carol.approval.json"), "--approval", filepath.Join(dir, "dave.approval.json"), "--key", files["relayer"], "--json"}, on...)...)
	var pub struct {
		Epoch   uint64 `json:"epoch"`
		Total   string `json:"total"`
		GasUsed uint64 `json:"gasUsed"`
	}
	if err := json.Unmarshal([]byte(out), &pub); err != nil || pub.Total != "1000000000000000000" || pub.GasUsed == 0 {
		t.Fatalf("publish --json: %v\n%s", err, out)
	}
	for _, a := range []string{"0x1111111111111111111111111111111111111111", keys["carol"].Address().Hex(), keys["dave"].Address().Hex()} {
		out = mustRun(t, append([]string{"royalty", "claim", "--artifact", art, "--epoch", "0", "--address", a, "--manifests", mdir, "--key", files["relayer"]}, on...)...)
		if !strings.HasPrefix(out, "claimed ") {
			t.Fatalf("claim for %s:\n%s", a, out)
		}
	}
	out = mustRun(t, append([]string{"royalty", "claim", "--artifact", art, "--epoch", "0", "--address", keys["carol"].Address().Hex(), "--manifests", mdir, "--key", files["relayer"]}, on...)...)
	if !strings.Contains(out, "already claimed") {
		t.Fatalf("second claim:\n%s", out)
	}
	out = mustRun(t, append([]string{"royalty", "audit", "--artifact", art, "--epoch", "0", "--manifests", mdir}, on...)...)
	if !strings.Contains(out, "OK: the published root is exactly this split") {
		t.Fatalf("audit:\n%s", out)
	}

	// Epoch 1: the voters sign a root that moves one wei from one payee
	// to another; the audit catches it.
	mustRun(t, append([]string{"royalty", "pay", art, "--amount", "1000000000000000000", "--key", files["payer"]}, on...)...)
	func() {
		c, err := simulated.Open(ctx, simulated.Options{Dir: chainDir})
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		d, err := chain.NewDistributor(ctx, c.Client(), c.Addresses.Distributor, simulated.ChainID, chain.TxOptions{})
		if err != nil {
			t.Fatal(err)
		}
		md, err := readManifestDir(ctx, mdir)
		if err != nil {
			t.Fatal(err)
		}
		nodes, _ := royalty.ManifestNodes(md.inOrder(nil)...)
		g, _ := royalty.NewGraph(nodes, royalty.Limits{})
		plan, err := d.PlanEpoch(ctx, g, ftCID, chain.Payees{Bindings: &md.payees, Chain: c}, chain.PlanOptions{})
		if err != nil {
			t.Fatal(err)
		}
		bad := append([]royalty.Payout(nil), plan.Resolved.Payouts...)
		bad[0].Amount = new(big.Int).Add(bad[0].Amount, big.NewInt(1))
		bad[1].Amount = new(big.Int).Sub(bad[1].Amount, big.NewInt(1))
		tree, err := royalty.NewMerkleTree(bad)
		if err != nil {
			t.Fatal(err)
		}
		wrong := plan.EpochApproval
		wrong.Root = tree.Root()
		s, err := chain.SignApproval(ctx, keys["carol"], d.Domain(), wrong)
		if err != nil {
			t.Fatal(err)
		}
		data, _ := json.Marshal(s)
		writeTemp(t, dir, "wrong.approval.json", string(data))
	}()
	mustRun(t, append([]string{"royalty", "publish", "--artifact", art, "--manifests", mdir, "--approval", filepath.Join(dir, "wrong.approval.json"), "--key", files["relayer"]}, on...)...)
	code, out, _ = aiprovRun(t, append([]string{"royalty", "audit", "--artifact", art, "--epoch", "1", "--manifests", mdir}, on...)...)
	if code != 1 || !strings.Contains(out, "MISMATCH") {
		t.Fatalf("audit of a root one wei wrong: exit %d\n%s", code, out)
	}
	t.Logf("audit of the tampered epoch:\n%s", out)
}

func writeTemp(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}
