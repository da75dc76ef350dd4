package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/aiprov/aiprov/attest"
	"github.com/aiprov/aiprov/provenance"
	"github.com/spf13/cobra"
)

type verifyFlags struct {
	keys                                    []string
	policyFile, manifestFile, dir, contract string
	profile                                 string
	chainID                                 uint64
	quiet, json                             bool
	oms                                     omsFlags
	chain                                   verifyChainFlags
}

func newVerifyCmd(c *cli) *cobra.Command {
	var f verifyFlags
	cmd := &cobra.Command{
		Use:   "verify SIGNATURE... (--key KEY... | --policy FILE)",
		Short: "Verify signed manifests against keys and a trust policy",
		Long: `Verifies DSSE envelopes and EIP-712/EIP-191 signatures (files given
together must be about the same manifest) against trusted keys (--key) or a
trust policy (--policy), optionally checking the artifact itself (--dir).
Prints what was verified and OK; exits 1, listing every problem on stderr,
if verification fails (with --json, one report object either way).

A trust policy (--policy FILE) is JSON, with // comments allowed:

  {
    "keys": [                       // whom to trust
      {"id": "ed25519:6U9ig8…", "name": "alice", "roles": ["release"]},
      {"id": "0x71562b71999873DB5b286dF957af199Ec94617F7", "name": "ci", "roles": ["release"]},
      {"publicKey": "-----BEGIN PUBLIC KEY-----\n…", "name": "bob"}
    ],
    "rules": [                      // every rule must hold
      {"role": "release", "threshold": 2},      // two distinct release keys
      {"contributors": true, "threshold": 1}    // one key the manifest lists
    ]
  }

With no rules, one signature by any listed key is enough; only signatures
that verify against a listed key count, each identity once per rule.
aiprov policy init writes a commented starting point; see also
examples/sign-and-verify.

An OpenSSF Model Signing (OMS) bundle (format detected) is verified with
the model it signs (--dir): against --key PUB.pem for key bundles or the
trust anchors --cert-chain CA.pem for certificate bundles, including those
model_signing wrote from v0.2 on. The lineage manifest an aiprov bundle
names is reported (and checked against --manifest).

--chain also checks the manifest's record on chain (aiprov anchor): it is
registered, its parents are the manifest's parents, and its token's owner is
a trusted key (--key, or a key of the policy). Without --rpc the embedded
chain in --chain-dir; --rpc URL --registry ADDRESS (which imply --chain;
$AIPROV_RPC and $AIPROV_REGISTRY alone do not) name a node and the registry
on it.`,
		Example: `  aiprov verify model.dsse.json --key alice.pub
  aiprov verify model.dsse.json model.eip712.json --manifest model.json --policy policy.json --dir model/
  aiprov verify model.sig --key p384.pub --dir model/
  aiprov verify model.sig --cert-chain ca.pem --dir model/ --ignore-unsigned-files
  aiprov verify model.dsse.json --policy policy.json --chain
  aiprov verify model.dsse.json --key owner.pub --rpc http://127.0.0.1:8545 --registry 0x…`,
		Args: nargs(1, -1, "verify takes one or more signature files (DSSE envelopes or EIP-712/EIP-191 JSON)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runVerify(cmd.Context(), c, &f, args)
		},
	}
	fs := cmd.Flags()
	fs.StringArrayVarP(&f.keys, "key", "k", nil, "trust this public key `FILE` (PKIX PEM, OpenSSH, address file) or identity (0x address, ed25519:…, p256:…); repeatable")
	fs.StringVar(&f.policyFile, "policy", "", "trust policy JSON `FILE` (keys, roles, thresholds)")
	fs.StringVar(&f.manifestFile, "manifest", "", "the manifest `FILE` the signatures must be about (needed for EIP-712/EIP-191 signatures alone)")
	fs.StringVar(&f.dir, "dir", "", "check the artifact at `PATH` (directory or file) against the signed manifest: every file's size, sha256 and CID, the root CID, and no entry left uncovered")
	fs.StringVar(&f.profile, "profile", provenance.ProfileUnixFSv1_2025, "import `profile` the manifest's CIDs were computed with (for --dir)")
	fs.Uint64Var(&f.chainID, "chain-id", 0, "require EIP-712 signatures for this chainId (default: any domain is accepted)")
	bindEnv(fs, "chain-id", envChainID)
	fs.StringVar(&f.contract, "contract", "", "require EIP-712 signatures for this verifyingContract `ADDRESS`")
	fs.BoolVarP(&f.quiet, "quiet", "q", false, "print only failures")
	fs.BoolVar(&f.json, "json", false, "print the report as one JSON object (docs/json.md), failures included")
	fs.StringArrayVar(&f.oms.certChain, "cert-chain", nil, "OMS: trust certificates chaining to the CA certificates in PEM `FILE`; repeatable")
	fs.StringArrayVar(&f.oms.ignorePaths, "ignore-path", nil, "OMS: leave `PATH` (inside the model) out of the check; repeatable")
	fs.BoolVar(&f.oms.ignoreUnsigned, "ignore-unsigned-files", false, "OMS: accept files the bundle does not list")
	fs.BoolVar(&f.oms.allowSymlinks, "allow-symlinks", false, "OMS: follow symbolic links that stay inside the model, if the bundle allows them")
	fs.BoolVar(&f.chain.check, "chain", false, "also check the manifest's record on chain: registered, same parents, owner trusted (embedded chain, or --rpc)")
	f.chain.registerRegistry(fs)
	return cmd
}

