package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/aiprov/aiprov/attest"
	"github.com/aiprov/aiprov/internal/lineagehtml"
	"github.com/aiprov/aiprov/provenance"
	"github.com/aiprov/aiprov/royalty"
	"github.com/aiprov/aiprov/storage"
	"github.com/ipfs/go-cid"
	"github.com/spf13/cobra"
)

// The demo's fixed inputs. Contributors are well-known placeholder
// addresses and the creation time is fixed, so that every CID, the payouts
// and the Merkle root are the same on every run; only the signing keys are
// fresh (and so the signatures differ from run to run).
var demoCreated = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

const (
	demoAlice = "0x1111111111111111111111111111111111111111" // A: trained the base model
	demoBob   = "0x2222222222222222222222222222222222222222" // B: curated the dataset
	demoCarol = "0x3333333333333333333333333333333333333333" // C: fine-tuned the weights
	demoDave  = "0x4444444444444444444444444444444444444444" // D: provided the compute
)

// demoPeople names the demo's contributors in the payout table.
var demoPeople = map[string]string{
	demoAlice: "A (base model)",
	demoBob:   "B (dataset)",
	demoCarol: "C (finetune weights)",
	demoDave:  "D (finetune compute)",
}

// demoPayment is 1 ETH in wei.
var demoPayment = new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil)

func newDemoCmd(c *cli) *cobra.Command {
	var dir string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "demo [--dir DIR]",
		Short: "Run the whole pipeline on generated artifacts",
		Long: `Runs the whole pipeline on small generated artifacts (a base model, a
dataset and a finetune): hashes them, writes and signs their manifests,
verifies the signatures against a two-signer policy (and shows a tampered
file being caught), stores and bundles everything, and splits a 1 ETH
payment with its Merkle root. Everything but the signatures is the same on
every run.`,
		Example: `  aiprov demo
  aiprov demo --dir demo/     # keep the files to try the other commands on
  aiprov demo --json          # one summary object`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 0 {
				return usagef("demo takes no arguments (did you mean --dir %s?)", args[0])
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runDemo(cmd.Context(), c, dir, asJSON)
		},
	}
	cmd.Flags().StringVar(&dir, "dir", "", "work in `DIR` (new or empty) and keep everything there; default: a temporary directory, removed at the end")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print one machine-readable summary object instead of the step-by-step report")
	return cmd
}

func runDemo(ctx context.Context, c *cli, dirFlag string, jsonFlag bool) error {
	var err error
	work, kept := dirFlag, true
	if work == "" {
		kept = false
		if work, err = os.MkdirTemp("", "aiprov-demo-"); err != nil {
			return err
		}
		defer os.RemoveAll(work)
	} else {
		if err := demoPrepareDir(work); err != nil {
			return err
		}
	}
	if work, err = filepath.Abs(work); err != nil {
		return err
	}

	d := &demo{out: c.stdout, work: work}
	if jsonFlag {
		d.out = io.Discard
	}
	d.sum.WorkDir, d.sum.Kept = work, kept
	start := time.Now()
	if err := d.run(ctx); err != nil {
		return err
	}
	if jsonFlag {
		if !kept {
			d.sum.dropPaths()
		}
		return writeJSON(c.stdout, "demo", d.sum)
	}
	d.printf("\nDone in %s.", time.Since(start).Round(time.Millisecond))
	if kept {
		d.printf(" Everything is in %s; for instance:\n", work)
		d.printf("  aiprov verify %s %s --policy %s --dir %s\n",
			d.rel(d.sum.Signing.DSSE.File), d.rel(d.sum.Signing.EIP712.File), d.rel(d.sum.Signing.PolicyFile), d.rel(d.sum.Artifacts[2].Path))
		d.printf("  aiprov royalty split --manifests %s --artifact %s --amount %s\n",
			d.rel(filepath.Join(work, "manifests")), d.sum.Manifests[2].CID, demoPayment)
	} else {
		d.printf(" The temporary directory is removed on exit; run with --dir DIR to keep everything.\n")
	}
	return nil
}

// dropPaths clears every path in the summary, for a run whose temporary
// directory is removed: --json must not point at files that no longer
// exist. CIDs, sizes and outcomes stay.
func (s *demoSummary) dropPaths() {
	s.WorkDir = ""
	for i := range s.Artifacts {
		s.Artifacts[i].Path = ""
	}
	for i := range s.Manifests {
		s.Manifests[i].File = ""
	}
	for _, sig := range []*demoSignature{&s.Signing.DSSE, &s.Signing.EIP712} {
		sig.File, sig.PublicKeyFile = "", ""
	}
	s.Signing.PolicyFile = ""
	s.Store.Dir, s.Store.CAR, s.Store.RestoredPath = "", "", ""
	s.Check.EditedPath = ""
	s.Royalty.Page = ""
}

// demoPrepareDir creates dir or checks that it is empty, so that the demo
// never mixes its files with someone else's.
func demoPrepareDir(dir string) error {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return os.MkdirAll(dir, 0o755)
	case err != nil:
		return err
	case len(entries) > 0:
		return fmt.Errorf("--dir %s is not empty; give a new or empty directory", dir)
	}
	return nil
}

