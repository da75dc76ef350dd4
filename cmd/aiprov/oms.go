package main

import (
	"context"
	"crypto/x509"
	"encoding/pem"
	"fmt"
	"path/filepath"

	"github.com/aiprov/aiprov/attest"
	"github.com/aiprov/aiprov/provenance"
	"github.com/ipfs/go-cid"
)

// omsFlags are the flags of sign and verify that only OpenSSF Model Signing
// (OMS) bundles use.
type omsFlags struct {
	cert                          string
	certChain, ignorePaths        []string
	allowSymlinks, ignoreUnsigned bool
}

// runSignOMS signs the model at modelPath as an OMS bundle.
func runSignOMS(ctx context.Context, c *cli, f *signFlags, modelPath string) error {
	if f.out == "" {
		return usagef("--format oms needs --output FILE (model_signing's name for it is model.sig)")
	}
	key, err := keysLoadSigner(c, f.keyFile, f.passwordFile)
	if err != nil {
		return err
	}
	opts := attest.OMSSignOptions{Signer: key, AllowSymlinks: f.oms.allowSymlinks, SignaturePath: f.out}
	if opts.IgnorePaths, err = omsIgnorePaths(f.oms.ignorePaths); err != nil {
		return err
	}
	if f.oms.cert != "" {
		leaf, err := omsReadCerts(f.oms.cert)
		if err != nil {
			return err
		}
		opts.Certificates = leaf[:1]
		for _, name := range f.oms.certChain {
			chain, err := omsReadCerts(name)
			if err != nil {
				return err
			}
			opts.Certificates = append(opts.Certificates, chain...)
		}
	} else if len(f.oms.certChain) > 0 {
		return usagef("--cert-chain goes with --cert LEAF.pem")
	}
	if f.manifest != "" {
		if opts.ManifestCID, err = omsManifestCID(f.manifest); err != nil {
			return err
		}
	}
	bar := newProgressBar(c, modelPath) // nil unless stderr is a terminal
	if bar != nil {
		opts.Progress = bar.update
	}
	b, err := attest.SignOMS(ctx, modelPath, opts)
	bar.finish()
	if err != nil {
		return err
	}
	js, err := b.MarshalJSON()
	if err != nil {
		return err
	}
	if err := writeBytesAtomic(f.out, 0o644, js); err != nil {
		return err
	}
	fmt.Fprintf(c.stderr, "signed %s (OMS v1.0, %s method) by %s; wrote %s\n", modelPath, b.Method(), key.ID(), f.out)
	return nil
}

// omsManifestCID reads a manifest file (or takes a CID) for the lineage
// annotation.
func omsManifestCID(arg string) (cid.Cid, error) {
	if c, err := cid.Decode(arg); err == nil {
		return c, nil
	}
	data, err := keysReadFile(arg, 2*provenance.MaxManifestSize)
	if err != nil {
		return cid.Undef, err
	}
	_, c, err := provenance.ReadManifest(data)
	if err != nil {
		return cid.Undef, fmt.Errorf("%s: %w", arg, err)
	}
	return c, nil
}

// omsIgnorePaths makes ignore paths given on the command line (relative to
// the working directory, as model_signing takes them) absolute, so that
// attest relates them to the model.
func omsIgnorePaths(paths []string) ([]string, error) {
	out := make([]string, 0, len(paths))
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			return nil, err
		}
		out = append(out, abs)
	}
	return out, nil
}

// omsReadCerts reads the PEM certificates in a file.
func omsReadCerts(name string) ([]*x509.Certificate, error) {
	data, err := keysReadFile(name, 1<<20)
	if err != nil {
		return nil, err
	}
	var certs []*x509.Certificate
	for {
		var block *pem.Block
		block, data = pem.Decode(data)
		if block == nil {
			break
		}
		if block.Type != "CERTIFICATE" {
			continue
		}
		cert, err := x509.ParseCertificate(block.Bytes)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		certs = append(certs, cert)
	}
	if len(certs) == 0 {
		return nil, fmt.Errorf("%s: no PEM CERTIFICATE block", name)
	}
	return certs, nil
}

