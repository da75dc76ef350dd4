package attest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/aiprov/aiprov/internal/eip55"
)

// PayloadTypePayee is the DSSE payload type of a payee binding.
const PayloadTypePayee = "application/vnd.aiprov.payee+json"

// MaxPayeeBindingSize bounds a payee binding envelope: it holds one short
// JSON object and a few signatures.
const MaxPayeeBindingSize = 16 << 10

// ErrMalformedPayeeBinding is matched by every payee binding that cannot
// be read or does not verify.
var ErrMalformedPayeeBinding = errors.New("malformed payee binding")

// ErrConflictingPayees reports two bindings of one contributor, issued at
// the same time, to different addresses: neither can be preferred.
var ErrConflictingPayees = errors.New("conflicting payee bindings")

// PayeeBinding says where the royalties owed to a contributor are paid: a
// contributor named by a key (ed25519, P-256, or an Ethereum account that
// wants its money elsewhere, say a multisig) binds itself to a payout
// address. The key itself signs the binding, so no one else can redirect
// its money. A binding is a DSSE envelope (PayloadTypePayee) whose payload
// is the JSON object
//
//	{"contributor": "ed25519:…", "payee": "0x…", "issued": "2026-12-05T09:00:00Z"}
//
// and which stores by CID like any envelope (storage.PutData with cid.Raw). When a
// key has several bindings, the one issued last counts.
type PayeeBinding struct {
	Contributor string         // the signing key's identity ("ed25519:…", "p256:…", "0x…")
	Payee       common.Address // where its royalties are paid
	Issued      time.Time      // UTC, whole seconds
}

type payeeJSON struct {
	Contributor string `json:"contributor"`
	Payee       string `json:"payee"`
	Issued      string `json:"issued"`
}

// SignPayeeBinding makes a binding of s's identity to payee, issued at
// issued (truncated to seconds, in UTC), signed by s.
func SignPayeeBinding(ctx context.Context, s Signer, payee common.Address, issued time.Time) (*Envelope, error) {
	if payee == (common.Address{}) {
		return nil, errors.New("attest: payee binding: the zero address cannot receive payments")
	}
	if _, err := ParseIdentity(s.ID()); err != nil {
		return nil, fmt.Errorf("attest: payee binding: signer identity: %w", err)
	}
	payload, err := json.Marshal(payeeJSON{
		Contributor: s.ID(),
		Payee:       payee.Hex(),
		Issued:      issued.UTC().Truncate(time.Second).Format(time.RFC3339),
	})
	if err != nil {
		return nil, err
	}
	env := &Envelope{PayloadType: PayloadTypePayee, Payload: payload}
	if err := env.Sign(ctx, s); err != nil {
		return nil, err
	}
	return env, nil
}

// ParsePayeeBinding reads a payee binding envelope (at most
// MaxPayeeBindingSize bytes of JSON) and verifies it with
// VerifyPayeeBinding.
func ParsePayeeBinding(data []byte) (*PayeeBinding, error) {
	if len(data) > MaxPayeeBindingSize {
		return nil, fmt.Errorf("%w: %d bytes, more than the limit of %d", ErrMalformedPayeeBinding, len(data), MaxPayeeBindingSize)
	}
	env, err := ParseEnvelope(data)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrMalformedPayeeBinding, err)
	}
	return VerifyPayeeBinding(env)
}

// IsPayeeBinding reports whether data looks like a payee binding envelope
// (its payloadType says so), without verifying it: for callers that sort
// the files of a directory into manifests and bindings.
func IsPayeeBinding(data []byte) bool {
	if len(data) > MaxPayeeBindingSize || !bytes.Contains(data, []byte(PayloadTypePayee)) {
		return false
	}
	var probe struct {
		PayloadType string `json:"payloadType"`
	}
	return json.Unmarshal(data, &probe) == nil && probe.PayloadType == PayloadTypePayee
}