// demoSummary is what --json prints: every CID, file and outcome of a run.
type demoSummary struct {
	WorkDir   string         `json:"workDir,omitempty"`
	Kept      bool           `json:"kept"`
	Profile   string         `json:"profile"`
	Artifacts []demoArtifact `json:"artifacts"`
	Manifests []demoManifest `json:"manifests"`
	Signing   demoSigning    `json:"signing"`
	Store     demoStore      `json:"store"`
	Check     demoCheck      `json:"check"`
	Royalty   demoRoyalty    `json:"royalty"`
	Chain     demoChain      `json:"chain"`
}

type demoArtifact struct {
	Name  string          `json:"name"`
	Kind  provenance.Kind `json:"kind"`
	Path  string          `json:"path,omitempty"`
	CID   string          `json:"cid"`
	Size  int64           `json:"size"`
	Files []demoFile      `json:"files"`
}

// demoFile is provenance.FileResult with the CID as a plain string (a
// cid.Cid marshals as a DAG-JSON link object, {"/": "…"}).
type demoFile struct {
	Path   string `json:"path"`
	CID    string `json:"cid"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
}

type demoManifest struct {
	Name string `json:"name"`
	CID  string `json:"cid"`
	File string `json:"file,omitempty"`
}

type demoSigning struct {
	DSSE       demoSignature `json:"dsse"`
	EIP712     demoSignature `json:"eip712"`
	PolicyFile string        `json:"policyFile,omitempty"`
	Verified   bool          `json:"verified"`
	// OneSignerRejected: the envelope alone does not meet the policy.
	OneSignerRejected bool     `json:"oneSignerRejected"`
	Tamper            string   `json:"tamper"`
	TamperRejected    bool     `json:"tamperRejected"`
	TamperProblems    []string `json:"tamperProblems"`
}

type demoSignature struct {
	Signer        string `json:"signer"`
	Algorithm     string `json:"algorithm"`
	File          string `json:"file,omitempty"`
	PublicKeyFile string `json:"publicKeyFile,omitempty"`
}

type demoStore struct {
	Dir            string   `json:"dir,omitempty"`
	Blocks         int      `json:"blocks"`
	Bytes          int64    `json:"bytes"`
	ArtifactBytes  int64    `json:"artifactBytes"`
	Envelopes      []string `json:"envelopes"` // CIDs of the stored DSSE envelope and EIP-712 signature
	CAR            string   `json:"car,omitempty"`
	CARBytes       int64    `json:"carBytes"`
	CARRoots       []string `json:"carRoots"`
	Imported       int      `json:"importedBlocks"`
	ImportedGraph  int      `json:"importedGraphNodes"`
	RestoredCID    string   `json:"restoredCid"`
	RestoredPath   string   `json:"restoredPath,omitempty"`
	ImportVerified bool     `json:"importVerified"`
}

type demoCheck struct {
	OK         bool             `json:"ok"`
	Checked    int              `json:"checked"`
	EditedPath string           `json:"editedPath,omitempty"`
	Edit       string           `json:"edit"`
	Changed    []demoFileChange `json:"changed"`
	Missing    []string         `json:"missing"`
	Extra      []string         `json:"extra"`
	RootCID    string           `json:"rootCid"`
}

type demoFileChange struct {
	Path   string `json:"path"`
	Reason string `json:"reason"`
}

type demoRoyalty struct {
	Artifact string      `json:"artifact"`
	Amount   string      `json:"amount"`
	Splits   []demoSplit `json:"splits"`
	// Page is the HTML page drawing the lineage and the relative split.
	Page string `json:"page,omitempty"`
}

type demoSplit struct {
	Policy      royalty.Policy `json:"policy"`
	Payouts     []demoPayout   `json:"payouts"`
	Sum         string         `json:"sum"`
	PayoutsFile string         `json:"payoutsFile"`
	MerkleRoot  string         `json:"merkleRoot"`
	MerkleDump  string         `json:"merkleDump"`
	Proof       demoProof      `json:"proof"`
}

type demoPayout struct {
	Recipient string `json:"recipient"`
	Name      string `json:"name"`
	Amount    string `json:"amount"`
	Percent   string `json:"percent"`
}

type demoProof struct {
	Recipient     string   `json:"recipient"`
	Amount        string   `json:"amount"`
	Proof         []string `json:"proof"`
	Verified      bool     `json:"verified"`
	WrongRejected bool     `json:"wrongAmountRejected"`
}

// demo runs the pipeline, printing each step to out as it happens.
type demo struct {
	out  io.Writer
	work string
	sum  demoSummary

	dirs      [3]string // base-model, dataset, finetune
	hashed    [3]*provenance.Result
	manifests [3]*provenance.Manifest
	mcids     [3]cid.Cid
	envJSON   []byte
	ethJSON   []byte
	policy    *attest.Policy
}

func (d *demo) printf(format string, args ...any) { fmt.Fprintf(d.out, format, args...) }

// rel returns path relative to the directory the user runs from when that
// is shorter, for commands they can paste.
func (d *demo) rel(path string) string {
	if wd, err := os.Getwd(); err == nil {
		if r, err := filepath.Rel(wd, path); err == nil && !strings.HasPrefix(r, "..") {
			return r
		}
	}
	return path
}

// short returns path relative to the work directory, for the report.
func (d *demo) short(path string) string {
	if r, err := filepath.Rel(d.work, path); err == nil {
		return r
	}
	return path
}

func (d *demo) run(ctx context.Context) error {
	where := "in " + d.work + " (kept)"
	if !d.sum.Kept {
		where = "in a temporary directory, removed at the end"
	}
	d.printf("aiprov demo: the whole pipeline on generated artifacts, %s.\n", where)
	steps := []struct {
		title string
		run   func(context.Context) error
	}{
		{"Generate artifacts", d.generate},
		{"Content IDs", d.hash},
		{"Lineage manifests", d.buildManifests},
		{"Sign and verify", d.sign},
		{"Store, export a CAR, re-import", d.store},
		{"Check files against the manifest", d.check},
		{"Royalty split of 1 ETH paid to the finetune", d.split},
		{"Royalties paid on the embedded chain", d.onChain},
	}
	for i, s := range steps {
		if err := ctx.Err(); err != nil {
			return err
		}
		d.printf("\n%d. %s\n", i+1, s.title)
		if err := s.run(ctx); err != nil {
			return fmt.Errorf("step %d (%s): %w", i+1, strings.ToLower(s.title), err)
		}
	}
	return nil
}

// ---- 1. artifacts

// demoTensor is one tensor of the generated safetensors-like files.
type demoTensor struct {
	name  string
	shape [2]int
}

// demoTensors: 3 MiB of float16 weights, so that the weights file spans
// several 1 MiB chunks and its CID is a DAG, not a single block.
var demoTensors = []demoTensor{
	{"model.embed_tokens.weight", [2]int{2048, 256}},
	{"model.layers.0.mlp.weight", [2]int{256, 1024}},
	{"model.layers.1.mlp.weight", [2]int{256, 1024}},
	{"lm_head.weight", [2]int{2048, 256}},
}

// demoRandom returns n bytes from a ChaCha8 stream seeded by label: the same
// bytes on every run and platform (math/rand/v2 keeps ChaCha8 stable).
func demoRandom(label string, n int) []byte {
	b := make([]byte, n)
	rand.NewChaCha8(sha256.Sum256([]byte("aiprov demo/" + label))).Read(b)
	return b
}

// demoSafetensors builds a file in the safetensors layout (little-endian
// header length, JSON header, raw tensor data). Tensors listed in retrained
// get data from seedPrefix; the others from the base model's seed, so a
// head-only finetune shares its leading chunks with its base.
func demoSafetensors(seedPrefix string, retrained map[string]bool) []byte {
	type entry struct {
		DType   string `json:"dtype"`
		Shape   [2]int `json:"shape"`
		Offsets [2]int `json:"data_offsets"`
	}
	// A slice of key/value pairs keeps the header order stable (safetensors
	// headers are JSON objects; encoding/json would sort a map anyway).
	var hdr bytes.Buffer
	hdr.WriteString(`{"__metadata__":{"format":"pt"}`)
	var data []byte
	for _, t := range demoTensors {
		n := t.shape[0] * t.shape[1] * 2 // float16
		e, _ := json.Marshal(entry{"F16", t.shape, [2]int{len(data), len(data) + n}})
		fmt.Fprintf(&hdr, ",%q:%s", t.name, e)
		seed := "base-model/" + t.name
		if retrained[t.name] {
			seed = seedPrefix + "/" + t.name
		}
		data = append(data, demoRandom(seed, n)...)
	}
	hdr.WriteString("}")
	for hdr.Len()%8 != 0 { // the format pads the header with spaces to 8 bytes
		hdr.WriteByte(' ')
	}
	out := binary.LittleEndian.AppendUint64(nil, uint64(hdr.Len()))
	out = append(out, hdr.Bytes()...)
	return append(out, data...)
}

// demoParquet builds a file shaped like a Parquet shard: "PAR1", column data,
// a footer length and "PAR1" again. Its content is random bytes.
func demoParquet(label string, n int) []byte {
	b := []byte("PAR1")
	b = append(b, demoRandom(label, n)...)
	b = binary.LittleEndian.AppendUint32(b, 0)
	return append(b, "PAR1"...)
}

func (d *demo) generate(ctx context.Context) error {
	artifacts := []struct {
		name  string
		kind  provenance.Kind
		files map[string][]byte
	}{
		{"base-model", provenance.KindModel, map[string][]byte{
			"config.json":       []byte(`{"architectures":["DemoForCausalLM"],"hidden_size":256,"intermediate_size":1024,"num_hidden_layers":2,"vocab_size":2048,"torch_dtype":"float16"}` + "\n"),
			"model.safetensors": demoSafetensors("base-model", nil),
		}},
		{"dataset", provenance.KindDataset, map[string][]byte{
			"README.md":                         []byte("---\nlicense: cc-by-4.0\ntask_categories: [text-generation]\n---\n# demo-instructions\n\nGenerated by `aiprov demo`: random bytes shaped like Parquet shards.\n"),
			"data/train-00000-of-00003.parquet": demoParquet("dataset/0", 300<<10),
			"data/train-00001-of-00003.parquet": demoParquet("dataset/1", 300<<10),
			"data/train-00002-of-00003.parquet": demoParquet("dataset/2", 300<<10),
		}},
		{"finetune", provenance.KindModel, map[string][]byte{
			"config.json": []byte(`{"architectures":["DemoForCausalLM"],"hidden_size":256,"intermediate_size":1024,"num_hidden_layers":2,"vocab_size":2048,"torch_dtype":"float16","finetuned_from":"demo/base-model"}` + "\n"),
			// A head-only finetune: the embeddings and layers are the base's.
			"model.safetensors": demoSafetensors("finetune", map[string]bool{"lm_head.weight": true}),
		}},
	}
	for i, a := range artifacts {
		if err := ctx.Err(); err != nil {
			return err
		}
		root := filepath.Join(d.work, "artifacts", a.name)
		var size int64
		for name, data := range a.files {
			p := filepath.Join(root, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				return err
			}
			if err := os.WriteFile(p, data, 0o644); err != nil {
				return err
			}
			size += int64(len(data))
		}
		d.dirs[i] = root
		d.sum.Artifacts = append(d.sum.Artifacts, demoArtifact{Name: a.name, Kind: a.kind, Path: root, Size: size})
		d.printf("   %-11s %d files, %9s  %s\n", a.name, len(a.files), demoBytes(size), d.short(root))
	}
	d.printf("   (bytes from a ChaCha8 stream with fixed seeds: the same files, hence the same CIDs, every run;\n")
	d.printf("    the finetune retrains lm_head only, so its first 2 MiB equal its base's)\n")
	return nil
}

// ---- 2. hash

func (d *demo) hash(ctx context.Context) error {
	d.sum.Profile = provenance.ProfileUnixFSv1_2025
	d.printf("   provenance.Hash, profile unixfs-v1-2025 (CIDv1, raw leaves, 1 MiB chunks); each root CID is what\n")
	d.printf("   `ipfs add -r --only-hash --cid-version=1 --raw-leaves --chunker=size-1048576` prints for the directory\n")
	for i := range d.dirs {
		res, err := provenance.Hash(ctx, d.dirs[i], &provenance.Options{SHA256: true})
		if err != nil {
			return err
		}
		d.hashed[i] = res
		a := &d.sum.Artifacts[i]
		a.CID = res.CID.String()
		for _, f := range res.Files {
			a.Files = append(a.Files, demoFile{Path: f.Path, CID: f.CID.String(), Size: f.Size, SHA256: f.SHA256})
		}
		if res.Size != a.Size {
			return fmt.Errorf("%s: hashed %d bytes, wrote %d", a.Name, res.Size, a.Size)
		}
		d.printf("   %-11s %s\n", a.Name, res.CID)
		for _, f := range res.Files {
			d.printf("     %-34s %s  sha256 %s…\n", f.Path, f.CID, f.SHA256[:16])
		}
	}
	return nil
}

// ---- 3. manifests

func (d *demo) buildManifests(ctx context.Context) error {
	mdir := filepath.Join(d.work, "manifests")
	if err := os.MkdirAll(mdir, 0o755); err != nil {
		return err
	}
	for i := range d.dirs {
		a := d.sum.Artifacts[i]
		// The draft comes from step 2's Result, so the files are not read again.
		m, err := provenance.NewManifest(d.hashed[i], &provenance.BuildOptions{Name: "demo/" + a.Name, Kind: a.Kind, Created: demoCreated})
		if err != nil {
			return err
		}
		m.Builder = &provenance.Builder{Pipeline: "aiprov demo"}
		switch a.Name {
		case "base-model":
			m.Subject.Formats = []string{"safetensors"}
			m.License = "Apache-2.0"
			m.Contributors = []provenance.Contributor{{ID: demoAlice, Role: "weights", Share: provenance.ShareWhole, Name: "A"}}
		case "dataset":
			m.Subject.Formats = []string{"parquet"}
			m.License = "CC-BY-4.0"
			m.Contributors = []provenance.Contributor{{ID: demoBob, Role: "curation", Share: provenance.ShareWhole, Name: "B"}}
		case "finetune":
			m.Subject.Formats = []string{"safetensors"}
			m.License = "Apache-2.0"
			m.Parents = []provenance.Parent{
				{CID: d.mcids[0], Relation: provenance.RelationFinetune, Share: 10 * provenance.ShareWhole / 100, Name: "demo/base-model"},
				{CID: d.mcids[1], Relation: provenance.RelationTrainedOn, Share: 5 * provenance.ShareWhole / 100, Name: "demo/dataset"},
			}
			m.Contributors = []provenance.Contributor{
				{ID: demoCarol, Role: "weights", Share: 70 * provenance.ShareWhole / 100, Name: "C"},
				{ID: demoDave, Role: "compute", Share: 30 * provenance.ShareWhole / 100, Name: "D"},
			}
			m.Royalty.Policy = provenance.PolicyRelative
		}
		if err := m.Validate(); err != nil {
			return fmt.Errorf("%s manifest: %w", a.Name, err)
		}
		id, err := m.CID()
		if err != nil {
			return err
		}
		js, err := m.MarshalJSON()
		if err != nil {
			return err
		}
		file := filepath.Join(mdir, a.Name+".json")
		if err := writeBytesAtomic(file, 0o644, append(js, '\n')); err != nil {
			return err
		}
		d.manifests[i], d.mcids[i] = m, id
		d.sum.Manifests = append(d.sum.Manifests, demoManifest{Name: a.Name, CID: id.String(), File: file})
		d.printf("   %-11s %s  valid, %s\n", a.Name, id, d.short(file))
		for _, p := range m.Parents {
			d.printf("     parent  %-16s %-10s %5s  %s\n", p.Name, p.Relation, provenance.FormatShare(p.Share), p.CID)
		}
		for _, c := range m.Contributors {
			d.printf("     contributor %s %-8s %4s  %s\n", c.Name, c.Role, provenance.FormatShare(c.Share), c.ID)
		}
	}
	d.printf("   (a manifest's CID is the dag-cbor CID `ipfs dag put` gives; the finetune links its parents by theirs)\n")
	return nil
}

// ---- 4. sign and verify

func (d *demo) sign(ctx context.Context) error {
	m, dir := d.manifests[2], d.dirs[2]
	publisher, err := attest.GenerateKey(attest.Ed25519, nil)
	if err != nil {
		return err
	}
	wallet, err := attest.GenerateKey(attest.Secp256k1, nil)
	if err != nil {
		return err
	}
	d.printf("   fresh keys for this run, in memory only (private keys are neither printed nor written):\n")
	d.printf("     publisher  ed25519    %s\n", publisher.ID())
	d.printf("     maintainer secp256k1  %s\n", wallet.Address())

	env, err := attest.Sign(ctx, m, publisher)
	if err != nil {
		return err
	}
	eth, err := attest.SignEIP712(ctx, m, wallet, attest.DefaultDomain())
	if err != nil {
		return err
	}
	sdir := filepath.Join(d.work, "signatures")
	kdir := filepath.Join(d.work, "keys")
	for _, p := range []string{sdir, kdir} {
		if err := os.MkdirAll(p, 0o755); err != nil {
			return err
		}
	}
	if d.envJSON, err = demoJSONFile(filepath.Join(sdir, "finetune.dsse.json"), env); err != nil {
		return err
	}
	if d.ethJSON, err = demoJSONFile(filepath.Join(sdir, "finetune.eip712.json"), eth); err != nil {
		return err
	}
	pubPEM, err := publisher.Public().MarshalText()
	if err != nil {
		return err
	}
	walletText, err := wallet.Public().MarshalText()
	if err != nil {
		return err
	}
	pubFile, walletFile := filepath.Join(kdir, "publisher.pub"), filepath.Join(kdir, "maintainer.address")
	if err := writeBytesAtomic(pubFile, 0o644, pubPEM); err != nil {
		return err
	}
	if err := writeBytesAtomic(walletFile, 0o644, walletText); err != nil {
		return err
	}
	d.sum.Signing.DSSE = demoSignature{Signer: publisher.ID(), Algorithm: string(attest.Ed25519), File: filepath.Join(sdir, "finetune.dsse.json"), PublicKeyFile: pubFile}
	d.sum.Signing.EIP712 = demoSignature{Signer: wallet.Address().Hex(), Algorithm: string(attest.Secp256k1), File: filepath.Join(sdir, "finetune.eip712.json"), PublicKeyFile: walletFile}
	d.printf("   signed the finetune manifest %s\n", d.mcids[2])
	d.printf("     DSSE envelope, in-toto statement (cosign verify-blob-attestation checks it)  %s\n", d.short(d.sum.Signing.DSSE.File))
	d.printf("     EIP-712 typed data (ethers/viem, ecrecover on chain)                         %s\n", d.short(d.sum.Signing.EIP712.File))

	// The trust policy: one signature from each role, so both are needed.
	d.policy = &attest.Policy{
		Keys: []attest.TrustedKey{
			{ID: publisher.ID(), Name: "publisher", Roles: []string{"publisher"}},
			{ID: wallet.Address().Hex(), Name: "maintainer", Roles: []string{"maintainer"}},
		},
		Rules: []attest.Rule{{Role: "publisher", Threshold: 1}, {Role: "maintainer", Threshold: 1}},
	}
	d.sum.Signing.PolicyFile = filepath.Join(d.work, "policy.json")
	if _, err := demoJSONFile(d.sum.Signing.PolicyFile, d.policy); err != nil {
		return err
	}

	report, err := attest.Verify(ctx, attest.Bundle{Envelope: env, EthSignatures: []*attest.EthSignature{eth}},
		attest.VerifyOptions{Policy: d.policy, Dir: dir})
	if err != nil {
		return fmt.Errorf("verifying the signatures just made: %w", err)
	}
	d.sum.Signing.Verified = true
	d.printf("   verify with %s (rules: publisher ≥1 and maintainer ≥1):\n", d.short(d.sum.Signing.PolicyFile))
	for _, s := range report.Signatures {
		d.printf("     signature %d by %-10s verified\n", s.Index, s.Name)
	}
	for _, r := range report.Rules {
		d.printf("     rule %-32s met by %s\n", r.Rule, strings.Join(r.Signers, ", "))
	}
	d.printf("     %d files on disk match their signed sha256: OK\n", len(report.Files))

	// The envelope alone: the maintainer rule is not met.
	alone, _ := attest.Verify(ctx, attest.Bundle{Envelope: env}, attest.VerifyOptions{Policy: d.policy})
	if alone.OK() {
		return errors.New("the policy accepted the envelope without the maintainer's signature")
	}
	d.sum.Signing.OneSignerRejected = true
	d.printf("   the DSSE envelope alone: REJECTED (%s)\n", demoFirstLine(alone.Err()))

	// Tamper: cut the base model's royalty from 10% to 1% inside the signed
	// payload, as someone downstream might like to.
	const from, to = `"share":10000000}`, `"share":1000000}`
	if n := bytes.Count(env.Payload, []byte(from)); n != 1 {
		return fmt.Errorf("tamper check: %q occurs %d times in the payload, want once", from, n)
	}
	forged := &attest.Envelope{PayloadType: env.PayloadType, Payload: bytes.Replace(env.Payload, []byte(from), []byte(to), 1), Signatures: env.Signatures}
	tampered, _ := attest.Verify(ctx, attest.Bundle{Envelope: forged}, attest.VerifyOptions{Keys: []attest.Verifier{publisher.Public()}})
	if tampered.OK() {
		return errors.New("a tampered envelope verified")
	}
	d.sum.Signing.Tamper = "base-model royalty share changed from 10% to 1% in the signed payload"
	d.sum.Signing.TamperRejected = true
	d.printf("   tampered envelope (base model's share 10%% → 1%% in the payload), checked with the publisher's key:\n")
	d.printf("     REJECTED, %d problems:\n", len(tampered.Problems))
	for _, p := range tampered.Problems {
		d.sum.Signing.TamperProblems = append(d.sum.Signing.TamperProblems, p.Error())
		d.printf("     - %s\n", demoFirstLine(p))
	}
	return nil
}

// demoJSONFile writes v as indented JSON (as `aiprov sign` does) and returns
// the bytes.
func demoJSONFile(path string, v any) ([]byte, error) {
	js, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return nil, err
	}
	js = append(js, '\n')
	return js, writeBytesAtomic(path, 0o644, js)
}

func demoFirstLine(err error) string {
	s := err.Error()
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i] + " …"
	}
	return s
}

// ---- 5. store, CAR

func (d *demo) store(ctx context.Context) error {
	sdir := filepath.Join(d.work, "store")
	s, err := storage.OpenDir(sdir)
	if err != nil {
		return err
	}
	d.sum.Store.Dir = sdir
	for i := range d.dirs {
		res, err := storage.PutPath(ctx, s, d.dirs[i], nil)
		if err != nil {
			return err
		}
		if res.CID.String() != d.sum.Artifacts[i].CID {
			return fmt.Errorf("%s: stored as %s, hashed as %s", d.sum.Artifacts[i].Name, res.CID, d.sum.Artifacts[i].CID)
		}
		d.sum.Store.ArtifactBytes += res.Size
	}
	for i, m := range d.manifests {
		id, err := storage.PutManifest(ctx, s, m)
		if err != nil {
			return err
		}
		if id != d.mcids[i] {
			return fmt.Errorf("manifest stored as %s, computed as %s", id, d.mcids[i])
		}
	}
	var roots []cid.Cid
	roots = append(roots, d.mcids[2])
	for _, sig := range [][]byte{d.envJSON, d.ethJSON} {
		id, err := storage.PutData(ctx, s, cid.Raw, sig)
		if err != nil {
			return err
		}
		roots = append(roots, id)
		d.sum.Store.Envelopes = append(d.sum.Store.Envelopes, id.String())
	}
	for c, err := range s.List(ctx) {
		if err != nil {
			return err
		}
		st, err := s.Stat(ctx, c)
		if err != nil {
			return err
		}
		d.sum.Store.Blocks++
		d.sum.Store.Bytes += st.Size
	}
	d.printf("   put 3 artifacts, 3 manifests and 2 signatures into the directory store %s/\n", d.short(sdir))
	d.printf("     %d blocks, %s for %s of files (the finetune reuses its base's unchanged chunks)\n",
		d.sum.Store.Blocks, demoBytes(d.sum.Store.Bytes), demoBytes(d.sum.Store.ArtifactBytes))
	d.printf("     DSSE envelope %s, EIP-712 signature %s (raw blocks: the signed bytes as they are)\n", roots[1], roots[2])

	// One CAR with the lineage, the artifacts and the signatures.
	carPath := filepath.Join(d.work, "lineage.car")
	err = writeFileAtomic(carPath, 0o644, func(w io.Writer) error {
		return storage.WriteCAR(ctx, w, s, roots, &storage.ExportOptions{Artifacts: true})
	})
	if err != nil {
		return err
	}
	st, err := os.Stat(carPath)
	if err != nil {
		return err
	}
	d.sum.Store.CAR, d.sum.Store.CARBytes = carPath, st.Size()
	for _, r := range roots {
		d.sum.Store.CARRoots = append(d.sum.Store.CARRoots, r.String())
	}
	d.printf("   exported %s (%s): roots finetune manifest + both signatures; parents' manifests and all artifacts follow by link\n",
		d.short(carPath), demoBytes(st.Size()))

	// Re-import into memory: every block is verified against its CID.
	f, err := os.Open(carPath)
	if err != nil {
		return err
	}
	mem := storage.NewMemory()
	imp, err := storage.ImportCAR(ctx, f, mem)
	f.Close()
	if err != nil {
		return err
	}
	if len(imp.MissingRoots) > 0 {
		return fmt.Errorf("the CAR lacks its roots %v", imp.MissingRoots)
	}
	d.sum.Store.Imported = imp.Blocks
	g := provenance.NewGraph(nil)
	if err := g.Load(ctx, mem); err != nil {
		return err
	}
	if err := g.Check(); err != nil {
		return fmt.Errorf("lineage from the CAR: %w", err)
	}
	anc, err := g.Ancestors(d.mcids[2])
	if err != nil {
		return err
	}
	d.sum.Store.ImportedGraph = g.Len()
	d.printf("   re-imported into a memory store: %d blocks, each verified against its CID\n", imp.Blocks)
	d.printf("     lineage graph from the CAR: %d manifests, finetune has %d ancestors, no dangling links\n", g.Len(), len(anc))

	// Restore the finetune from memory and verify its signatures there.
	restored := filepath.Join(d.work, "restored", "finetune")
	if err := os.MkdirAll(filepath.Dir(restored), 0o755); err != nil {
		return err
	}
	if err := storage.GetPath(ctx, mem, d.manifests[2].Subject.CID, restored, nil); err != nil {
		return err
	}
	res, err := provenance.Hash(ctx, restored, nil)
	if err != nil {
		return err
	}
	if res.CID != d.manifests[2].Subject.CID {
		return fmt.Errorf("restored finetune hashes to %s, want %s", res.CID, d.manifests[2].Subject.CID)
	}
	envBytes, err := mem.GetBlock(ctx, roots[1])
	if err != nil {
		return err
	}
	ethBytes, err := mem.GetBlock(ctx, roots[2])
	if err != nil {
		return err
	}
	env, err := attest.ParseEnvelope(envBytes)
	if err != nil {
		return err
	}
	eth, err := attest.ParseEthSignature(ethBytes)
	if err != nil {
		return err
	}
	if _, err := attest.Verify(ctx, attest.Bundle{Envelope: env, EthSignatures: []*attest.EthSignature{eth}},
		attest.VerifyOptions{Policy: d.policy, Dir: restored, ManifestCID: d.mcids[2]}); err != nil {
		return fmt.Errorf("signatures from the CAR: %w", err)
	}
	d.sum.Store.RestoredCID, d.sum.Store.RestoredPath, d.sum.Store.ImportVerified = res.CID.String(), restored, true
	d.printf("     restored the finetune to %s: hashes to %s; signatures from the CAR verify against it\n", d.short(restored), res.CID)
	return nil
}

// ---- 6. check

func (d *demo) check(ctx context.Context) error {
	m := d.manifests[2]
	r, err := provenance.CheckManifest(ctx, m, d.dirs[2], nil)
	if err != nil {
		return err
	}
	if !r.OK() {
		return fmt.Errorf("the untouched finetune does not match its manifest: %+v", r)
	}
	d.sum.Check.OK, d.sum.Check.Checked = true, r.Checked
	d.printf("   %s against its manifest: ok, %d files match, root %s\n", d.short(d.dirs[2]), r.Checked, r.RootCID)

	// A copy with one weight changed: two bytes, one float16, of lm_head.
	edited := filepath.Join(d.work, "edited", "finetune")
	if err := os.MkdirAll(edited, 0o755); err != nil {
		return err
	}
	for _, f := range m.Subject.Files {
		data, err := os.ReadFile(filepath.Join(d.dirs[2], filepath.FromSlash(f.Path)))
		if err != nil {
			return err
		}
		if f.Path == "model.safetensors" {
			off := len(data) - 1000
			data[off] ^= 0x01
			d.sum.Check.Edit = fmt.Sprintf("model.safetensors: one bit flipped at byte offset %d (a float16 of lm_head.weight)", off)
		}
		p := filepath.Join(edited, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return err
		}
	}
	r, err = provenance.CheckManifest(ctx, m, edited, nil)
	if err != nil {
		return err
	}
	if r.OK() {
		return errors.New("an edited copy matched the manifest")
	}
	d.sum.Check.EditedPath = edited
	d.sum.Check.Missing = append([]string{}, r.Missing...)
	d.sum.Check.Extra = append([]string{}, r.Extra...)
	d.sum.Check.Changed = []demoFileChange{}
	if r.RootCID.Defined() {
		d.sum.Check.RootCID = r.RootCID.String()
	}
	d.printf("   edited copy %s — %s:\n", d.short(edited), d.sum.Check.Edit)
	for _, ch := range r.Changed {
		d.sum.Check.Changed = append(d.sum.Check.Changed, demoFileChange{Path: ch.Path, Reason: ch.Reason()})
		// One line per difference: digests and CIDs are long.
		d.printf("     changed %s:\n", ch.Path)
		for _, why := range strings.Split(ch.Reason(), "; ") {
			d.printf("       %s\n", why)
		}
	}
	for _, p := range r.Missing {
		d.printf("     missing %s\n", p)
	}
	for _, p := range r.Extra {
		d.printf("     extra   %s\n", p)
	}
	if r.RootCID.Defined() && !r.RootMatches {
		d.printf("     root    %s, manifest says %s\n", r.RootCID, m.Subject.CID)
	}
	return nil
}

// ---- 7. royalty

func (d *demo) split(ctx context.Context) error {
	nodes, err := royalty.ManifestNodes(d.manifests[:]...)
	if err != nil {
		return err
	}
	g, err := royalty.NewGraph(nodes, royalty.Limits{})
	if err != nil {
		return err
	}
	artifact := d.mcids[2].String()
	d.sum.Royalty = demoRoyalty{Artifact: artifact, Amount: demoPayment.String()}
	rdir := filepath.Join(d.work, "royalty")
	if err := os.MkdirAll(rdir, 0o755); err != nil {
		return err
	}
	d.printf("   graph from the 3 manifests; 1 ETH = %s wei paid to the finetune %s\n", demoPayment, artifact)
	for _, policy := range []royalty.Policy{royalty.Relative, royalty.Absolute} {
		if err := ctx.Err(); err != nil {
			return err
		}
		s, err := g.Split(artifact, demoPayment, royalty.SplitOptions{Policy: policy})
		if err != nil {
			return err
		}
		out := demoSplit{Policy: policy}
		sum := new(big.Int)
		d.printf("   %s policy:\n", policy)
		d.printf("     %-44s %-22s %20s %12s\n", "recipient", "", "wei", "share")
		for i, p := range s.Payouts {
			sum.Add(sum, p.Amount)
			name := demoPeople[strings.ToLower(p.Recipient)]
			pct := royalty.FormatFraction(s.Fraction(i), 6)
			out.Payouts = append(out.Payouts, demoPayout{Recipient: p.Recipient, Name: name, Amount: p.Amount.String(), Percent: pct})
			d.printf("     %-44s %-22s %20s %12s\n", p.Recipient, name, p.Amount, pct)
		}
		if sum.Cmp(demoPayment) != 0 {
			return fmt.Errorf("%s payouts sum to %s, not %s", policy, sum, demoPayment)
		}
		out.Sum = sum.String()
		d.printf("     %-44s %-22s %20s  (exactly the amount paid)\n", "sum", "", sum)

		out.PayoutsFile = filepath.Join(rdir, "payouts-"+string(policy)+".csv")
		if err := writeFileAtomic(out.PayoutsFile, 0o644, s.WriteCSV); err != nil {
			return err
		}
		tree, err := royalty.NewMerkleTree(s.Payouts)
		if err != nil {
			return err
		}
		out.MerkleDump = filepath.Join(rdir, "merkle-"+string(policy)+".json")
		if err := writeFileAtomic(out.MerkleDump, 0o644, tree.WriteDump); err != nil {
			return err
		}
		out.MerkleRoot = tree.Root().String()
		// Prove the base model's payout, as its contributor would claim it.
		i := s.Index(demoAlice)
		if i < 0 {
			return errors.New("no payout to the base model's contributor")
		}
		p := tree.Payout(i)
		proof := tree.Proof(i)
		addr, err := royalty.ParseAddress(p.Recipient)
		if err != nil {
			return err
		}
		out.Proof = demoProof{Recipient: p.Recipient, Amount: p.Amount.String(),
			Verified:      royalty.VerifyProof(tree.Root(), addr, p.Amount, proof),
			WrongRejected: !royalty.VerifyProof(tree.Root(), addr, new(big.Int).Add(p.Amount, big.NewInt(1)), proof)}
		for _, h := range proof {
			out.Proof.Proof = append(out.Proof.Proof, h.String())
		}
		if !out.Proof.Verified || !out.Proof.WrongRejected {
			//lint:ignore ST1005 Merkle is a name
			return fmt.Errorf("Merkle proof for %s: verified %v, one wei more rejected %v", p.Recipient, out.Proof.Verified, out.Proof.WrongRejected)
		}
		if policy == royalty.Relative {
			if err := d.drawSplit(filepath.Join(rdir, "lineage.html"), nodes, s); err != nil {
				return err
			}
		}
		d.printf("     Merkle root %s (OpenZeppelin StandardMerkleTree, %s)\n", out.MerkleRoot, d.short(out.MerkleDump))
		d.printf("     proof for A (%s wei), %d hashes: verified by royalty.VerifyProof; with 1 wei more: rejected\n", p.Amount, len(proof))
		d.sum.Royalty.Splits = append(d.sum.Royalty.Splits, out)
	}
	if d.sum.Royalty.Splits[0].MerkleRoot == d.sum.Royalty.Splits[1].MerkleRoot {
		d.printf("   (the policies agree here: they differ only from grandparents on — relative multiplies shares along a path, absolute does not)\n")
	}
	return nil
}

// drawSplit writes the lineage of the demo's manifests, with the split s,
// as an HTML page (aiprov royalty split --html).
func (d *demo) drawSplit(path string, nodes []royalty.Node, s *royalty.Split) error {
	pg := provenance.NewGraph(nil)
	for i, m := range d.manifests {
		if err := pg.Add(d.mcids[i], m); err != nil {
			return err
		}
	}
	contributors := make(map[string][]royalty.Contributor, len(nodes))
	for _, n := range nodes {
		contributors[n.ID] = n.Contributors
	}
	page, err := lineagePage("aiprov demo: 1 ETH paid to the finetune", pg, nil, contributors, s)
	if err != nil {
		return err
	}
	if err := writeFileAtomic(path, 0o644, func(w io.Writer) error { return lineagehtml.Write(w, page) }); err != nil {
		return err
	}
	d.sum.Royalty.Page = path
	d.printf("     drawn as a web page: %s (open it in a browser)\n", d.short(path))
	return nil
}

// demoBytes writes a size for people: 3.0 MiB, 900.0 KiB, 12 B.
func demoBytes(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
