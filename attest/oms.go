package attest

import (
	"bytes"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// OpenSSF Model Signing (OMS) v1.0 identifiers.
const (
	// OMSBundleMediaType is the Sigstore bundle media type OMS bundles use
	// (the only one model_signing accepts).
	OMSBundleMediaType = "application/vnd.dev.sigstore.bundle.v0.3+json"
	// PredicateTypeOMS is the predicate type of an OMS v1.0 statement.
	PredicateTypeOMS = "https://model_signing/signature/v1.0"
	// PredicateTypeOMSv01 is the predicate type model_signing v0.2 wrote:
	// one statement subject per file, no serialization record. Verified,
	// never written.
	PredicateTypeOMSv01 = "https://model_signing/Digests/v0.1"
	// OMSManifestAnnotation is the key, in the annotations of an OMS
	// statement's subject, under which aiprov names the lineage manifest
	// (its CID string). in-toto resource descriptors carry annotations;
	// OMS verifiers read only the subject's name and sha256 digest, so the
	// bundle stays a plain OMS bundle to them.
	OMSManifestAnnotation = "aiprov.dev/manifestCid"
)

// OMS signing methods: what a bundle's verification material holds.
const (
	OMSMethodKey         = "key"         // a public key hint (or, before v1.1, its raw bytes)
	OMSMethodCertificate = "certificate" // an X.509 leaf and its chain
	OMSMethodSigstore    = "sigstore"    // a Fulcio certificate and Rekor entries (keyless)
)

// Limits on untrusted OMS bundles, beyond MaxEnvelopeSize for the whole.
const (
	maxOMSCertificates = 16
	maxOMSResources    = 1 << 20
	maxOMSIgnorePaths  = 4096
	maxOMSTlogEntries  = 64
)

// ErrMalformedOMSBundle is matched by every OMS bundle or statement parsing
// error.
var ErrMalformedOMSBundle = errors.New("malformed OMS bundle")

// ErrOMSUnsupported is matched when a bundle is well formed but uses what
// aiprov does not verify offline (keyless Sigstore signatures, shard
// serialization, hashes other than sha256).
var ErrOMSUnsupported = errors.New("unsupported OMS bundle feature")

// OMSBundle is an OMS bundle: a Sigstore bundle (v0.3) holding a DSSE
// envelope with an in-toto statement about a model, and the material that
// identifies the signer. ParseOMSBundle reads one; SignOMS makes one.
type OMSBundle struct {
	MediaType string
	// Envelope is the DSSE envelope; its payload is the statement.
	Envelope *Envelope
	// PublicKeyHint is, for the key method, the hex SHA-256 of the
	// signer's PKIX public key PEM (model_signing v1.1 on).
	PublicKeyHint string
	// PublicKeyRaw is, for key bundles before v1.1, the public key PEM
	// the bundle carried itself. It is never trusted, only compared.
	PublicKeyRaw []byte
	// Certificates are, for the certificate method, the DER leaf followed
	// by its chain; for the sigstore method, the single Fulcio leaf.
	Certificates [][]byte
	// TlogEntries and TimestampData are kept as read (sigstore method).
	TlogEntries   []json.RawMessage
	TimestampData json.RawMessage

	method string
}

// Method returns OMSMethodKey, OMSMethodCertificate or OMSMethodSigstore.
func (b *OMSBundle) Method() string { return b.method }

// IsOMSBundle reports whether data looks like a Sigstore bundle (a JSON
// object with a Sigstore bundle mediaType) rather than a bare DSSE
// envelope; it does not validate it.
func IsOMSBundle(data []byte) bool {
	var probe struct {
		MediaType string `json:"mediaType"`
	}
	return json.Unmarshal(data, &probe) == nil && strings.HasPrefix(probe.MediaType, "application/vnd.dev.sigstore.bundle")
}

// ParseOMSBundle parses an OMS bundle strictly: one JSON object and nothing
// after it, no duplicate or case-variant keys, no fields the Sigstore
// bundle (v0.3, DSSE content) does not define, exactly one kind of
// verification material, and one DSSE signature. Historical forms that
// model_signing wrote from v0.2 on parse too (publicKey.rawBytes and
// keyDetails, keyid null, tlogEntries absent).
func ParseOMSBundle(data []byte) (*OMSBundle, error) {
	if len(data) > MaxEnvelopeSize {
		return nil, fmt.Errorf("%w: %d bytes, more than the limit of %d", ErrMalformedOMSBundle, len(data), MaxEnvelopeSize)
	}
	b, err := parseOMSBundle(data)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrMalformedOMSBundle, err)
	}
	return b, nil
}

