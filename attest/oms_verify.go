package attest

import (
	"context"
	"crypto/ecdsa"
	"crypto/x509"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"time"

	"github.com/ipfs/go-cid"
)

// OMSVerifyOptions say what VerifyOMS trusts and how it reads the model.
type OMSVerifyOptions struct {
	// Keys are trusted for key-based bundles (NIST P-256, P-384, P-521).
	Keys []*PublicKey
	// Roots are the trust anchors for certificate-based bundles: the
	// bundle's leaf must chain to one of them through the bundle's other
	// certificates.
	Roots []*x509.Certificate
	// Time is when the certificate chain must be valid; zero means now.
	// (model_signing checks at the leaf's NotBefore instead; OMS asks for
	// a leaf within its validity period.)
	Time time.Time
	// IgnorePaths are left out of the model in addition to the default
	// ones and those the bundle records: relative to the model root, or
	// absolute paths inside it.
	IgnorePaths []string
	// IncludeGitPaths looks at .git, .gitattributes, .github, .gitignore.
	IncludeGitPaths bool
	// IgnoreUnsignedFiles accepts files the bundle does not list (every
	// listed file must still match).
	IgnoreUnsignedFiles bool
	// AllowSymlinks follows symbolic links inside the model (never out of
	// it) when the bundle also says links were allowed.
	AllowSymlinks bool
	// SignaturePath is the bundle's own path, left out of the model.
	SignaturePath string
	// Progress, if set, is called as the model's bytes are hashed, as
	// VerifyOptions.Progress is.
	Progress func(done, total int64)
}

// OMSReport is the outcome of verifying an OMS bundle.
type OMSReport struct {
	Method    string            // OMSMethodKey, OMSMethodCertificate, OMSMethodSigstore
	Signer    string            // the trusted key's identity, or the leaf's subject
	Leaf      *x509.Certificate // certificate-based bundles
	Statement *OMSStatement     // nil when the payload did not parse
	// ManifestCID is the aiprov lineage manifest the statement names
	// (OMSManifestAnnotation), undefined if none.
	ManifestCID cid.Cid
	Files       []FileResult
	// Problems lists every failure; the verification holds when it is empty.
	Problems []error
}

// OK reports whether everything held.
func (r *OMSReport) OK() bool { return len(r.Problems) == 0 }

// Err returns nil when everything held, or all problems joined.
func (r *OMSReport) Err() error { return errors.Join(r.Problems...) }

func (r *OMSReport) problem(err error) { r.Problems = append(r.Problems, err) }

// VerifyOMS verifies an OMS bundle and the model at modelPath (a directory
// or a single file): the signature, against opts.Keys (key bundles) or
// through the bundle's chain to opts.Roots (certificate bundles); the
// statement (in-toto v1, OMS v1.0 predicate or model_signing v0.2's); and
// every file, hashed under the same rules as SignOMS with the bundle's
// recorded ignore paths. Historical bundles verify where the OMS spec says
// a verifier should: raw public key bytes instead of a hint, keyid null,
// no ignore paths, the v0.2 predicate and v0.2's pre-authentication
// encoding. Keyless (sigstore) bundles are refused with ErrOMSUnsupported.
// The report is always returned; the error is report.Err().
func VerifyOMS(ctx context.Context, b *OMSBundle, modelPath string, opts OMSVerifyOptions) (*OMSReport, error) {
	r := &OMSReport{Method: b.method}
	if b.Envelope == nil || len(b.Envelope.Signatures) != 1 {
		r.problem(fmt.Errorf("%w: an OMS bundle has one DSSE signature", ErrMalformedOMSBundle))
		return r, r.Err()
	}
	if b.Envelope.PayloadType != PayloadTypeInToto {
		r.problem(fmt.Errorf("%w: payloadType is %q, want %q", ErrMalformedOMSBundle, b.Envelope.PayloadType, PayloadTypeInToto))
		return r, r.Err()
	}
	var err error
	switch b.method {
	case OMSMethodKey:
		err = r.verifyKey(b, opts.Keys)
	case OMSMethodCertificate:
		err = r.verifyCertificate(b, opts)
	case OMSMethodSigstore:
		err = fmt.Errorf("%w: keyless (sigstore) bundles need Sigstore's trust root and transparency log checks, which aiprov does not do", ErrOMSUnsupported)
	default:
		err = fmt.Errorf("%w: no verification material", ErrMalformedOMSBundle)
	}
	if err != nil {
		// Nothing the payload says counts before its signature verifies.
		r.problem(err)
		return r, r.Err()
	}
	st, err := ParseOMSStatement(b.Envelope.Payload)
	if err != nil {
		r.problem(err)
		return r, r.Err()
	}
	r.Statement = st
	if st.ManifestCID != "" {
		c, err := cid.Decode(st.ManifestCID)
		if err != nil {
			r.problem(fmt.Errorf("%w: subject annotation %s: %v", ErrMalformedOMSBundle, OMSManifestAnnotation, err))
		} else {
			r.ManifestCID = c
		}
	}
	r.checkModel(ctx, st, modelPath, opts)
	return r, r.Err()
}

