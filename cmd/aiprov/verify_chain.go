package main

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/ethereum/go-ethereum/common"

	"github.com/aiprov/aiprov/attest"
	"github.com/aiprov/aiprov/attest/chain"
)

// verifyChainFlags say whether and where verify checks the chain.
type verifyChainFlags struct {
	chainFlags
	check bool // --chain
}

// wanted says whether the chain is to be checked: --chain, or --rpc or
// --registry on the command line (not merely $AIPROV_RPC, which other
// commands read too).
func (f *verifyChainFlags) wanted() bool {
	return f.check || f.fs.Changed("rpc") || f.fs.Changed("registry")
}

// verifyChainJSON is the "chain" member of verify --json (docs/json.md).
type verifyChainJSON struct {
	Registry     string   `json:"registry"`
	ChainID      uint64   `json:"chainId"`
	Registered   bool     `json:"registered"`
	TokenID      string   `json:"tokenId,omitempty"`
	Owner        string   `json:"owner,omitempty"`
	OwnerName    string   `json:"ownerName,omitempty"` // the trusted key's name in the policy
	OwnerTrusted bool     `json:"ownerTrusted"`
	Parents      []string `json:"parents"` // as the record names them
	ParentsMatch bool     `json:"parentsMatch"`
	Block        uint64   `json:"block,omitempty"`
	Problems     []string `json:"problems"`
}

// verifyChain checks the report's manifest against its record on chain:
// registered, the same parents, owned by a trusted key. Each mismatch is a
// problem, added to the report's too.
func verifyChain(ctx context.Context, c *cli, f *verifyChainFlags, r *attest.Report, opts *attest.VerifyOptions) (*verifyChainJSON, error) {
	if r.Manifest == nil || !r.ManifestCID.Defined() {
		err := errors.New("chain: no manifest to look up on chain (the signatures carry none that decodes)")
		r.Problems = append(r.Problems, err)
		return &verifyChainJSON{Parents: []string{}, Problems: []string{err.Error()}}, nil
	}
	oc, err := f.open(ctx, c, false, false)
	if err != nil {
		return nil, err
	}
	defer oc.close()
	out := &verifyChainJSON{Registry: oc.reg.Address().Hex(), ChainID: oc.chainID, Parents: []string{}, Problems: []string{}}
	problem := func(format string, args ...any) {
		err := fmt.Errorf("chain: "+format, args...)
		out.Problems = append(out.Problems, err.Error())
		r.Problems = append(r.Problems, err)
	}
	rec, err := oc.reg.Record(ctx, r.ManifestCID)
	if errors.Is(err, chain.ErrNotRegistered) {
		problem("manifest %s is not registered in the registry %s on chain %d", r.ManifestCID, out.Registry, out.ChainID)
		return out, nil
	}
	if err != nil {
		return nil, err
	}
	out.Registered, out.TokenID, out.Owner, out.Block = true, rec.TokenID().Hex(), rec.Owner.Hex(), rec.Block
	for _, p := range rec.Parents {
		out.Parents = append(out.Parents, p.String())
	}

	// Parents: the record's must be the manifest's manifest parents.
	a, err := attest.NewManifestAttestation(r.Manifest, r.ManifestCID)
	if err != nil {
		return nil, err
	}
	want := a.Parents
	got := make([][32]byte, 0, len(rec.Parents))
	for _, p := range rec.Parents {
		d, err := chain.Digest(p)
		if err != nil {
			return nil, err
		}
		got = append(got, d)
	}
	out.ParentsMatch = true
	for _, d := range want {
		if !slices.Contains(got, d) {
			out.ParentsMatch = false
			problem("the manifest's parent %s is not a parent of its record on chain", chain.ManifestCID(d))
		}
	}
	for _, d := range got {
		if !slices.Contains(want, d) {
			out.ParentsMatch = false
			problem("the record on chain names parent %s, which the manifest does not", chain.ManifestCID(d))
		}
	}

	// Owner: a key that --key or the policy trusts.
	name, trusted := trustedAddress(rec.Owner, opts)
	out.OwnerTrusted, out.OwnerName = trusted, name
	if !trusted {
		problem("the token's owner %s is not a trusted key (--key or the policy's keys)", rec.Owner.Hex())
	}
	return out, nil
}

// trustedAddress says whether addr is the address of a trusted key, and
// that key's name in the policy.
func trustedAddress(addr common.Address, opts *attest.VerifyOptions) (string, bool) {
	// A secp256k1 key's identity is its address.
	isAddr := func(id string) bool { return common.IsHexAddress(id) && common.HexToAddress(id) == addr }
	for _, k := range opts.Keys {
		if isAddr(k.ID()) {
			return "", true
		}
	}
	if opts.Policy == nil {
		return "", false
	}
	for _, tk := range opts.Policy.Keys {
		var pk *attest.PublicKey
		var err error
		if tk.PublicKey != "" {
			pk, err = attest.ParsePublicKey([]byte(tk.PublicKey))
		} else {
			pk, err = attest.ParseIdentity(tk.ID)
		}
		if err != nil {
			continue // attest.Verify reports a malformed policy
		}
		if isAddr(pk.ID()) {
			return tk.Name, true
		}
	}
	return "", false
}

// verifyChainPrint prints the chain check's findings (its problems are
// printed with the others).
func verifyChainPrint(c *cli, ch *verifyChainJSON) {
	if ch == nil || !ch.Registered {
		return
	}
	w := c.stdout
	fmt.Fprintf(w, "chain: registered in %s on chain %d (block %d), token %s\n", ch.Registry, ch.ChainID, ch.Block, ch.TokenID)
	if ch.ParentsMatch {
		fmt.Fprintf(w, "chain: parents match (%d)\n", len(ch.Parents))
	}
	if ch.OwnerTrusted {
		who := ch.Owner
		if ch.OwnerName != "" {
			who += " (" + verifyPrintable(ch.OwnerName) + ")"
		}
		fmt.Fprintf(w, "chain: owner %s is trusted\n", who)
	}
}
