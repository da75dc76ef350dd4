package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/aiprov/aiprov/internal/testtools"
)

// runDemoJSON runs `aiprov demo --json ARGS...` in process and decodes its
// summary.
func runDemoJSON(t *testing.T, ctx context.Context, args ...string) (demoSummary, int, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(ctx, append([]string{"demo", "--json"}, args...), &cli{
		stdout: &stdout, stderr: &stderr, getenv: func(string) string { return "" },
	})
	var sum demoSummary
	if code == exitOK {
		if err := json.Unmarshal(stdout.Bytes(), &sum); err != nil {
			t.Fatalf("stdout:\n%s: %v", stdout.String(), err)
		}
	}
	return sum, code, stderr.String()
}

// TestDemoTempDirRemoved: without --dir the demo works in a temporary
// directory and leaves nothing behind.
func TestDemoTempDirRemoved(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	sum, code, stderr := runDemoJSON(t, context.Background())
	if got, want := code, exitOK; !reflect.DeepEqual(got, want) {
		t.Fatalf("%v: code = %#v, want %#v", stderr, got, want)
	}
	if sum.Kept {
		t.Fatal("sum.Kept is true")
	}
	// --json names no file that is gone: no paths, only CIDs and outcomes.
	if len(sum.WorkDir) != 0 {
		t.Fatalf("sum.WorkDir = %v, want it empty", sum.WorkDir)
	}
	if len(sum.Manifests[0].File) != 0 {
		t.Fatalf("sum.Manifests[0].File = %v, want it empty", sum.Manifests[0].File)
	}
	if len(sum.Signing.PolicyFile) != 0 {
		t.Fatalf("sum.Signing.PolicyFile = %v, want it empty", sum.Signing.PolicyFile)
	}
	if len(sum.Store.CAR) != 0 {
		t.Fatalf("sum.Store.CAR = %v, want it empty", sum.Store.CAR)
	}
	if len(sum.Manifests[0].CID) == 0 {
		t.Fatal("sum.Manifests[0].CID is empty")
	}
	left, err := os.ReadDir(tmp)
	if err != nil {
		t.Fatal(err)
	}
	if len(left) != 0 {
		t.Fatalf("left = %v, want it empty", left)
	}

	// Every check the demo reports held.
	if !(sum.Signing.Verified) {
		t.Fatal("sum.Signing.Verified is false")
	}
	if !(sum.Signing.OneSignerRejected) {
		t.Fatal("sum.Signing.OneSignerRejected is false")
	}
	if !(sum.Signing.TamperRejected) {
		t.Fatal("sum.Signing.TamperRejected is false")
	}
	if !(sum.Store.ImportVerified) {
		t.Fatal("sum.Store.ImportVerified is false")
	}
	if !(sum.Check.OK) {
		t.Fatal("sum.Check.OK is false")
	}
	if got := len(sum.Check.Changed); got != 1 {
		t.Fatalf("len(sum.Check.Changed) = %d, want %d", got, 1)
	}
	if got := sum.Check.Changed[0].Path; got != "model.safetensors" {
		t.Fatalf("sum.Check.Changed[0].Path = %#v, want %#v", got, "model.safetensors")
	}
	if got := len(sum.Royalty.Splits); got != 2 {
		t.Fatalf("len(sum.Royalty.Splits) = %d, want %d", got, 2)
	}
	for _, s := range sum.Royalty.Splits {
		if got := s.Sum; got != "1000000000000000000" {
			t.Fatalf("s.Sum = %#v, want %#v", got, "1000000000000000000")
		}
		if !(s.Proof.Verified) {
			t.Fatal("s.Proof.Verified is false")
		}
		if !(s.Proof.WrongRejected) {
			t.Fatal("s.Proof.WrongRejected is false")
		}
	}
}

// TestDemoCancelled: a cancelled context stops the demo with the context's
// error, and the temporary directory is still removed.
func TestDemoCancelled(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, code, stderr := runDemoJSON(t, ctx)
	if got, want := code, exitFail; !reflect.DeepEqual(got, want) {
		t.Fatalf("code = %#v, want %#v", got, want)
	}
	if !strings.Contains(stderr, context.Canceled.Error()) {
		t.Fatalf("%s does not contain %q", stderr, context.Canceled.Error())
	}
	left, err := os.ReadDir(tmp)
	if err != nil {
		t.Fatal(err)
	}
	if len(left) != 0 {
		t.Fatalf("left = %v, want it empty", left)
	}

	// And the error is the context's, for callers of d.run.
	d := &demo{out: &bytes.Buffer{}, work: t.TempDir()}
	if !(errors.Is(d.run(ctx), context.Canceled)) {
		t.Fatal("errors.Is(d.run(ctx), context.Canceled) is false")
	}
}

