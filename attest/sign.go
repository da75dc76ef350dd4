package attest

import (
	"context"
	"errors"
	"fmt"

	"github.com/aiprov/aiprov/provenance"
)

// Sign builds the in-toto lineage statement for manifest m (subjects: its
// files and root; predicate: its DAG-JSON and CID) and returns a DSSE
// envelope signed by each signer. More signatures can be added later with
// Envelope.Sign: co-signers sign the same payload bytes.
func Sign(ctx context.Context, m *provenance.Manifest, signers ...Signer) (*Envelope, error) {
	if len(signers) == 0 {
		return nil, errors.New("attest: Sign needs at least one signer")
	}
	js, err := m.MarshalJSON()
	if err != nil {
		return nil, err
	}
	mcid, err := m.CID()
	if err != nil {
		return nil, err
	}
	st, err := NewStatement(m, mcid, js)
	if err != nil {
		return nil, err
	}
	payload, err := st.Marshal()
	if err != nil {
		return nil, err
	}
	env := &Envelope{PayloadType: PayloadTypeInToto, Payload: payload}
	for _, s := range signers {
		if err := env.Sign(ctx, s); err != nil {
			return nil, err
		}
	}
	return env, nil
}

// SignEIP712 has s sign manifest m as EIP-712 typed data
// (ManifestAttestationType) under domain.
func SignEIP712(ctx context.Context, m *provenance.Manifest, s EthSigner, domain Domain) (*EthSignature, error) {
	mcid, err := m.CID()
	if err != nil {
		return nil, err
	}
	a, err := NewManifestAttestation(m, mcid)
	if err != nil {
		return nil, err
	}
	return signTypedData(ctx, s, domain, a, mcid)
}

// SignEIP191 has s sign manifest m's digest (the 32 bytes inside its CID)
// with EIP-191 personal_sign.
func SignEIP191(ctx context.Context, m *provenance.Manifest, s EthSigner) (*EthSignature, error) {
	mcid, err := m.CID()
	if err != nil {
		return nil, err
	}
	return signPersonal(ctx, s, mcid)
}

// ManifestOf returns the manifest a lineage envelope carries, with its CID
// checked against the manifest's content. It does not check signatures.
func ManifestOf(env *Envelope) (*provenance.Manifest, error) {
	st, lp, err := parseLineageStatement(env.Payload)
	if err != nil {
		return nil, err
	}
	r := &Report{}
	r.checkLineage(st, lp)
	if err := r.Err(); err != nil {
		return nil, err
	}
	if r.Manifest == nil {
		return nil, fmt.Errorf("%w: no manifest", ErrMalformedStatement)
	}
	return r.Manifest, nil
}
