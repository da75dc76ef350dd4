package attest

import (
	"context"
	"crypto/ed25519"
	"errors"
	"fmt"
	"maps"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/aiprov/aiprov/provenance"
	"github.com/ipfs/go-cid"
)

// Errors a Report's problems match with errors.Is.
var (
	// ErrUntrustedSigner: no trusted key verifies a signature. On its own it
	// is not a failure (an envelope may carry signatures the policy does not
	// care about); the policy's thresholds decide.
	ErrUntrustedSigner = errors.New("no trusted key verifies this signature")
	// ErrPolicyNotMet: a rule of the trust policy does not hold.
	ErrPolicyNotMet = errors.New("trust policy not met")
	// ErrManifestMismatch: the attested manifest is not the one expected,
	// or its CID does not match its content.
	ErrManifestMismatch = errors.New("manifest does not match")
	// ErrSubjectMismatch: a file differs from the subject digest that was
	// signed, is missing, or is not covered by the manifest.
	ErrSubjectMismatch = errors.New("file does not match the signed subject")
	// ErrNoTrustedKeys: verification was asked for without any key to trust.
	ErrNoTrustedKeys = errors.New("no trusted keys: give keys or a policy")
)

// VerifyOptions say what to trust and what else to check.
type VerifyOptions struct {
	// Policy lists trusted keys, their roles, and threshold rules.
	Policy *Policy
	// Keys are trusted in addition to the policy's keys, with no roles.
	// Without a policy, one valid signature by any of them is required.
	Keys []Verifier
	// ManifestCID, when defined, is the manifest the attestation must be
	// about (for example the CID of a manifest file the caller holds).
	ManifestCID cid.Cid
	// Dir, when set, is the artifact on disk: a directory whose files must
	// match the manifest's files exactly (hidden files are ignored, as IPFS
	// adds do by default), or a single file whose sha256 must be a subject.
	Dir string
	// Domain, when set, is the EIP-712 domain Ethereum signatures must use
	// (a Policy may pin one too; both must then agree). Without one, an
	// EIP-712 signature made for any chain or contract verifies, and the
	// report says so in Notes.
	Domain *Domain
	// Params are the import parameters the manifest's CIDs were computed
	// with, for checking Dir (zero: provenance.DefaultParams).
	Params provenance.Params
	// Progress, if set, is called as Dir's bytes are hashed, as
	// provenance.CheckOptions.Progress is.
	Progress func(done, total int64)
}

// Report is the outcome of a verification: what was verified, each
// signature's fate, each rule's, each file's, and every problem found.
type Report struct {
	Manifest    *provenance.Manifest // nil when it could not be decoded
	ManifestCID cid.Cid
	Statement   *Statement // for DSSE envelopes
	Signatures  []SignatureResult
	Rules       []RuleResult
	Files       []FileResult
	// Problems lists every failure; the verification holds when it is empty.
	Problems []error
	// Notes say what a verification that holds does not prove, such as
	// EIP-712 signatures accepted under a domain nobody pinned.
	Notes []string
}

// SignatureResult is the fate of one signature.
type SignatureResult struct {
	Index  int
	KeyID  string // as the envelope or signature file claims
	Signer string // the identity that verified it, "" if none
	Name   string // the trusted key's name from the policy
	Err    error  // nil when verified by a trusted key
}

// FileResult is the check of one file against the manifest.
type FileResult struct {
	Path string
	Err  error // nil when the file matches the manifest (size, SHA-256, CID)
}

// OK reports whether everything held.
func (r *Report) OK() bool { return len(r.Problems) == 0 }

// Err returns nil when everything held, or all problems joined.
func (r *Report) Err() error {
	if len(r.Problems) == 0 {
		return nil
	}
	return errors.Join(r.Problems...)
}

func (r *Report) problem(err error) { r.Problems = append(r.Problems, err) }