// VerifyPayeeBinding checks that env is a payee binding signed by the key
// it names, and returns it. Signatures by other keys are ignored; at least
// one must be the contributor's own.
func VerifyPayeeBinding(env *Envelope) (*PayeeBinding, error) {
	if env.PayloadType != PayloadTypePayee {
		return nil, fmt.Errorf("%w: payloadType %q, want %q", ErrMalformedPayeeBinding, env.PayloadType, PayloadTypePayee)
	}
	var raw payeeJSON
	dec := json.NewDecoder(bytes.NewReader(env.Payload))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&raw); err != nil {
		return nil, fmt.Errorf("%w: payload: %v (want {\"contributor\", \"payee\", \"issued\"})", ErrMalformedPayeeBinding, err)
	}
	if dec.More() {
		return nil, fmt.Errorf("%w: payload: data after the JSON object", ErrMalformedPayeeBinding)
	}
	key, err := ParseIdentity(raw.Contributor)
	if err != nil {
		return nil, fmt.Errorf("%w: contributor: %v", ErrMalformedPayeeBinding, err)
	}
	payee, err := eip55.Parse(raw.Payee, nil)
	if err != nil || !strings.HasPrefix(raw.Payee, "0x") {
		return nil, fmt.Errorf("%w: payee %q: want 0x and 40 hex digits, in one case or EIP-55 checksummed", ErrMalformedPayeeBinding, raw.Payee)
	}
	b := &PayeeBinding{Contributor: key.ID(), Payee: payee}
	if b.Payee == (common.Address{}) {
		return nil, fmt.Errorf("%w: payee is the zero address", ErrMalformedPayeeBinding)
	}
	if b.Issued, err = time.Parse(time.RFC3339, raw.Issued); err != nil {
		return nil, fmt.Errorf("%w: issued %q: want an RFC 3339 time", ErrMalformedPayeeBinding, raw.Issued)
	}
	b.Issued = b.Issued.UTC()
	pae := PAE(env.PayloadType, env.Payload)
	var last error = errors.New("no signatures")
	for _, s := range env.Signatures {
		if err := key.Verify(pae, s.Sig); err != nil {
			last = err
			continue
		}
		return b, nil
	}
	return nil, fmt.Errorf("%w: not signed by %s: %w", ErrMalformedPayeeBinding, b.Contributor, last)
}

// Payees is a set of verified payee bindings, at most one per
// contributor: the one issued last. The zero value is empty and ready.
type Payees struct {
	byID map[string]*PayeeBinding
}

// Add adds a verified binding. An older binding of the same contributor
// than one already held is ignored; two issued at the same second to
// different addresses are ErrConflictingPayees.
func (p *Payees) Add(b *PayeeBinding) error {
	if p.byID == nil {
		p.byID = map[string]*PayeeBinding{}
	}
	id := canonicalIdentity(b.Contributor)
	old, ok := p.byID[id]
	switch {
	case !ok || b.Issued.After(old.Issued):
		p.byID[id] = b
	case b.Issued.Equal(old.Issued) && b.Payee != old.Payee:
		return fmt.Errorf("%w: %s is bound to both %s and %s, issued at %s", ErrConflictingPayees, b.Contributor, old.Payee.Hex(), b.Payee.Hex(), b.Issued.Format(time.RFC3339))
	}
	return nil
}

// Payee returns the address bound to the contributor identity id, if any.
func (p *Payees) Payee(id string) (common.Address, bool) {
	b, ok := p.byID[canonicalIdentity(id)]
	if !ok {
		return common.Address{}, false
	}
	return b.Payee, true
}

// Bindings returns the bindings held, ordered by contributor.
func (p *Payees) Bindings() []*PayeeBinding {
	out := make([]*PayeeBinding, 0, len(p.byID))
	for _, b := range p.byID {
		out = append(out, b)
	}
	slices.SortFunc(out, func(a, b *PayeeBinding) int { return strings.Compare(a.Contributor, b.Contributor) })
	return out
}

// canonicalIdentity is the form an identity is looked up by: addresses in
// lower case (manifests may write them in any case), other identities as
// they are.
func canonicalIdentity(id string) string {
	if strings.HasPrefix(id, "0x") || strings.HasPrefix(id, "0X") {
		return strings.ToLower(id)
	}
	return id
}