func parseOMSBundle(data []byte) (*OMSBundle, error) {
	if err := checkStrictJSON(data); err != nil {
		return nil, err
	}
	top, err := parseJSONObject(data, "")
	if err != nil {
		return nil, errors.New("want a JSON object (a Sigstore bundle)")
	}
	if err := top.only("mediaType", "verificationMaterial", "dsseEnvelope"); err != nil {
		return nil, err
	}
	b := &OMSBundle{}
	if b.MediaType, _, err = top.str("mediaType", true); err != nil {
		return nil, err
	}
	if b.MediaType != OMSBundleMediaType {
		return nil, fmt.Errorf("mediaType is %q, want %q", b.MediaType, OMSBundleMediaType)
	}
	vm, _, err := top.object("verificationMaterial", true)
	if err != nil {
		return nil, err
	}
	if err := b.parseVerificationMaterial(vm); err != nil {
		return nil, err
	}
	env, _, err := top.object("dsseEnvelope", true)
	if err != nil {
		return nil, err
	}
	if b.Envelope, err = parseOMSEnvelope(env); err != nil {
		return nil, err
	}
	return b, nil
}

func (b *OMSBundle) parseVerificationMaterial(vm jsonObject) error {
	if err := vm.only("publicKey", "x509CertificateChain", "certificate", "tlogEntries", "timestampVerificationData"); err != nil {
		return err
	}
	n := 0
	for _, k := range []string{"publicKey", "x509CertificateChain", "certificate"} {
		if vm.has(k) {
			n++
			b.method = map[string]string{"publicKey": OMSMethodKey, "x509CertificateChain": OMSMethodCertificate, "certificate": OMSMethodSigstore}[k]
		}
	}
	if n != 1 {
		return fmt.Errorf("verificationMaterial: want exactly one of publicKey, x509CertificateChain and certificate, got %d", n)
	}
	switch b.method {
	case OMSMethodKey:
		pk, _, err := vm.object("publicKey", true)
		if err != nil {
			return err
		}
		if err := pk.only("hint", "rawBytes", "keyDetails"); err != nil {
			return err
		}
		hint, _, err := pk.str("hint", false)
		if err != nil {
			return err
		}
		if hint != "" && !isSHA256Hex(hint) {
			return fmt.Errorf("verificationMaterial.publicKey.hint %q: want 64 lower-case hex digits (the SHA-256 of the key's PEM)", shorten(hint))
		}
		b.PublicKeyHint = hint
		raw, hasRaw, err := pk.str("rawBytes", false)
		if err != nil {
			return err
		}
		if hasRaw {
			if b.PublicKeyRaw, err = decodeBase64(raw); err != nil {
				return fmt.Errorf("verificationMaterial.publicKey.rawBytes: %v", err)
			}
		}
		if _, _, err := pk.str("keyDetails", false); err != nil {
			return err
		}
		if hint == "" && !hasRaw {
			return errors.New("verificationMaterial.publicKey: want hint (or, before v1.1, rawBytes)")
		}
	case OMSMethodCertificate:
		chain, _, err := vm.object("x509CertificateChain", true)
		if err != nil {
			return err
		}
		if err := chain.only("certificates"); err != nil {
			return err
		}
		certs, _, err := chain.array("certificates", true, maxOMSCertificates)
		if err != nil {
			return err
		}
		if len(certs) == 0 {
			return errors.New("verificationMaterial.x509CertificateChain.certificates is empty")
		}
		for i, raw := range certs {
			der, err := parseOMSCertificate(raw, fmt.Sprintf("verificationMaterial.x509CertificateChain.certificates[%d]", i))
			if err != nil {
				return err
			}
			b.Certificates = append(b.Certificates, der)
		}
	case OMSMethodSigstore:
		raw := vm.m["certificate"]
		der, err := parseOMSCertificate(raw, "verificationMaterial.certificate")
		if err != nil {
			return err
		}
		b.Certificates = [][]byte{der}
	}
	entries, _, err := vm.array("tlogEntries", false, maxOMSTlogEntries)
	if err != nil {
		return err
	}
	b.TlogEntries = entries
	if vm.has("timestampVerificationData") {
		if _, _, err := vm.object("timestampVerificationData", true); err != nil {
			return err
		}
		b.TimestampData = vm.m["timestampVerificationData"]
	}
	if b.method == OMSMethodSigstore && len(b.TlogEntries) == 0 {
		return errors.New("verificationMaterial.tlogEntries: a keyless (sigstore) bundle needs at least one transparency log entry")
	}
	return nil
}