// uncheckedError says that signatures were not checked because the
// manifest they sign did not verify. It names that cause without repeating
// it (the cause is a problem of its own) and matches it with errors.Is.
type uncheckedError struct {
	what  string
	cause error
}

func (e *uncheckedError) Error() string {
	return e.what + " not checked: the manifest they sign did not verify"
}

func (e *uncheckedError) Unwrap() error { return e.cause }

func (opts *VerifyOptions) compile() (*compiledPolicy, error) {
	var c *compiledPolicy
	if opts.Policy != nil {
		var err error
		if c, err = opts.Policy.compile(); err != nil {
			return nil, err
		}
	} else {
		c = &compiledPolicy{keys: map[string]*trusted{}}
	}
	for _, v := range opts.Keys {
		pk, _ := v.(*PublicKey)
		if err := c.add(pk, v, "", nil); err != nil {
			return nil, err
		}
	}
	if len(c.order) == 0 {
		return nil, ErrNoTrustedKeys
	}
	if d := opts.Domain; d != nil {
		if c.domain != nil && *c.domain != *d {
			return nil, fmt.Errorf("%w: the policy pins EIP-712 domain %s, the options %s", ErrMalformedPolicy, c.domain, d)
		}
		c.domain = d
	}
	return c, nil
}

// Bundle is what is verified together: signatures over one manifest.
// Signatures from the envelope and the Ethereum signatures are pooled for
// the policy, so contributors may co-sign in different formats.
type Bundle struct {
	// Envelope is a DSSE envelope holding a lineage statement.
	Envelope *Envelope
	// EthSignatures are EIP-712 or EIP-191 signatures over the manifest.
	EthSignatures []*EthSignature
	// Manifest is the manifest, needed when there is no envelope to carry
	// it; with an envelope it must be the one the envelope carries.
	Manifest *provenance.Manifest
}

// Verify checks everything about a bundle: each signature against the
// trusted keys; the policy's rules; for an envelope, the statement's form,
// that the manifest in the predicate has the CID it claims and implies
// exactly the statement's subjects; for Ethereum signatures, that they
// cover this manifest (and opts.Domain); and optionally the expected
// manifest CID and the artifact's files. The report is always returned;
// the error is report.Err().
func Verify(ctx context.Context, b Bundle, opts VerifyOptions) (*Report, error) {
	pol, err := opts.compile()
	if err != nil {
		r := &Report{}
		r.problem(err)
		return r, r.Err()
	}
	r := verifyBundle(ctx, b, opts, pol)
	return r, r.Err()
}

// verifyBundle is Verify with a compiled policy.
func verifyBundle(ctx context.Context, b Bundle, opts VerifyOptions, pol *compiledPolicy) *Report {
	r := &Report{}
	var verified []string
	var manifestErr error // why the manifest did not verify, if it did not
	if env := b.Envelope; env != nil {
		if env.PayloadType != PayloadTypeInToto {
			r.problem(fmt.Errorf("%w: payloadType is %q, want %q", ErrMalformedEnvelope, env.PayloadType, PayloadTypeInToto))
		}
		var pae []byte // built only when a signature still needs checking
		trials := maxKeyTrials
		for i, s := range env.Signatures {
			if pae == nil {
				pae = PAE(env.PayloadType, env.Payload)
			}
			res := pol.verifyDSSE(i, s, pae, &trials)
			if res.Err == nil {
				verified = append(verified, res.Signer)
			} else if !errors.Is(res.Err, ErrUntrustedSigner) {
				r.problem(fmt.Errorf("signature %d (%s): %w", i, displayKeyID(s.KeyID), res.Err))
			}
			r.Signatures = append(r.Signatures, res)
		}
		n := len(r.Problems)
		st, lp, err := parseLineageStatement(env.Payload)
		if err != nil {
			r.problem(err)
		} else {
			r.Statement = st
			r.checkLineage(st, lp)
		}
		if r.Manifest == nil && len(r.Problems) > n {
			manifestErr = r.Problems[n]
		}
	}
	if b.Manifest != nil {
		mcid, err := b.Manifest.CID()
		switch {
		case err != nil:
			r.problem(err)
			if manifestErr == nil {
				manifestErr = err
			}
		case r.ManifestCID.Defined() && !r.ManifestCID.Equals(mcid):
			r.problem(fmt.Errorf("%w: the envelope attests manifest %s, the manifest given is %s", ErrManifestMismatch, r.ManifestCID, mcid))
		case b.Envelope == nil:
			r.Manifest, r.ManifestCID = b.Manifest, mcid
			if err := b.Manifest.Validate(); err != nil {
				r.problem(fmt.Errorf("%w: the manifest given is invalid: %w", ErrManifestMismatch, err))
			}
		}
	}
	if len(b.EthSignatures) > 0 {
		verified = append(verified, r.verifyEth(pol, b.EthSignatures, len(r.Signatures), pol.domain, manifestErr)...)
	}
	if b.Envelope == nil && len(b.EthSignatures) == 0 {
		r.problem(errors.New("attest: nothing to verify: no envelope and no signatures"))
	}
	r.checkRest(ctx, pol, verified, opts)
	return r
}