func runVerify(ctx context.Context, c *cli, f *verifyFlags, rest []string) error {
	if len(rest) == 1 {
		if data, err := keysReadFile(rest[0], attest.MaxEnvelopeSize); err == nil && attest.IsOMSBundle(data) {
			if f.chain.wanted() {
				return usagef("--chain checks a signed lineage manifest's record; an OMS bundle has none")
			}
			return runVerifyOMS(ctx, c, f, rest[0], data)
		}
	}
	if len(f.oms.certChain) > 0 || len(f.oms.ignorePaths) > 0 || f.oms.ignoreUnsigned || f.oms.allowSymlinks {
		return usagef("--cert-chain, --ignore-path, --ignore-unsigned-files and --allow-symlinks are for OMS bundles")
	}
	var opts attest.VerifyOptions
	for i, k := range f.keys {
		pk, err := verifyLoadKey(c, k)
		if err != nil {
			// A value that is no file is not echoed: it may be a private key
			// pasted by mistake.
			if _, serr := os.Stat(k); serr == nil || looksLikePath(k) {
				return fmt.Errorf("--key %s: %w", k, err)
			}
			return fmt.Errorf("--key #%d: %w", i+1, err)
		}
		opts.Keys = append(opts.Keys, pk)
	}
	if f.policyFile != "" {
		data, err := keysReadFile(f.policyFile, 4<<20)
		if err != nil {
			return err
		}
		if opts.Policy, err = attest.ParsePolicy(data); err != nil {
			return fmt.Errorf("%s: %w", f.policyFile, err)
		}
	}
	if len(f.keys) == 0 && opts.Policy == nil {
		return usagef("say whom to trust: --key FILE (repeatable) or --policy FILE")
	}
	if f.chainID != 0 || f.contract != "" {
		d := attest.DefaultDomain()
		d.ChainID = f.chainID
		if f.contract != "" {
			contract, err := addressFlag("--contract", f.contract)
			if err != nil {
				return err
			}
			d.VerifyingContract = contract
		}
		opts.Domain = &d
	}
	opts.Dir = f.dir
	params, err := provenance.ProfileParams(f.profile)
	if err != nil {
		return usagef("--profile: %v", err)
	}
	opts.Params = params

	var b attest.Bundle
	for _, name := range rest {
		data, err := keysReadFile(name, attest.MaxEnvelopeSize)
		if err != nil {
			return err
		}
		if isEnvelope(data) {
			env, err := attest.ParseEnvelope(data)
			if err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
			if b.Envelope == nil {
				b.Envelope = env
				continue
			}
			// Co-signatures in separate files over the same payload pool.
			if env.PayloadType != b.Envelope.PayloadType || !bytes.Equal(env.Payload, b.Envelope.Payload) {
				return fmt.Errorf("%s: its payload differs from %s's; envelopes verified together must carry the same statement", name, rest[0])
			}
			b.Envelope.Signatures = append(b.Envelope.Signatures, env.Signatures...)
			continue
		}
		s, err := attest.ParseEthSignature(data)
		if err != nil {
			return fmt.Errorf("%s: neither a DSSE envelope nor an Ethereum signature: %w", name, err)
		}
		b.EthSignatures = append(b.EthSignatures, s)
	}
	if f.manifestFile != "" {
		data, err := keysReadFile(f.manifestFile, 2*provenance.MaxManifestSize)
		if err != nil {
			return err
		}
		if b.Manifest, _, err = provenance.ReadManifest(data); err != nil {
			return fmt.Errorf("%s: %w", f.manifestFile, err)
		}
	}

	if b.Manifest == nil && b.Envelope == nil && len(b.EthSignatures) > 0 {
		return usagef("EIP-712 and EIP-191 signatures sign the manifest's digest, not the manifest: give it with --manifest FILE")
	}

	bar := newProgressBar(c, f.dir) // nil unless stderr is a terminal and --dir is set
	if bar != nil && f.dir != "" {
		opts.Progress = bar.update
	}
	report, verr := attest.Verify(ctx, b, opts)
	bar.finish()
	var onChain *verifyChainJSON
	if f.chain.wanted() {
		f.chain.chainID = f.chainID
		if onChain, err = verifyChain(ctx, c, &f.chain, report, &opts); err != nil {
			return err
		}
		if verr == nil && !report.OK() {
			verr = errors.New("the chain check failed")
		}
	}
	if f.json {
		out := verifyJSONOf(report)
		out.Chain = onChain
		if err := writeJSON(c.stdout, "verify", out); err != nil {
			return err
		}
		if verr != nil {
			return errSilentFailure
		}
		return nil
	}
	verifyPrint(c, report, f.quiet)
	if !f.quiet {
		verifyChainPrint(c, onChain)
	}
	return verifyOutcome(c, verr, report.Problems, f.quiet)
}

