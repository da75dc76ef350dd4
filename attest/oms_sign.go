package attest

import (
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"path/filepath"

	"github.com/ipfs/go-cid"
)

// OMSSignOptions say how SignOMS signs a model.
type OMSSignOptions struct {
	// Signer signs the bundle: a NIST P-256, P-384 or P-521 key. It must
	// have a Public() *PublicKey method (*PrivateKey has) so that the
	// bundle can name the key.
	Signer Signer
	// Certificates, for certificate-based signing, are the signer's X.509
	// leaf (whose key must be the Signer's) followed by its chain towards
	// the root; empty for key-based signing.
	Certificates []*x509.Certificate
	// IgnorePaths are left out of the model: relative to the model root,
	// or absolute paths inside it. They are recorded in the bundle.
	IgnorePaths []string
	// IncludeGitPaths hashes .git, .gitattributes, .github and .gitignore
	// too, which OMS leaves out by default.
	IncludeGitPaths bool
	// AllowSymlinks hashes a symbolic link's target under the link's name
	// when the target is a regular file inside the model; without it a
	// link is an error. Links leading outside the model are never followed.
	AllowSymlinks bool
	// SignaturePath is where the bundle will be written; when it lies
	// inside the model it is left out (and recorded as ignored).
	SignaturePath string
	// ModelName is the statement subject's name; default the base name of
	// the model path.
	ModelName string
	// ManifestCID, when defined, names the model's aiprov lineage manifest
	// in the subject's annotations (OMSManifestAnnotation).
	ManifestCID cid.Cid
	// Progress, if set, is called as the model's bytes are hashed, with
	// the bytes done and the total; never concurrently.
	Progress func(done, total int64)
}

// SignOMS signs the model at modelPath (a directory or a single file) as
// an OMS v1.0 bundle: every file's SHA-256 as a resource, sorted by name;
// the subject digest over the resource digests; serialization "files" with
// the ignore paths recorded; a DSSE signature by opts.Signer; and the
// signer's key hint, or its certificate chain, as verification material.
//
// Files are chosen as model_signing chooses them: every regular file,
// hidden ones included, except the default and given ignore paths and the
// signature file; a symbolic link is an error unless AllowSymlinks; an
// empty model is an error. A single-file model's resource is named ".",
// as model_signing v1.1 names it (its verifier accepts nothing else; the
// spec asks for the file name, which VerifyOMS accepts too).
func SignOMS(ctx context.Context, modelPath string, opts OMSSignOptions) (*OMSBundle, error) {
	if opts.Signer == nil {
		return nil, errors.New("attest: OMS signing needs a signer")
	}
	withPub, ok := opts.Signer.(interface{ Public() *PublicKey })
	if !ok {
		return nil, errors.New("attest: the OMS signer must have a Public() *PublicKey method, to name its key in the bundle")
	}
	pub := withPub.Public()
	if !isNIST(pub.Algorithm()) {
		return nil, fmt.Errorf("%w: OMS bundles are signed with ECDSA P-256, P-384 or P-521 keys, not %s", ErrWrongAlgorithm, pub.Algorithm())
	}
	stmt, err := omsStatementFor(ctx, modelPath, opts)
	if err != nil {
		return nil, err
	}
	payload, err := stmt.marshal()
	if err != nil {
		return nil, err
	}
	b := &OMSBundle{MediaType: OMSBundleMediaType, Envelope: &Envelope{PayloadType: PayloadTypeInToto, Payload: payload}}
	if len(opts.Certificates) == 0 {
		b.method = OMSMethodKey
		if b.PublicKeyHint, err = omsKeyHint(pub); err != nil {
			return nil, err
		}
	} else {
		b.method = OMSMethodCertificate
		leafKey, err := fromCryptoPublic(opts.Certificates[0].PublicKey)
		if err != nil {
			return nil, fmt.Errorf("attest: signing certificate: %w", err)
		}
		if !leafKey.Equal(pub) {
			return nil, fmt.Errorf("attest: the signing certificate's key (%s) is not the signer's (%s)", leafKey.ID(), pub.ID())
		}
		for _, c := range opts.Certificates {
			b.Certificates = append(b.Certificates, c.Raw)
		}
	}
	sig, err := opts.Signer.Sign(ctx, PAE(PayloadTypeInToto, payload))
	if err != nil {
		return nil, fmt.Errorf("attest: signing as %s: %w", opts.Signer.ID(), err)
	}
	b.Envelope.Signatures = []Signature{{Sig: sig}}
	return b, nil
}

// omsStatementFor hashes the model and builds its statement.
func omsStatementFor(ctx context.Context, modelPath string, opts OMSSignOptions) (*OMSStatement, error) {
	rules := newOMSFileRules(modelPath, opts.AllowSymlinks, opts.IncludeGitPaths, nil, opts.IgnorePaths, opts.SignaturePath)
	root, names, err := omsListFiles(ctx, modelPath, rules, nil)
	if err != nil {
		return nil, fmt.Errorf("attest: %w", err)
	}
	if root != nil {
		defer root.Close()
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("attest: %w: %s has no files to sign (after leaving out %v)", ErrOMSModel, modelPath, rules.ignore)
	}
	digests, errs := omsHashFiles(ctx, modelPath, root, names, opts.Progress)
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("attest: hashing the model: %w", err)
	}
	s := &OMSStatement{
		PredicateType: PredicateTypeOMS,
		ModelName:     opts.ModelName,
		Serialization: OMSSerialization{Method: "files", HashType: "sha256", AllowSymlinks: opts.AllowSymlinks, IgnorePaths: rules.ignore},
	}
	if s.ModelName == "" {
		abs, err := filepath.Abs(modelPath)
		if err != nil {
			return nil, err
		}
		s.ModelName = filepath.Base(abs)
	}
	if root == nil {
		// Ignore paths mean nothing for a single file.
		s.Serialization.IgnorePaths = nil
	}
	for i, name := range names {
		s.Resources = append(s.Resources, OMSResource{Name: name, Algorithm: "sha256", Digest: digests[i]})
	}
	if s.RootDigest, err = omsRootDigest(s.Resources); err != nil {
		return nil, err
	}
	if opts.ManifestCID.Defined() {
		s.ManifestCID = opts.ManifestCID.String()
	}
	return s, nil
}