// keyIDOwner returns the canonical identity of the trusted key a DSSE key ID
// names, or "".
func (c *compiledPolicy) keyIDOwner(keyID string) string {
	if keyID == "" {
		return ""
	}
	if c.keys[keyID] != nil { // the usual case: the key ID is canonical
		return keyID
	}
	id := keyID
	if pk, err := ParseIdentity(keyID); err == nil {
		id = pk.ID()
	}
	if c.keys[id] == nil {
		return ""
	}
	return id
}

// displayKeyID shows an untrusted key ID safely: shortened, and quoted so
// that control characters cannot reach a terminal.
func displayKeyID(k string) string {
	if k == "" {
		return "no keyid"
	}
	if len(k) > 80 {
		k = k[:80] + "…"
	}
	return "keyid " + strconv.QuoteToGraphic(k)
}

// maxKeyTrials bounds, per envelope, how many trusted keys are tried on
// signatures whose key ID names none (cosign writes empty key IDs): without
// it, many junk signatures against a large policy would cost hours.
const maxKeyTrials = 1024

// verifyDSSE finds the trusted key that made signature i over pae. trials
// is the envelope's remaining budget of keys tried without a key ID match.
func (c *compiledPolicy) verifyDSSE(i int, s Signature, pae []byte, trials *int) SignatureResult {
	res := SignatureResult{Index: i, KeyID: s.KeyID}
	// The key ID is a hint: it picks which key to try first, and a trusted
	// key it names must verify the signature.
	if id := c.keyIDOwner(s.KeyID); id != "" {
		if t := c.keys[id]; t != nil {
			if err := t.v.Verify(pae, s.Sig); err != nil {
				res.Err = err
				return res
			}
			res.Signer, res.Name = id, t.name
			return res
		}
	}
	if len(s.Sig) == 65 {
		// Possibly secp256k1: recover once instead of trying each address.
		if addr, err := RecoverAddress(PersonalSignHash(pae), s.Sig); err == nil {
			if t := c.keys[addr.Hex()]; t != nil {
				res.Signer, res.Name = addr.Hex(), t.name
				return res
			}
		}
	}
	for _, t := range c.order {
		if t.key != nil && (t.key.alg == Secp256k1 ||
			t.key.alg == Ed25519 && len(s.Sig) != ed25519.SignatureSize) {
			continue
		}
		if *trials <= 0 {
			res.Err = fmt.Errorf("%w (stopped after trying %d keys on signatures without a matching key ID)", ErrUntrustedSigner, maxKeyTrials)
			return res
		}
		*trials--
		if t.v.Verify(pae, s.Sig) == nil {
			res.Signer, res.Name = t.v.ID(), t.name
			if t.key != nil {
				res.Signer = t.key.ID()
			}
			return res
		}
	}
	res.Err = ErrUntrustedSigner // the result holds the key ID
	return res
}