// verifyOutcome prints every problem and fails, or prints OK.
func verifyOutcome(c *cli, verr error, problems []error, quiet bool) error {
	if verr != nil {
		fmt.Fprintf(c.stderr, "verification FAILED (%d problem(s)):\n", len(problems))
		for _, p := range problems {
			fmt.Fprintf(c.stderr, "  %s\n", verifyPrintable(p.Error()))
		}
		return errSilentFailure
	}
	if !quiet {
		fmt.Fprintln(c.stdout, "OK")
	}
	return nil
}

// verifyLoadKey reads a public key file, or takes arg as an identity
// (0x address, ed25519:…, p256:…) when no such file exists. A private key
// is refused: a trust anchor is public, and a private key in a verifier's
// configuration is one about to leak.
func verifyLoadKey(c *cli, arg string) (*attest.PublicKey, error) {
	_, err := os.Stat(arg)
	if errors.Is(err, os.ErrNotExist) {
		if looksLikePath(arg) {
			return nil, fmt.Errorf("no such file (and not an identity such as 0x…, ed25519:… or p256:…)")
		}
		return attest.ParseIdentity(arg)
	}
	data, err := keysReadFile(arg, 1<<20)
	if err != nil {
		return nil, err
	}
	if pk, err := attest.ParsePublicKey(data); err == nil {
		return pk, nil
	}
	if _, perr := attest.ParsePrivateKey(data, func() ([]byte, error) { return nil, errors.New("encrypted") }); perr == nil || strings.Contains(perr.Error(), "encrypted") {
		return nil, usagef("is a private key; trust its public key instead (%s.pub, or the identity aiprov keys show prints)", arg)
	}
	return nil, errors.New("not a public key file (PKIX PEM, OpenSSH, or an address file)")
}