// verifyOMSSignature checks the envelope's signature with key over the
// standard PAE and, failing that, over model_signing v0.2's encoding with
// compatHash's rule (the key's own scheme for key bundles, SHA-256 for
// certificate bundles, as v0.2 signed them).
func verifyOMSSignature(env *Envelope, key *PublicKey, compatKey *PublicKey) error {
	sig := env.Signatures[0].Sig
	if key.Verify(PAE(env.PayloadType, env.Payload), sig) == nil {
		return nil
	}
	if compatKey.Verify(paeCompat(env.PayloadType, env.Payload), sig) == nil {
		return nil
	}
	return ErrBadSignature
}

func (r *OMSReport) verifyKey(b *OMSBundle, keys []*PublicKey) error {
	if len(keys) == 0 {
		return fmt.Errorf("%w: a key-based OMS bundle needs a trusted public key", ErrNoTrustedKeys)
	}
	var claimed *PublicKey
	if b.PublicKeyRaw != nil {
		k, err := ParsePublicKey(b.PublicKeyRaw)
		if err != nil {
			return fmt.Errorf("%w: verificationMaterial.publicKey.rawBytes: %w", ErrMalformedOMSBundle, err)
		}
		claimed = k
	}
	tried := 0
	for _, k := range keys {
		if k == nil || !isNIST(k.Algorithm()) {
			continue
		}
		if b.PublicKeyHint != "" {
			if h, err := omsKeyHint(k); err != nil || h != b.PublicKeyHint {
				continue
			}
		}
		if claimed != nil && !claimed.Equal(k) {
			continue
		}
		tried++
		if verifyOMSSignature(b.Envelope, k, k) == nil {
			r.Signer = k.ID()
			return nil
		}
	}
	if tried == 0 {
		if b.PublicKeyHint != "" {
			return fmt.Errorf("%w: the bundle's key hint %s matches none of the %d trusted P-256/P-384/P-521 keys", ErrUntrustedSigner, b.PublicKeyHint, len(keys))
		}
		return fmt.Errorf("%w: the bundle's public key (%s) is none of the trusted P-256/P-384/P-521 keys", ErrUntrustedSigner, claimed.ID())
	}
	return fmt.Errorf("signature: %w", ErrBadSignature)
}