// TestDemoKubo checks the demo's CIDs against Kubo v0.43.1 on the files it
// wrote: each artifact's root CID against `ipfs add --only-hash` in a
// repository initialised with the unixfs-v1-2025 profile (the flags spell
// the profile out as well), each file's CID against the same for the file,
// and each manifest's CID against `ipfs dag put` of its DAG-JSON file.
func TestDemoKubo(t *testing.T) {
	ipfs := testtools.KuboTool.Require(t)
	work := filepath.Join(t.TempDir(), "d")
	sum, code, stderr := runDemoJSON(t, context.Background(), "--dir", work)
	if got, want := code, exitOK; !reflect.DeepEqual(got, want) {
		t.Fatalf("%v: code = %#v, want %#v", stderr, got, want)
	}

	repo := filepath.Join(t.TempDir(), "repo")
	kubo := func(stdin []byte, args ...string) string {
		t.Helper()
		cmd := exec.Command(ipfs, args...)
		cmd.Env = append(os.Environ(), "IPFS_PATH="+repo)
		cmd.Stdin = bytes.NewReader(stdin)
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		if err := cmd.Run(); err != nil {
			t.Fatalf("ipfs %s: %s: %v", strings.Join(args, " "), errb.String(), err)
		}
		return strings.TrimSpace(out.String())
	}
	kubo(nil, "init", "--empty-repo", "--profile=unixfs-v1-2025")
	add := []string{"add", "--only-hash", "-Q", "-r", "--cid-version=1", "--raw-leaves", "--chunker=size-1048576"}

	if got := len(sum.Artifacts); got != 3 {
		t.Fatalf("len(sum.Artifacts) = %d, want %d", got, 3)
	}
	for _, a := range sum.Artifacts {
		if got, want := a.CID, kubo(nil, append(add, a.Path)...); !reflect.DeepEqual(got, want) {
			t.Fatalf("artifact %s: a.CID = %#v, want %#v", a.Name, got, want)
		}
		for _, f := range a.Files {
			if got, want := f.CID, kubo(nil, append(add, filepath.Join(a.Path, filepath.FromSlash(f.Path)))...); !reflect.DeepEqual(got, want) {
				t.Fatalf("%s/%s: f.CID = %#v, want %#v", a.Name, f.Path, got, want)
			}
		}
	}
	if got := len(sum.Manifests); got != 3 {
		t.Fatalf("len(sum.Manifests) = %d, want %d", got, 3)
	}
	for _, m := range sum.Manifests {
		data, err := os.ReadFile(m.File)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := m.CID, kubo(data, "dag", "put", "--input-codec", "dag-json", "--store-codec", "dag-cbor"); !reflect.DeepEqual(got, want) {
			t.Fatalf("manifest %s: m.CID = %#v, want %#v", m.Name, got, want)
		}
	}
	// The restored copy, from the CAR, is the same tree.
	if got, want := sum.Artifacts[2].CID, kubo(nil, append(add, sum.Store.RestoredPath)...); !reflect.DeepEqual(got, want) {
		t.Fatalf("sum.Artifacts[2].CID = %#v, want %#v", got, want)
	}
}