// looksLikePath says whether a --key value that names no file was meant
// as a file rather than an identity: identities have no path separator
// and no key-file extension.
func looksLikePath(s string) bool {
	if strings.HasPrefix(s, "0x") || strings.HasPrefix(s, "ed25519:") || strings.HasPrefix(s, "p256:") {
		return false
	}
	return strings.ContainsAny(s, `/\`) || strings.Contains(s, ".")
}

func verifyPrint(c *cli, r *attest.Report, quiet bool) {
	if quiet {
		return
	}
	w := c.stdout
	if r.ManifestCID.Defined() {
		name := ""
		if r.Manifest != nil && r.Manifest.Subject.Name != "" {
			name = " (" + verifyPrintable(r.Manifest.Subject.Name) + ")"
		}
		fmt.Fprintf(w, "manifest %s%s\n", r.ManifestCID, name)
	}
	for _, s := range r.Signatures {
		who := s.Signer
		if who == "" {
			who = verifyPrintable(s.KeyID)
		}
		if s.Name != "" {
			who += " (" + verifyPrintable(s.Name) + ")"
		}
		if s.Err == nil {
			fmt.Fprintf(w, "signature %d %s: verified\n", s.Index, who)
		} else {
			// The error says why it did not verify ("signature does not
			// verify", "no trusted key verifies this signature", …).
			fmt.Fprintf(w, "signature %d %s: %s\n", s.Index, who, verifyPrintable(s.Err.Error()))
		}
	}
	for _, rr := range r.Rules {
		state := "met"
		if !rr.Satisfied {
			state = "NOT met"
		}
		fmt.Fprintf(w, "rule %s: %s (%d signer(s))\n", rr.Rule, state, len(rr.Signers))
	}
	for _, f := range r.Files {
		if f.Err == nil {
			fmt.Fprintf(w, "file %s: ok\n", verifyPrintable(f.Path))
		} else {
			fmt.Fprintf(w, "file %s: %s\n", verifyPrintable(f.Path), verifyPrintable(f.Err.Error()))
		}
	}
	for _, n := range r.Notes {
		fmt.Fprintf(w, "note: %s\n", verifyPrintable(n))
	}
}

// verifyPrintable escapes what a terminal would interpret (control
// characters, invalid UTF-8): key IDs, names and paths come from untrusted
// envelopes and manifests.
func verifyPrintable(s string) string {
	for _, r := range s {
		if r == utf8.RuneError || !unicode.IsGraphic(r) {
			q := strconv.QuoteToGraphic(s)
			return q[1 : len(q)-1]
		}
	}
	return s
}

// verifyJSON is the shape of verify --json (docs/json.md).
type verifyJSON struct {
	OK         bool                  `json:"ok"`
	Manifest   *verifyManifestJSON   `json:"manifest,omitempty"`
	Signatures []verifySignatureJSON `json:"signatures"`
	Rules      []verifyRuleJSON      `json:"rules"`
	Files      []verifyFileJSON      `json:"files"`
	Chain      *verifyChainJSON      `json:"chain,omitempty"` // with --chain
	Problems   []string              `json:"problems"`
}

type verifyManifestJSON struct {
	CID  string `json:"cid"`
	Name string `json:"name,omitempty"`
}

type verifySignatureJSON struct {
	Index    int    `json:"index"`
	KeyID    string `json:"keyid,omitempty"`
	Signer   string `json:"signer,omitempty"`
	Name     string `json:"name,omitempty"`
	Verified bool   `json:"verified"`
	Error    string `json:"error,omitempty"`
}

type verifyRuleJSON struct {
	Rule      string   `json:"rule"`
	Satisfied bool     `json:"satisfied"`
	Signers   []string `json:"signers"`
}

type verifyFileJSON struct {
	Path  string `json:"path"`
	OK    bool   `json:"ok"`
	Error string `json:"error,omitempty"`
}

func verifyJSONOf(r *attest.Report) verifyJSON {
	out := verifyJSON{OK: r.OK(), Signatures: []verifySignatureJSON{}, Rules: []verifyRuleJSON{}, Files: []verifyFileJSON{}, Problems: []string{}}
	if r.ManifestCID.Defined() {
		out.Manifest = &verifyManifestJSON{CID: r.ManifestCID.String()}
		if r.Manifest != nil {
			out.Manifest.Name = r.Manifest.Subject.Name
		}
	}
	for _, s := range r.Signatures {
		sj := verifySignatureJSON{Index: s.Index, KeyID: s.KeyID, Signer: s.Signer, Name: s.Name, Verified: s.Err == nil}
		if s.Err != nil {
			sj.Error = s.Err.Error()
		}
		out.Signatures = append(out.Signatures, sj)
	}
	for _, rr := range r.Rules {
		signers := rr.Signers
		if signers == nil {
			signers = []string{}
		}
		out.Rules = append(out.Rules, verifyRuleJSON{Rule: rr.Rule.String(), Satisfied: rr.Satisfied, Signers: signers})
	}
	out.Files = append(out.Files, verifyFilesJSON(r.Files)...)
	out.Problems = append(out.Problems, errorStrings(r.Problems)...)
	return out
}

// verifyFilesJSON is files as verify --json reports them.
func verifyFilesJSON(files []attest.FileResult) []verifyFileJSON {
	out := make([]verifyFileJSON, 0, len(files))
	for _, f := range files {
		fj := verifyFileJSON{Path: f.Path, OK: f.Err == nil}
		if f.Err != nil {
			fj.Error = f.Err.Error()
		}
		out = append(out, fj)
	}
	return out
}

// errorStrings is errs' messages.
func errorStrings(errs []error) []string {
	out := make([]string, 0, len(errs))
	for _, err := range errs {
		out = append(out, err.Error())
	}
	return out
}