// checkLineage decodes the predicate's manifest and checks that it has
// the CID the predicate claims and implies exactly the statement's subjects.
func (r *Report) checkLineage(st *Statement, lp *LineagePredicate) {
	// One pass from DAG-JSON to the DAG-CBOR the CID is computed over,
	// rather than decoding the manifest and encoding it again.
	m, actual, err := provenance.ReadManifest(lp.Manifest)
	if err == nil && cidStringIs(actual, lp.ManifestCID) {
		// The usual case: the claim is the canonical string of the CID.
		r.ManifestCID = actual
	} else {
		claimed, cerr := cid.Decode(lp.ManifestCID)
		if cerr != nil {
			r.problem(fmt.Errorf("%w: predicate manifestCid %q: %v", ErrMalformedStatement, lp.ManifestCID, cerr))
			return
		}
		if claimed.String() != lp.ManifestCID {
			// One CID, one string: other bases, upper case or stray bytes
			// would let two statements name one manifest differently.
			r.problem(fmt.Errorf("%w: predicate manifestCid %q is not in canonical form (%s)", ErrMalformedStatement, lp.ManifestCID, claimed))
			return
		}
		r.ManifestCID = claimed
		if err != nil {
			r.problem(fmt.Errorf("%w: predicate manifest: %w", ErrMalformedStatement, err))
			return
		}
		if !actual.Equals(claimed) {
			r.problem(fmt.Errorf("%w: predicate claims manifest %s but its content hashes to %s", ErrManifestMismatch, claimed, actual))
			return
		}
	}
	r.Manifest = m
	if err := m.Validate(); err != nil {
		r.problem(fmt.Errorf("%w: the signed manifest is invalid: %w", ErrManifestMismatch, err))
	}
	if subjectsMatch(st.Subject, m) {
		return
	}
	want, err := StatementSubjects(m)
	if err != nil {
		r.problem(err)
		return
	}
	r.compareSubjects(st.Subject, want)
}

func (r *Report) compareSubjects(got, want []StatementSubject) {
	byName := make(map[string]StatementSubject, len(got))
	for _, s := range got {
		if _, dup := byName[s.Name]; dup {
			r.problem(fmt.Errorf("%w: subject %q appears twice", ErrMalformedStatement, s.Name))
			return
		}
		byName[s.Name] = s
	}
	for _, w := range want {
		g, ok := byName[w.Name]
		if !ok {
			r.problem(fmt.Errorf("%w: the manifest lists %q but the statement has no such subject", ErrManifestMismatch, w.Name))
			continue
		}
		delete(byName, w.Name)
		for alg, d := range w.Digest {
			if g.Digest[alg] != d {
				r.problem(fmt.Errorf("%w: subject %q digest %s is %q, but the manifest says %q", ErrManifestMismatch, w.Name, alg, g.Digest[alg], d))
			}
		}
		for alg := range g.Digest {
			if _, ok := w.Digest[alg]; !ok {
				r.problem(fmt.Errorf("%w: subject %q has a %s digest the manifest does not imply", ErrManifestMismatch, w.Name, alg))
			}
		}
	}
	extra := make([]string, 0, len(byName))
	for name := range byName {
		extra = append(extra, name)
	}
	slices.Sort(extra)
	for _, name := range extra {
		r.problem(fmt.Errorf("%w: subject %q is not in the manifest", ErrManifestMismatch, name))
	}
}

