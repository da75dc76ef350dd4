package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/aiprov/aiprov/internal/gethtest"
)

// TestAnchorGeth runs the anchor commands as the README shows them against
// a real geth --dev: deploy the contracts, anchor a manifest with the
// deployer's key (again: the existing record), anchor its child from a
// signature its owner made for the registry while the deployer relays it,
// show the record, verify --rpc with the owner trusted and not, and pay the
// child through the deployed distributor. Manifests and owner key are
// anchor_verify.txtar's.
func TestAnchorGeth(t *testing.T) {
	g := gethtest.Start(t)
	ar, err := txtar.ParseFile("testdata/script/anchor_verify.txtar")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := func(name string) string { return filepath.Join(dir, name) }
	for _, f := range ar.Files {
		if err := os.WriteFile(path(f.Name), f.Data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(path("dev.key"), []byte(gethtest.DevKey+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	const (
		devAddr   = "0x71562b71999873DB5b286dF957af199Ec94617F7"
		ownerAddr = "0x2c7536E3605D9C16a7a3D7b1898e529396a65c23"
		chatCID   = "bafyreifsb7br3suaymidkgn5zrih43lgazr7rms3ceengy7pijyanfh62u"
	)
	decode := func(out string, v any) {
		t.Helper()
		if err := json.Unmarshal([]byte(out), v); err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
	}

	var dep struct {
		Version               int
		Registry, Distributor string
		ChainID               uint64
		GasUsed               uint64
	}
	decode(mustRun(t, "anchor", "deploy", "--rpc", g.URL(), "--chain-id", "1337", "--key", path("dev.key"), "--json"), &dep)
	if dep.Version != 1 || dep.ChainID != gethtest.ChainID || len(dep.Registry) != 42 || len(dep.Distributor) != 42 || dep.GasUsed == 0 {
		t.Fatalf("deploy printed %+v", dep)
	}
	node := []string{"--rpc", g.URL(), "--registry", dep.Registry}

	type anchorOut struct {
		Manifest        string `json:"cid"`
		Owner, Registry string
		Parents         []string
		GasUsed         uint64
		Existing        bool
	}
	var a anchorOut
	decode(mustRun(t, append([]string{"anchor", path("base.json"), "--key", path("dev.key"), "--json"}, node...)...), &a)
	if a.Existing || a.GasUsed == 0 || a.Owner != devAddr || !strings.EqualFold(a.Registry, dep.Registry) {
		t.Fatalf("anchor base: %+v", a)
	}
	decode(mustRun(t, append([]string{"anchor", path("base.json"), "--key", path("dev.key"), "--json"}, node...)...), &a)
	if !a.Existing || a.GasUsed != 0 {
		t.Fatalf("anchor base again: %+v, want the existing record", a)
	}

	mustRun(t, "sign", path("chat.json"), "--format", "eip712", "--chain-id", "1337", "--contract", dep.Registry, "--key", path("owner.key"), "-o", path("chat.sig.json"))
	decode(mustRun(t, append([]string{"anchor", path("chat.json"), "--signature", path("chat.sig.json"), "--key", path("dev.key"), "--json"}, node...)...), &a)
	if a.Existing || a.Owner != ownerAddr || a.Manifest != chatCID {
		t.Fatalf("anchor chat from the owner's signature: %+v", a)
	}
	// On a node someone must pay: no key, no transaction.
	if code, _, errs := aiprovRun(t, append([]string{"anchor", path("chat.json"), "--signature", path("chat.sig.json")}, node...)...); code != exitUsage || !strings.Contains(errs, "--key") {
		t.Errorf("anchor --rpc without --key: exit %d, %s", code, errs)
	}

	var show struct {
		Owner    string
		TokenURI string `json:"tokenUri"`
		Parents  []string
		Children []string
	}
	decode(mustRun(t, append([]string{"anchor", "show", chatCID, "--json"}, node...)...), &show)
	if show.TokenURI != "ipfs://"+chatCID || show.Owner != ownerAddr || len(show.Parents) != 1 || len(show.Children) != 0 {
		t.Fatalf("anchor show: %+v", show)
	}
	out := mustRun(t, append([]string{"anchor", "show", path("base.json")}, node...)...)
	if !strings.Contains(out, "child     "+chatCID) {
		t.Errorf("anchor show base lacks its child:\n%s", out)
	}

	mustRun(t, "sign", path("chat.json"), "--key", path("owner.key"), "-o", path("chat.dsse.json"))
	out = mustRun(t, append([]string{"verify", path("chat.dsse.json"), "--key", ownerAddr}, node...)...)
	if !strings.Contains(out, "chain: owner "+ownerAddr+" is trusted") || !strings.Contains(out, "chain: parents match (1)") {
		t.Errorf("verify --rpc:\n%s", out)
	}
	code, out, errs := aiprovRun(t, append([]string{"verify", path("chat.dsse.json"), "--key", ownerAddr, "--policy", path("ci.json"), "--chain-id", "1337"}, node...)...)
	if code != 0 {
		t.Errorf("verify --rpc with the owner trusted by --key besides the policy: exit %d\n%s%s", code, out, errs)
	}
	code, out, errs = aiprovRun(t, "verify", path("chat.dsse.json"), "--key", ownerAddr, "--registry", devAddr, "--rpc", g.URL())
	if code != exitFail || !strings.Contains(errs, "no aiprov registry at "+devAddr) {
		t.Errorf("verify --registry of an account: exit %d\n%s%s", code, out, errs)
	}

	// The deployed distributor takes payments for the registered child.
	out = mustRun(t, append([]string{"royalty", "pay", chatCID, "--amount", "1000", "--distributor", dep.Distributor, "--key", path("dev.key")}, node...)...)
	if !strings.Contains(out, "unallocated: 1000") {
		t.Errorf("royalty pay through the deployed distributor:\n%s", out)
	}
}
