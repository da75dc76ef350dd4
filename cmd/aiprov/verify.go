package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"
	"unicode"
	"unicode/utf8"

	"github.com/aiprov/aiprov/attest"
	"github.com/aiprov/aiprov/provenance"
	"github.com/ethereum/go-ethereum/common"
	"github.com/spf13/cobra"
)

type verifyFlags struct {
	keys                                    []string
	policyFile, manifestFile, dir, contract string
	chainID                                 uint64
	quiet                                   bool
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
if verification fails.`,
		Example: `  aiprov verify model.dsse.json --key alice.pub
  aiprov verify model.dsse.json model.eip712.json --manifest model.json --policy policy.json --dir model/`,
		Args: nargs(1, -1, "verify takes one or more signature files (DSSE envelopes or EIP-712/EIP-191 JSON)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runVerify(cmd.Context(), c, &f, args)
		},
	}
	fs := cmd.Flags()
	fs.StringArrayVarP(&f.keys, "key", "k", nil, "trust this public key `FILE` (PKIX PEM, OpenSSH, address file) or identity (0x address, ed25519:…, p256:…); repeatable")
	fs.StringVar(&f.policyFile, "policy", "", "trust policy JSON `FILE` (keys, roles, thresholds)")
	fs.StringVar(&f.manifestFile, "manifest", "", "the manifest `FILE` the signatures must be about (needed for EIP-712/EIP-191 signatures alone)")
	fs.StringVar(&f.dir, "dir", "", "check the artifact at `PATH` (directory or file) against the signed file digests")
	fs.Uint64Var(&f.chainID, "chain-id", 0, "require EIP-712 signatures for this chainId (default: any domain is accepted)")
	bindEnv(fs, "chain-id", envChainID)
	fs.StringVar(&f.contract, "contract", "", "require EIP-712 signatures for this verifyingContract `ADDRESS`")
	fs.BoolVarP(&f.quiet, "quiet", "q", false, "print only failures")
	return cmd
}

func runVerify(ctx context.Context, c *cli, f *verifyFlags, rest []string) error {
	var opts attest.VerifyOptions
	for i, k := range f.keys {
		pk, err := verifyLoadKey(c, k)
		if err != nil {
			// A value that is no file is not echoed: it may be a private key
			// pasted by mistake.
			if _, serr := os.Stat(k); serr == nil {
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
			if !common.IsHexAddress(f.contract) {
				return usagef("--contract %q is not an address", f.contract)
			}
			d.VerifyingContract = common.HexToAddress(f.contract)
		}
		opts.Domain = &d
	}
	opts.Dir = f.dir

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

	report, verr := attest.Verify(ctx, b, opts)
	verifyPrint(c, report, f.quiet)
	if verr != nil {
		fmt.Fprintf(c.stderr, "verification FAILED (%d problem(s)):\n", len(report.Problems))
		for _, p := range report.Problems {
			fmt.Fprintf(c.stderr, "  %s\n", verifyPrintable(p.Error()))
		}
		return errSilentFailure
	}
	if !f.quiet {
		fmt.Fprintln(c.stdout, "OK")
	}
	return nil
}

// verifyLoadKey reads a key file, or takes arg as an identity when no such
// file exists.
func verifyLoadKey(c *cli, arg string) (*attest.PublicKey, error) {
	if _, err := os.Stat(arg); errors.Is(err, os.ErrNotExist) {
		return attest.ParseIdentity(arg)
	}
	return keysLoadPublic(c, arg, "")
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