// TestDemoMerkleOpenZeppelin checks the demo's Merkle roots against
// @openzeppelin/merkle-tree's StandardMerkleTree over the payouts it printed,
// and the proof it verified against the library's own proof.
func TestDemoMerkleOpenZeppelin(t *testing.T) {
	testtools.NodeDir(t) // skips without the npm packages
	sum, code, stderr := runDemoJSON(t, context.Background(), "--dir", filepath.Join(t.TempDir(), "d"))
	if got, want := code, exitOK; !reflect.DeepEqual(got, want) {
		t.Fatalf("%v: code = %#v, want %#v", stderr, got, want)
	}
	const script = `
import { StandardMerkleTree } from "@openzeppelin/merkle-tree";
import { readFileSync } from "node:fs";
const {values, recipient} = JSON.parse(readFileSync(0, "utf8"));
const tree = StandardMerkleTree.of(values, ["address", "uint256"]);
let proof = [];
for (const [i, v] of tree.entries()) if (v[0] === recipient) proof = tree.getProof(i);
console.log(JSON.stringify({root: tree.root, proof}));
`
	for _, s := range sum.Royalty.Splits {
		var in struct {
			Values    [][2]string `json:"values"`
			Recipient string      `json:"recipient"`
		}
		for _, p := range s.Payouts {
			in.Values = append(in.Values, [2]string{p.Recipient, p.Amount})
		}
		in.Recipient = s.Proof.Recipient
		stdin, err := json.Marshal(in)
		if err != nil {
			t.Fatal(err)
		}
		var out struct {
			Root  string   `json:"root"`
			Proof []string `json:"proof"`
		}
		if err := json.Unmarshal(testtools.RunNode(t, script, stdin), &out); err != nil {
			t.Fatal(err)
		}
		if got, want := s.MerkleRoot, out.Root; !reflect.DeepEqual(got, want) {
			t.Fatalf("policy %s: s.MerkleRoot = %#v, want %#v", s.Policy, got, want)
		}
		if got, want := s.Proof.Proof, out.Proof; !reflect.DeepEqual(got, want) {
			t.Fatalf("policy %s: s.Proof.Proof = %#v, want %#v", s.Policy, got, want)
		}
	}
}

// TestDemoSignaturesReferenceVerifiers checks the signatures the demo wrote
// with the reference verifiers of their formats: cosign v2.6.5
// verify-blob-attestation for the DSSE envelope (against each signed file),
// ethers v6 verifyTypedData for the EIP-712 signature.
func TestDemoSignaturesReferenceVerifiers(t *testing.T) {
	work := filepath.Join(t.TempDir(), "d")
	sum, code, stderr := runDemoJSON(t, context.Background(), "--dir", work)
	if got, want := code, exitOK; !reflect.DeepEqual(got, want) {
		t.Fatalf("%v: code = %#v, want %#v", stderr, got, want)
	}

	t.Run("cosign", func(t *testing.T) {
		cosign := testtools.CosignTool.Require(t)
		verify := func(file string) ([]byte, error) {
			cmd := exec.Command(cosign, "verify-blob-attestation",
				"--key", sum.Signing.DSSE.PublicKeyFile,
				"--signature", sum.Signing.DSSE.File,
				"--type", "https://aiprov.dev/lineage/v1",
				"--insecure-ignore-tlog=true", file)
			cmd.Env = append(os.Environ(), "HOME="+t.TempDir())
			return cmd.CombinedOutput()
		}
		for _, f := range sum.Artifacts[2].Files {
			out, err := verify(filepath.Join(sum.Artifacts[2].Path, filepath.FromSlash(f.Path)))
			if err != nil {
				t.Fatalf("cosign on %s:\n%s: %v", f.Path, out, err)
			}
		}
		// The copy the demo edited is not a signed subject.
		out, err := verify(filepath.Join(sum.Check.EditedPath, "model.safetensors"))
		if err == nil {
			t.Fatalf("cosign accepted the edited file:\n%s: err: no error, want one", out)
		}
		if !strings.Contains(string(out), "no matching subject digest") {
			t.Fatalf("%s does not contain %q", string(out), "no matching subject digest")
		}
	})
	t.Run("ethers", func(t *testing.T) {
		testtools.NodeDir(t)
		data, err := os.ReadFile(sum.Signing.EIP712.File)
		if err != nil {
			t.Fatal(err)
		}
		const script = `
import { ethers } from "ethers";
import { readFileSync } from "node:fs";
const s = JSON.parse(readFileSync(0, "utf8"));
const { EIP712Domain, ...types } = s.typedData.types;
console.log(ethers.verifyTypedData(s.typedData.domain, types, s.typedData.message, s.signature));
`
		got := strings.TrimSpace(string(testtools.RunNode(t, script, data)))
		if got, want := got, sum.Signing.EIP712.Signer; !reflect.DeepEqual(got, want) {
			t.Fatalf("got = %#v, want %#v", got, want)
		}
	})
}