func parseOMSCertificate(raw json.RawMessage, path string) ([]byte, error) {
	o, err := parseJSONObject(raw, path)
	if err != nil {
		return nil, err
	}
	if err := o.only("rawBytes"); err != nil {
		return nil, err
	}
	s, _, err := o.str("rawBytes", true)
	if err != nil {
		return nil, err
	}
	der, err := decodeBase64(s)
	if err != nil || len(der) == 0 {
		return nil, fmt.Errorf("%s.rawBytes: want base64 DER, %v", path, err)
	}
	return der, nil
}

func parseOMSEnvelope(o jsonObject) (*Envelope, error) {
	if err := o.only("payload", "payloadType", "signatures"); err != nil {
		return nil, err
	}
	pt, _, err := o.str("payloadType", true)
	if err != nil {
		return nil, err
	}
	if len(pt) > maxPayloadTypeLen {
		return nil, fmt.Errorf("%s: %d bytes, more than %d", o.name("payloadType"), len(pt), maxPayloadTypeLen)
	}
	p64, _, err := o.str("payload", true)
	if err != nil {
		return nil, err
	}
	payload, err := decodeBase64(p64)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", o.name("payload"), err)
	}
	sigs, _, err := o.array("signatures", true, MaxEnvelopeSignatures)
	if err != nil {
		return nil, err
	}
	// model_signing checks the first signature only; a second one would be
	// a signature no OMS verifier looks at, so it is refused.
	if len(sigs) != 1 {
		return nil, fmt.Errorf("%s: %d signatures, an OMS bundle has exactly one", o.name("signatures"), len(sigs))
	}
	env := &Envelope{PayloadType: pt, Payload: payload}
	for i, raw := range sigs {
		so, err := parseJSONObject(raw, fmt.Sprintf("%s[%d]", o.name("signatures"), i))
		if err != nil {
			return nil, err
		}
		if err := so.only("sig", "keyid"); err != nil {
			return nil, err
		}
		keyID, _, err := so.str("keyid", false) // absent, "" and null are all fine
		if err != nil {
			return nil, err
		}
		if len(keyID) > maxKeyIDLen {
			return nil, fmt.Errorf("%s: %d bytes, more than %d", so.name("keyid"), len(keyID), maxKeyIDLen)
		}
		s64, _, err := so.str("sig", true)
		if err != nil {
			return nil, err
		}
		if len(s64) > maxSigLen*4/3+4 {
			return nil, fmt.Errorf("%s: %d characters, more than a signature can be", so.name("sig"), len(s64))
		}
		sig, err := decodeBase64(s64)
		if err != nil || len(sig) == 0 {
			return nil, fmt.Errorf("%s: want non-empty base64, %v", so.name("sig"), err)
		}
		env.Signatures = append(env.Signatures, Signature{KeyID: keyID, Sig: sig})
	}
	return env, nil
}

func shorten(s string) string {
	if len(s) > 80 {
		return s[:80] + "…"
	}
	return s
}

// omsBundleJSON is the bundle as written: key order as model_signing
// writes it, keyid always present and empty.
type omsBundleJSON struct {
	MediaType            string                  `json:"mediaType"`
	VerificationMaterial omsVerificationMaterial `json:"verificationMaterial"`
	DSSEEnvelope         omsEnvelopeJSON         `json:"dsseEnvelope"`
}

type omsVerificationMaterial struct {
	PublicKey            *omsPublicKeyJSON   `json:"publicKey,omitempty"`
	X509CertificateChain *omsCertChainJSON   `json:"x509CertificateChain,omitempty"`
	Certificate          *omsCertificateJSON `json:"certificate,omitempty"`
	TlogEntries          []json.RawMessage   `json:"tlogEntries"`
	TimestampData        json.RawMessage     `json:"timestampVerificationData,omitempty"`
}

type omsPublicKeyJSON struct {
	Hint     string `json:"hint,omitempty"`
	RawBytes string `json:"rawBytes,omitempty"`
}

type omsCertChainJSON struct {
	Certificates []omsCertificateJSON `json:"certificates"`
}

type omsCertificateJSON struct {
	RawBytes string `json:"rawBytes"`
}

type omsEnvelopeJSON struct {
	Payload     string          `json:"payload"`
	PayloadType string          `json:"payloadType"`
	Signatures  []signatureJSON `json:"signatures"`
}