// runVerifyOMS verifies an OMS bundle and the model it signs, and reports
// the lineage manifest it names.
func runVerifyOMS(ctx context.Context, c *cli, f *verifyFlags, name string, data []byte) error {
	b, err := attest.ParseOMSBundle(data)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if f.dir == "" {
		return usagef("an OMS bundle signs a model: give it with --dir MODEL")
	}
	opts := attest.OMSVerifyOptions{
		IgnoreUnsignedFiles: f.oms.ignoreUnsigned,
		AllowSymlinks:       f.oms.allowSymlinks,
		SignaturePath:       name,
	}
	if opts.IgnorePaths, err = omsIgnorePaths(f.oms.ignorePaths); err != nil {
		return err
	}
	for i, k := range f.keys {
		pk, err := verifyLoadKey(c, k)
		if err != nil {
			return fmt.Errorf("--key #%d: %w", i+1, err)
		}
		opts.Keys = append(opts.Keys, pk)
	}
	for _, cc := range f.oms.certChain {
		certs, err := omsReadCerts(cc)
		if err != nil {
			return err
		}
		opts.Roots = append(opts.Roots, certs...)
	}
	if len(opts.Keys) == 0 && len(opts.Roots) == 0 {
		return usagef("say whom to trust: --key PUB.pem (key bundles) or --cert-chain CA.pem (certificate bundles)")
	}
	bar := newProgressBar(c, f.dir) // nil unless stderr is a terminal
	if bar != nil {
		opts.Progress = bar.update
	}
	report, verr := attest.VerifyOMS(ctx, b, f.dir, opts)
	bar.finish()
	if verr == nil && f.manifestFile != "" {
		want, err := omsManifestCID(f.manifestFile)
		if err != nil {
			return err
		}
		if !report.ManifestCID.Equals(want) {
			report.Problems = append(report.Problems, fmt.Errorf("%w: the bundle names lineage manifest %q, %s is %s", attest.ErrManifestMismatch, report.ManifestCID, f.manifestFile, want))
			verr = report.Err()
		}
	}
	if f.json {
		if err := writeJSON(c.stdout, "verify", verifyOMSJSONOf(report)); err != nil {
			return err
		}
		if verr != nil {
			return errSilentFailure
		}
		return nil
	}
	if !f.quiet {
		w := c.stdout
		fmt.Fprintf(w, "OMS bundle (%s method)\n", report.Method)
		if st := report.Statement; st != nil {
			fmt.Fprintf(w, "model %s (%s, sha256 %s)\n", verifyPrintable(st.ModelName), st.PredicateType, st.RootDigest)
		}
		if report.ManifestCID.Defined() {
			fmt.Fprintf(w, "lineage manifest %s\n", report.ManifestCID)
		}
		if report.Signer != "" {
			fmt.Fprintf(w, "signature %s: verified\n", verifyPrintable(report.Signer))
		}
		for _, fr := range report.Files {
			if fr.Err == nil {
				fmt.Fprintf(w, "file %s: ok\n", verifyPrintable(fr.Path))
			} else {
				fmt.Fprintf(w, "file %s: %s\n", verifyPrintable(fr.Path), verifyPrintable(fr.Err.Error()))
			}
		}
	}
	return verifyOutcome(c, verr, report.Problems, f.quiet)
}

// verifyOMSJSON is the shape of verify --json for an OMS bundle
// (docs/json.md): verify's own members where they mean the same thing, and
// "format": "oms" with the bundle's method and model.
type verifyOMSJSON struct {
	OK         bool                  `json:"ok"`
	Format     string                `json:"format"`
	Method     string                `json:"method"`
	Model      *verifyOMSModelJSON   `json:"model,omitempty"`
	Manifest   *verifyManifestJSON   `json:"manifest,omitempty"`
	Signatures []verifySignatureJSON `json:"signatures"`
	Files      []verifyFileJSON      `json:"files"`
	Problems   []string              `json:"problems"`
}

type verifyOMSModelJSON struct {
	Name          string `json:"name"`
	PredicateType string `json:"predicateType"`
	SHA256        string `json:"sha256,omitempty"`
}

func verifyOMSJSONOf(r *attest.OMSReport) verifyOMSJSON {
	out := verifyOMSJSON{OK: r.OK(), Format: "oms", Method: r.Method, Files: verifyFilesJSON(r.Files), Problems: errorStrings(r.Problems)}
	if st := r.Statement; st != nil {
		out.Model = &verifyOMSModelJSON{Name: st.ModelName, PredicateType: st.PredicateType, SHA256: st.RootDigest}
	}
	if r.ManifestCID.Defined() {
		out.Manifest = &verifyManifestJSON{CID: r.ManifestCID.String()}
	}
	// An OMS bundle holds one signature; signer is who verified it.
	sig := verifySignatureJSON{Index: 0, Signer: r.Signer, Verified: r.Signer != ""}
	if !sig.Verified && len(r.Problems) > 0 {
		// VerifyOMS stops at a signature that does not verify: that is its
		// one problem.
		sig.Error = r.Problems[0].Error()
	}
	out.Signatures = []verifySignatureJSON{sig}
	return out
}
