package attest

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// PayloadTypeInToto is the DSSE payload type of an in-toto Statement, the
// only one cosign verify-blob-attestation accepts.
const PayloadTypeInToto = "application/vnd.in-toto+json"

// Limits on untrusted envelopes. A statement lists every file of an
// artifact, so the size limit allows a few hundred thousand files.
const (
	MaxEnvelopeSize       = 64 << 20 // bytes of envelope JSON
	MaxEnvelopeSignatures = 256
	maxKeyIDLen           = 1024
	maxSigLen             = 4096 // decoded bytes; RSA-8192 would be 1024
	maxPayloadTypeLen     = 256
)

// ErrMalformedEnvelope is matched by every envelope parsing error.
var ErrMalformedEnvelope = errors.New("malformed DSSE envelope")

// Envelope is a DSSE envelope: a payload, its type, and signatures over
// PAE(PayloadType, Payload). Payload holds the exact bytes that were signed;
// verification never re-serialises it.
type Envelope struct {
	PayloadType string
	Payload     []byte
	Signatures  []Signature
}

// Signature is one DSSE signature.
type Signature struct {
	KeyID string // the signer's identity; a hint only, never trusted
	Sig   []byte
}

// PAE is DSSE's pre-authentication encoding, the bytes actually signed:
// "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body, lengths in ASCII
// decimal.
func PAE(payloadType string, payload []byte) []byte {
	b := make([]byte, 0, 2*20+10+len(payloadType)+len(payload))
	return append(appendPAEHeader(b, payloadType, len(payload)), payload...)
}

// appendPAEHeader appends the PAE up to the payload.
func appendPAEHeader(b []byte, payloadType string, payloadLen int) []byte {
	b = append(b, "DSSEv1 "...)
	b = strconv.AppendInt(b, int64(len(payloadType)), 10)
	b = append(b, ' ')
	b = append(b, payloadType...)
	b = append(b, ' ')
	b = strconv.AppendInt(b, int64(payloadLen), 10)
	return append(b, ' ')
}

// Sign adds a signature by s over the envelope's payload, unless the
// envelope already carries a valid signature by s's key: signing again
// (a re-run CI job) leaves the envelope as it is rather than growing it.
func (e *Envelope) Sign(ctx context.Context, s Signer) error {
	if v, err := ParseIdentity(s.ID()); err == nil && e.SignedBy(v) >= 0 {
		return nil
	}
	if len(e.Signatures) >= MaxEnvelopeSignatures {
		return fmt.Errorf("attest: envelope already has %d signatures, the most it may carry", len(e.Signatures))
	}
	sig, err := s.Sign(ctx, PAE(e.PayloadType, e.Payload))
	if err != nil {
		return fmt.Errorf("attest: signing as %s: %w", s.ID(), err)
	}
	e.Signatures = append(e.Signatures, Signature{KeyID: s.ID(), Sig: sig})
	return nil
}

// SignedBy returns the index of the first signature that v verifies, or -1
// when there is none. Key IDs are hints, not trusted: every signature is
// checked.
func (e *Envelope) SignedBy(v Verifier) int {
	msg := PAE(e.PayloadType, e.Payload)
	for i, sig := range e.Signatures {
		if v.Verify(msg, sig.Sig) == nil {
			return i
		}
	}
	return -1
}

// VerifySignature checks signature i with v.
func (e *Envelope) VerifySignature(i int, v Verifier) error {
	if i < 0 || i >= len(e.Signatures) {
		return fmt.Errorf("attest: no signature %d in an envelope of %d", i, len(e.Signatures))
	}
	return v.Verify(PAE(e.PayloadType, e.Payload), e.Signatures[i].Sig)
}

type envelopeJSON struct {
	PayloadType string          `json:"payloadType"`
	Payload     string          `json:"payload"`
	Signatures  []signatureJSON `json:"signatures"`
}

type signatureJSON struct {
	KeyID string `json:"keyid"`
	Sig   string `json:"sig"`
}