// MarshalJSON writes the bundle as a Sigstore bundle v0.3 JSON object.
func (b *OMSBundle) MarshalJSON() ([]byte, error) {
	if b.Envelope == nil {
		return nil, errors.New("attest: OMS bundle has no envelope")
	}
	out := omsBundleJSON{MediaType: b.MediaType}
	if out.MediaType == "" {
		out.MediaType = OMSBundleMediaType
	}
	vm := &out.VerificationMaterial
	vm.TlogEntries = b.TlogEntries
	if vm.TlogEntries == nil {
		vm.TlogEntries = []json.RawMessage{}
	}
	vm.TimestampData = b.TimestampData
	switch b.method {
	case OMSMethodKey, "":
		if b.PublicKeyHint == "" && b.PublicKeyRaw == nil {
			return nil, errors.New("attest: OMS key bundle has neither a key hint nor raw key bytes")
		}
		vm.PublicKey = &omsPublicKeyJSON{Hint: b.PublicKeyHint}
		if b.PublicKeyRaw != nil {
			vm.PublicKey.RawBytes = base64.StdEncoding.EncodeToString(b.PublicKeyRaw)
		}
	case OMSMethodCertificate:
		vm.X509CertificateChain = &omsCertChainJSON{}
		for _, der := range b.Certificates {
			vm.X509CertificateChain.Certificates = append(vm.X509CertificateChain.Certificates, omsCertificateJSON{base64.StdEncoding.EncodeToString(der)})
		}
	case OMSMethodSigstore:
		if len(b.Certificates) != 1 {
			return nil, errors.New("attest: a sigstore OMS bundle holds exactly one certificate")
		}
		vm.Certificate = &omsCertificateJSON{base64.StdEncoding.EncodeToString(b.Certificates[0])}
	}
	out.DSSEEnvelope = omsEnvelopeJSON{
		Payload:     base64.StdEncoding.EncodeToString(b.Envelope.Payload),
		PayloadType: b.Envelope.PayloadType,
	}
	for _, s := range b.Envelope.Signatures {
		out.DSSEEnvelope.Signatures = append(out.DSSEEnvelope.Signatures, signatureJSON{KeyID: s.KeyID, Sig: base64.StdEncoding.EncodeToString(s.Sig)})
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// omsKeyHint is the key method's hint: the hex SHA-256 of the key's PKIX
// PEM, as model_signing computes it.
func omsKeyHint(k *PublicKey) (string, error) {
	p, err := k.MarshalPEM()
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(p)
	return hex.EncodeToString(sum[:]), nil
}

// parseCertificates parses DER certificates, naming the bad one.
func parseCertificates(ders [][]byte) ([]*x509.Certificate, error) {
	certs := make([]*x509.Certificate, len(ders))
	for i, der := range ders {
		c, err := x509.ParseCertificate(der)
		if err != nil {
			return nil, fmt.Errorf("certificate %d: %w", i, err)
		}
		certs[i] = c
	}
	return certs, nil
}

// pythonBytesRepr renders b as Python's repr(bytes) does: model_signing
// v0.2 signed "DSSEV1 … " + repr(payload) by mistake, and verifiers of its
// bundles must rebuild those bytes.
func pythonBytesRepr(b []byte) []byte {
	quote := byte('\'')
	if bytes.IndexByte(b, '\'') >= 0 && bytes.IndexByte(b, '"') < 0 {
		quote = '"'
	}
	out := make([]byte, 0, len(b)+len(b)/8+3)
	out = append(out, 'b', quote)
	for _, c := range b {
		switch {
		case c == quote || c == '\\':
			out = append(out, '\\', c)
		case c == '\t':
			out = append(out, `\t`...)
		case c == '\n':
			out = append(out, `\n`...)
		case c == '\r':
			out = append(out, `\r`...)
		case c < ' ' || c >= 0x7f:
			out = append(out, '\\', 'x', "0123456789abcdef"[c>>4], "0123456789abcdef"[c&15])
		default:
			out = append(out, c)
		}
	}
	return append(out, quote)
}

// paeCompat is the pre-authentication encoding model_signing v0.2 signed.
func paeCompat(payloadType string, payload []byte) []byte {
	b := []byte("DSSEV1 ")
	b = strconv.AppendInt(b, int64(len(payloadType)), 10)
	b = append(append(append(b, ' '), payloadType...), ' ')
	b = strconv.AppendInt(b, int64(len(payload)), 10)
	return append(append(b, ' '), pythonBytesRepr(payload)...)
}
