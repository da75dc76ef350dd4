package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aiprov/aiprov/internal/testtools"
	"github.com/stretchr/testify/require"
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
		require.NoError(t, json.Unmarshal(stdout.Bytes(), &sum), "stdout:\n%s", stdout.String())
	}
	return sum, code, stderr.String()
}

// TestDemoTempDirRemoved: without --dir the demo works in a temporary
// directory and leaves nothing behind.
func TestDemoTempDirRemoved(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	sum, code, stderr := runDemoJSON(t, context.Background())
	require.Equal(t, exitOK, code, stderr)
	require.False(t, sum.Kept)
	// --json names no file that is gone: no paths, only CIDs and outcomes.
	require.Empty(t, sum.WorkDir)
	require.Empty(t, sum.Manifests[0].File)
	require.Empty(t, sum.Signing.PolicyFile)
	require.Empty(t, sum.Store.CAR)
	require.NotEmpty(t, sum.Manifests[0].CID)
	left, err := os.ReadDir(tmp)
	require.NoError(t, err)
	require.Empty(t, left)

	// Every check the demo reports held.
	require.True(t, sum.Signing.Verified)
	require.True(t, sum.Signing.OneSignerRejected)
	require.True(t, sum.Signing.TamperRejected)
	require.True(t, sum.Store.ImportVerified)
	require.True(t, sum.Check.OK)
	require.Len(t, sum.Check.Changed, 1)
	require.Equal(t, "model.safetensors", sum.Check.Changed[0].Path)
	require.Len(t, sum.Royalty.Splits, 2)
	for _, s := range sum.Royalty.Splits {
		require.Equal(t, "1000000000000000000", s.Sum)
		require.True(t, s.Proof.Verified)
		require.True(t, s.Proof.WrongRejected)
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
	require.Equal(t, exitFail, code)
	require.Contains(t, stderr, context.Canceled.Error())
	left, err := os.ReadDir(tmp)
	require.NoError(t, err)
	require.Empty(t, left)

	// And the error is the context's, for callers of d.run.
	d := &demo{out: &bytes.Buffer{}, work: t.TempDir()}
	require.True(t, errors.Is(d.run(ctx), context.Canceled))
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
	require.Equal(t, exitOK, code, stderr)

	repo := filepath.Join(t.TempDir(), "repo")
	kubo := func(stdin []byte, args ...string) string {
		t.Helper()
		cmd := exec.Command(ipfs, args...)
		cmd.Env = append(os.Environ(), "IPFS_PATH="+repo)
		cmd.Stdin = bytes.NewReader(stdin)
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		require.NoError(t, cmd.Run(), "ipfs %s: %s", strings.Join(args, " "), errb.String())
		return strings.TrimSpace(out.String())
	}
	kubo(nil, "init", "--empty-repo", "--profile=unixfs-v1-2025")
	add := []string{"add", "--only-hash", "-Q", "-r", "--cid-version=1", "--raw-leaves", "--chunker=size-1048576"}

	require.Len(t, sum.Artifacts, 3)
	for _, a := range sum.Artifacts {
		require.Equal(t, kubo(nil, append(add, a.Path)...), a.CID, "artifact %s", a.Name)
		for _, f := range a.Files {
			require.Equal(t, kubo(nil, append(add, filepath.Join(a.Path, filepath.FromSlash(f.Path)))...), f.CID, "%s/%s", a.Name, f.Path)
		}
	}
	require.Len(t, sum.Manifests, 3)
	for _, m := range sum.Manifests {
		data, err := os.ReadFile(m.File)
		require.NoError(t, err)
		require.Equal(t, kubo(data, "dag", "put", "--input-codec", "dag-json", "--store-codec", "dag-cbor"), m.CID, "manifest %s", m.Name)
	}
	// The restored copy, from the CAR, is the same tree.
	require.Equal(t, kubo(nil, append(add, sum.Store.RestoredPath)...), sum.Artifacts[2].CID)
}

// TestDemoMerkleOpenZeppelin checks the demo's Merkle roots against
// @openzeppelin/merkle-tree's StandardMerkleTree over the payouts it printed,
// and the proof it verified against the library's own proof.
func TestDemoMerkleOpenZeppelin(t *testing.T) {
	testtools.NodeDir(t) // skips without the npm packages
	sum, code, stderr := runDemoJSON(t, context.Background(), "--dir", filepath.Join(t.TempDir(), "d"))
	require.Equal(t, exitOK, code, stderr)
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
		require.NoError(t, err)
		var out struct {
			Root  string   `json:"root"`
			Proof []string `json:"proof"`
		}
		require.NoError(t, json.Unmarshal(testtools.RunNode(t, script, stdin), &out))
		require.Equal(t, out.Root, s.MerkleRoot, "policy %s", s.Policy)
		require.Equal(t, out.Proof, s.Proof.Proof, "policy %s", s.Policy)
	}
}

// TestDemoSignaturesReferenceVerifiers checks the signatures the demo wrote
// with the reference verifiers of their formats: cosign v2.6.5
// verify-blob-attestation for the DSSE envelope (against each signed file),
// ethers v6 verifyTypedData for the EIP-712 signature.
func TestDemoSignaturesReferenceVerifiers(t *testing.T) {
	work := filepath.Join(t.TempDir(), "d")
	sum, code, stderr := runDemoJSON(t, context.Background(), "--dir", work)
	require.Equal(t, exitOK, code, stderr)

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
			require.NoError(t, err, "cosign on %s:\n%s", f.Path, out)
		}
		// The copy the demo edited is not a signed subject.
		out, err := verify(filepath.Join(sum.Check.EditedPath, "model.safetensors"))
		require.Error(t, err, "cosign accepted the edited file:\n%s", out)
		require.Contains(t, string(out), "no matching subject digest")
	})
	t.Run("ethers", func(t *testing.T) {
		testtools.NodeDir(t)
		data, err := os.ReadFile(sum.Signing.EIP712.File)
		require.NoError(t, err)
		const script = `
import { ethers } from "ethers";
import { readFileSync } from "node:fs";
const s = JSON.parse(readFileSync(0, "utf8"));
const { EIP712Domain, ...types } = s.typedData.types;
console.log(ethers.verifyTypedData(s.typedData.domain, types, s.typedData.message, s.signature));
`
		got := strings.TrimSpace(string(testtools.RunNode(t, script, data)))
		require.Equal(t, sum.Signing.EIP712.Signer, got)
	})
}