// checkRest applies the policy, the expected manifest CID and the files.
func (r *Report) checkRest(ctx context.Context, pol *compiledPolicy, verified []string, opts VerifyOptions) {
	r.Rules = pol.evaluate(verified, r.Manifest)
	for _, rr := range r.Rules {
		if !rr.Satisfied {
			r.problem(fmt.Errorf("%w: rule %q: %d valid trusted signature(s), %d needed", ErrPolicyNotMet, rr.Rule, len(rr.Signers), rr.Rule.Threshold))
		}
	}
	if opts.ManifestCID.Defined() && r.ManifestCID.Defined() && !opts.ManifestCID.Equals(r.ManifestCID) {
		r.problem(fmt.Errorf("%w: attestation is for manifest %s, expected %s", ErrManifestMismatch, r.ManifestCID, opts.ManifestCID))
	}
	if opts.Dir != "" {
		if r.Manifest == nil {
			r.problem(fmt.Errorf("%w: cannot check %s: no verified manifest", ErrSubjectMismatch, opts.Dir))
			return
		}
		r.checkFiles(ctx, opts.Dir, &provenance.CheckOptions{Params: opts.Params, Progress: opts.Progress})
	}
}

// checkFiles checks the artifact at dir against the verified manifest with
// provenance.CheckManifest, in full: every listed file by size, SHA-256
// and CID, every other entry of the directory reported, and the root CID
// recomputed (all there is to check when the manifest lists no files).
func (r *Report) checkFiles(ctx context.Context, dir string, copts *provenance.CheckOptions) {
	cr, err := provenance.CheckManifest(ctx, r.Manifest, dir, copts)
	if err != nil {
		r.problem(fmt.Errorf("%w: checking %s: %w", ErrSubjectMismatch, dir, err))
		return
	}
	bad := map[string]error{}
	for _, c := range cr.Changed {
		bad[c.Path] = fmt.Errorf("%w: %s: %s", ErrSubjectMismatch, c.Path, c.Reason())
	}
	for _, path := range cr.Missing {
		bad[path] = fmt.Errorf("%w: %s is missing", ErrSubjectMismatch, path)
	}
	for _, f := range cr.Refused {
		bad[f.Path] = fmt.Errorf("%w: %s refused: %s", ErrSubjectMismatch, f.Path, f.Reason)
	}
	files := r.Manifest.Subject.Files
	if st, err := os.Stat(dir); err == nil && st.Mode().IsRegular() && len(files) > 1 {
		// One file of many: it matched one of them, or it is Extra below.
		if cr.Checked == 1 {
			r.Files = append(r.Files, FileResult{Path: dir})
		}
		files = nil
	}
	for _, f := range files {
		err := bad[f.Path]
		delete(bad, f.Path)
		r.Files = append(r.Files, FileResult{Path: f.Path, Err: err})
	}
	for _, f := range cr.Refused { // refused entries the manifest does not list
		if err, ok := bad[f.Path]; ok {
			r.Files = append(r.Files, FileResult{Path: f.Path, Err: err})
		}
	}
	for _, path := range cr.Extra {
		r.Files = append(r.Files, FileResult{Path: path, Err: fmt.Errorf("%w: %s is not covered by the signed manifest", ErrSubjectMismatch, path)})
	}
	for _, f := range r.Files {
		if f.Err != nil {
			r.problem(f.Err)
		}
	}
	if cr.RootCID.Defined() && !cr.RootMatches {
		r.problem(fmt.Errorf("%w: %s hashes to root CID %s, the signed manifest says %s", ErrSubjectMismatch, dir, cr.RootCID, r.Manifest.Subject.CID))
	}
}