// MarshalJSON writes the envelope with standard base64, as cosign does.
func (e *Envelope) MarshalJSON() ([]byte, error) {
	out := envelopeJSON{
		PayloadType: e.PayloadType,
		Payload:     base64.StdEncoding.EncodeToString(e.Payload),
		Signatures:  make([]signatureJSON, len(e.Signatures)),
	}
	for i, s := range e.Signatures {
		out.Signatures[i] = signatureJSON{KeyID: s.KeyID, Sig: base64.StdEncoding.EncodeToString(s.Sig)}
	}
	return json.Marshal(out)
}

// UnmarshalJSON parses with the checks of ParseEnvelope.
func (e *Envelope) UnmarshalJSON(data []byte) error {
	env, err := ParseEnvelope(data)
	if err != nil {
		return err
	}
	*e = *env
	return nil
}

// ParseEnvelope parses a DSSE envelope's JSON, strictly (see Strict JSON
// in the package doc: no duplicate or case-variant keys, no unknown
// members, no data after the envelope). Payload and signatures may be in standard
// or URL-safe base64, padded or not; non-canonical encodings (stray
// trailing bits) are refused so that one envelope has one payload.
func ParseEnvelope(data []byte) (*Envelope, error) {
	if len(data) > MaxEnvelopeSize {
		return nil, fmt.Errorf("%w: %d bytes, more than the limit of %d", ErrMalformedEnvelope, len(data), MaxEnvelopeSize)
	}
	var raw envelopeJSON
	if err := unmarshalStrict(data, &raw); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrMalformedEnvelope, describeJSONError(err))
	}
	if raw.PayloadType == "" {
		return nil, fmt.Errorf("%w: payloadType is missing", ErrMalformedEnvelope)
	}
	if len(raw.PayloadType) > maxPayloadTypeLen {
		return nil, fmt.Errorf("%w: payloadType is %d bytes, more than %d", ErrMalformedEnvelope, len(raw.PayloadType), maxPayloadTypeLen)
	}
	payload, err := decodeBase64(raw.Payload)
	if err != nil {
		return nil, fmt.Errorf("%w: payload: %v", ErrMalformedEnvelope, err)
	}
	if len(raw.Signatures) == 0 {
		return nil, fmt.Errorf("%w: no signatures", ErrMalformedEnvelope)
	}
	if len(raw.Signatures) > MaxEnvelopeSignatures {
		return nil, fmt.Errorf("%w: %d signatures, more than the limit of %d", ErrMalformedEnvelope, len(raw.Signatures), MaxEnvelopeSignatures)
	}
	env := &Envelope{PayloadType: raw.PayloadType, Payload: payload, Signatures: make([]Signature, len(raw.Signatures))}
	for i, s := range raw.Signatures {
		if len(s.KeyID) > maxKeyIDLen {
			return nil, fmt.Errorf("%w: signatures[%d].keyid is %d bytes, more than %d", ErrMalformedEnvelope, i, len(s.KeyID), maxKeyIDLen)
		}
		if len(s.Sig) > maxSigLen*4/3+4 {
			return nil, fmt.Errorf("%w: signatures[%d].sig is %d characters, more than a signature can be", ErrMalformedEnvelope, i, len(s.Sig))
		}
		sig, err := decodeBase64(s.Sig)
		if err != nil {
			return nil, fmt.Errorf("%w: signatures[%d].sig: %v", ErrMalformedEnvelope, i, err)
		}
		if len(sig) == 0 {
			return nil, fmt.Errorf("%w: signatures[%d].sig is empty", ErrMalformedEnvelope, i)
		}
		env.Signatures[i] = Signature{KeyID: s.KeyID, Sig: sig}
	}
	return env, nil
}

// decodeBase64 accepts standard and URL-safe alphabets, with or without
// padding, and refuses non-canonical trailing bits.
func decodeBase64(s string) ([]byte, error) {
	if strings.ContainsAny(s, "\r\n") {
		return nil, errors.New("base64 contains a line break")
	}
	enc := base64.RawStdEncoding
	if strings.ContainsAny(s, "-_") {
		enc = base64.RawURLEncoding
	}
	b, err := enc.Strict().DecodeString(strings.TrimRight(s, "="))
	if err != nil {
		return nil, fmt.Errorf("invalid base64: %v", err)
	}
	if pad := len(s) - len(strings.TrimRight(s, "=")); pad > 0 && (len(s)%4 != 0 || pad > 2) {
		return nil, errors.New("invalid base64 padding")
	}
	return b, nil
}