func (r *OMSReport) verifyCertificate(b *OMSBundle, opts OMSVerifyOptions) error {
	if len(opts.Roots) == 0 {
		return fmt.Errorf("%w: a certificate-based OMS bundle needs trust anchors (root certificates)", ErrNoTrustedKeys)
	}
	certs, err := parseCertificates(b.Certificates)
	if err != nil {
		return fmt.Errorf("%w: verificationMaterial.x509CertificateChain: %w", ErrMalformedOMSBundle, err)
	}
	leaf := certs[0]
	roots := x509.NewCertPool()
	for _, c := range opts.Roots {
		roots.AddCert(c)
	}
	inter := x509.NewCertPool()
	for _, c := range certs[1:] {
		inter.AddCert(c)
	}
	at := opts.Time
	if at.IsZero() {
		at = time.Now()
	}
	// Key usage is checked below as model_signing checks it (digital
	// signature, or the code signing extended usage); x509's own check is
	// for TLS server use by default.
	if _, err := leaf.Verify(x509.VerifyOptions{Roots: roots, Intermediates: inter, CurrentTime: at, KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageAny}}); err != nil {
		return fmt.Errorf("%w: certificate chain of %q: %w", ErrUntrustedSigner, leaf.Subject.String(), err)
	}
	if leaf.KeyUsage&x509.KeyUsageDigitalSignature == 0 && !slices.Contains(leaf.ExtKeyUsage, x509.ExtKeyUsageCodeSigning) {
		return fmt.Errorf("%w: certificate %q may not sign (no digital signature key usage, no code signing extended usage)", ErrUntrustedSigner, leaf.Subject.String())
	}
	ec, ok := leaf.PublicKey.(*ecdsa.PublicKey)
	if !ok {
		return fmt.Errorf("%w: certificate %q has a %T key, not ECDSA", ErrWrongAlgorithm, leaf.Subject.String(), leaf.PublicKey)
	}
	key, err := fromCryptoPublic(ec)
	if err != nil {
		return err
	}
	// model_signing v0.2 hashed with SHA-256 whatever the curve.
	compat := &PublicKey{alg: P256, ec: ec}
	if err := verifyOMSSignature(b.Envelope, key, compat); err != nil {
		return fmt.Errorf("signature by certificate %q: %w", leaf.Subject.String(), err)
	}
	r.Signer, r.Leaf = leaf.Subject.String(), leaf
	return nil
}

// checkModel hashes the model and compares it with the statement.
func (r *OMSReport) checkModel(ctx context.Context, st *OMSStatement, modelPath string, opts OMSVerifyOptions) {
	ser := st.Serialization
	if ser.Method != "files" || ser.HashType != "sha256" {
		r.problem(fmt.Errorf("%w: serialization %s with %s (aiprov verifies files with sha256)", ErrOMSUnsupported, ser.Method, ser.HashType))
		return
	}
	rules := newOMSFileRules(modelPath, opts.AllowSymlinks && ser.AllowSymlinks, opts.IncludeGitPaths, ser.IgnorePaths, opts.IgnorePaths, opts.SignaturePath)
	want := make(map[string]string, len(st.Resources))
	for _, res := range st.Resources {
		want[res.Name] = res.Digest
	}
	var only map[string]bool
	if opts.IgnoreUnsignedFiles {
		only = make(map[string]bool, len(want))
		for name := range want {
			only[name] = true
		}
	}
	root, names, err := omsListFiles(ctx, modelPath, rules, only)
	if err != nil {
		r.problem(err)
		return
	}
	if root != nil {
		defer root.Close()
	}
	if root == nil {
		// A single-file model: model_signing v1.1 names it ".", the spec
		// its file name; either is that one file.
		base := filepath.Base(modelPath)
		if _, ok := want["."]; !ok && len(want) == 1 {
			if d, ok := want[base]; ok {
				delete(want, base)
				want["."] = d
			}
		}
	}
	digests, errs := omsHashFiles(ctx, modelPath, root, names, opts.Progress)
	for i, name := range names {
		fr := FileResult{Path: name}
		d, listed := want[name]
		switch {
		case errs[i] != nil:
			fr.Err = errs[i]
		case !listed:
			fr.Err = fmt.Errorf("%w: %s is not in the signed model (unsigned file)", ErrSubjectMismatch, name)
		case d != digests[i]:
			fr.Err = fmt.Errorf("%w: %s has sha256 %s, the signature says %s", ErrSubjectMismatch, name, digests[i], d)
		}
		delete(want, name)
		if fr.Err != nil {
			r.problem(fr.Err)
		}
		r.Files = append(r.Files, fr)
	}
	missing := make([]string, 0, len(want))
	for name := range want {
		missing = append(missing, name)
	}
	slices.Sort(missing)
	for _, name := range missing {
		fr := FileResult{Path: name, Err: fmt.Errorf("%w: %s is signed but missing from the model (or ignored, or not a regular file)", ErrSubjectMismatch, name)}
		r.problem(fr.Err)
		r.Files = append(r.Files, fr)
	}
}