// verifyEth checks Ethereum signatures against the report's manifest.
// Without one, manifestErr says why: the manifest given or carried did not
// verify (nil: none was given).
func (r *Report) verifyEth(pol *compiledPolicy, sigs []*EthSignature, index0 int, domain *Domain, manifestErr error) []string {
	if r.Manifest == nil {
		var err error = &uncheckedError{what: "Ethereum signatures", cause: manifestErr}
		if manifestErr == nil {
			err = fmt.Errorf("%w: Ethereum signatures need the manifest they sign (Bundle.Manifest)", ErrManifestMismatch)
		}
		r.problem(err)
		for i, s := range sigs {
			r.Signatures = append(r.Signatures, SignatureResult{Index: index0 + i, KeyID: s.Signer.Hex(), Err: err})
		}
		return nil
	}
	want, err := NewManifestAttestation(r.Manifest, r.ManifestCID)
	if err != nil {
		r.problem(err)
		return nil
	}
	var verified []string
	unpinned := map[Domain]bool{}
	for i, s := range sigs {
		res := SignatureResult{Index: index0 + i, KeyID: s.Signer.Hex()}
		res.Err = checkEthSignature(s, want, domain)
		if res.Err == nil && domain == nil && s.Format == FormatEIP712 {
			d, _, _ := s.TypedData.Parse()
			unpinned[d] = true
		}
		if res.Err == nil {
			addr := s.Signer.Hex()
			if t := pol.keys[addr]; t != nil {
				res.Signer, res.Name = addr, t.name
				verified = append(verified, addr)
			} else {
				res.Err = ErrUntrustedSigner // the key ID is the address
			}
		}
		if res.Err != nil && !errors.Is(res.Err, ErrUntrustedSigner) {
			r.problem(fmt.Errorf("signature %d (%s by %s): %w", res.Index, s.Format, s.Signer.Hex(), res.Err))
		}
		r.Signatures = append(r.Signatures, res)
	}
	for _, d := range slices.SortedFunc(maps.Keys(unpinned), func(a, b Domain) int { return strings.Compare(a.String(), b.String()) }) {
		r.Notes = append(r.Notes, fmt.Sprintf("EIP-712 domain not pinned: signatures made for %s were accepted, as they would be for any chain or contract; pin the domain (VerifyOptions.Domain, the policy's eip712Domain, or verify --chain-id/--contract)", d))
	}
	return verified
}

func checkEthSignature(s *EthSignature, want ManifestAttestation, domain *Domain) error {
	addr, err := s.Recover()
	if err != nil {
		return err
	}
	if addr != s.Signer {
		return fmt.Errorf("%w: made by %s, not the stated signer", ErrBadSignature, addr.Hex())
	}
	if s.ManifestCID != "" {
		// The canonical string only: one manifest, one name.
		if s.ManifestCID != mustCID(want.ManifestDigest).String() {
			return fmt.Errorf("%w: signature file names manifest %q, not %s in canonical form", ErrManifestMismatch, s.ManifestCID, mustCID(want.ManifestDigest))
		}
	}
	switch s.Format {
	case FormatEIP712:
		d, got, err := s.TypedData.Parse()
		if err != nil {
			return err
		}
		if domain != nil && d != *domain {
			return fmt.Errorf("%w: signed for EIP-712 domain %+v, expected %+v", ErrManifestMismatch, d, *domain)
		}
		if got.ManifestDigest != want.ManifestDigest {
			return fmt.Errorf("%w: signed manifestDigest 0x%x, the manifest's is 0x%x", ErrManifestMismatch, got.ManifestDigest, want.ManifestDigest)
		}
		want.RoyaltyShare = got.RoyaltyShare // the signer's choice, not a fact of the manifest
		if !got.Equal(want) {
			return fmt.Errorf("%w: signed message %+v differs from the manifest's %+v", ErrManifestMismatch, got, want)
		}
	case FormatEIP191:
		d, err := s.ManifestDigest()
		if err != nil {
			return err
		}
		if d != want.ManifestDigest {
			return fmt.Errorf("%w: signed digest 0x%x, the manifest's is 0x%x", ErrManifestMismatch, d, want.ManifestDigest)
		}
	}
	return nil
}

// mustCID rebuilds a manifest CID (CIDv1 dag-cbor sha2-256) from its digest.
func mustCID(d [32]byte) cid.Cid {
	buf := append([]byte{0x12, 0x20}, d[:]...)
	return cid.NewCidV1(cid.DagCBOR, buf)
}
