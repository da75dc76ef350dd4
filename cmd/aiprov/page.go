package main

import (
	"context"
	"fmt"
	"io"
	"math/big"

	"github.com/aiprov/aiprov/internal/lineagehtml"
	"github.com/aiprov/aiprov/provenance"
	"github.com/aiprov/aiprov/royalty"
	"github.com/ipfs/go-cid"
)

// lineagePage describes the nodes sel of g (every node when sel is nil)
// for lineagehtml. contributors maps a manifest CID to the contributors its
// manifest names (nil: none shown); split, when not nil, adds the payment:
// what reaches each node and the payout table.
func lineagePage(title string, g *provenance.Graph, sel []cid.Cid, contributors map[string][]royalty.Contributor, split *royalty.Split) (*lineagehtml.Page, error) {
	if sel == nil {
		order, err := g.TopoOrder()
		if err != nil {
			return nil, err
		}
		sel = order
	}
	in := make(map[cid.Cid]bool, len(sel))
	for _, id := range sel {
		in[id] = true
	}
	p := &lineagehtml.Page{Title: title}
	for _, id := range sel {
		n, ok := g.Node(id)
		if !ok {
			return nil, fmt.Errorf("%s: %w", id, provenance.ErrNotInGraph)
		}
		key := id.String()
		pn := lineagehtml.Node{ID: key, Name: n.Name, Kind: string(n.Kind), Missing: !n.HasManifest}
		for _, c := range contributors[key] {
			pn.Contributors = append(pn.Contributors, lineagehtml.Contributor{ID: c.ID, Role: c.Role, Share: provenance.FormatShare(c.Share)})
		}
		p.Nodes = append(p.Nodes, pn)
		for _, par := range n.Parents {
			if in[par.CID] {
				p.Edges = append(p.Edges, lineagehtml.Edge{Child: key, Parent: par.CID.String(), Relation: string(par.Relation), Share: provenance.FormatShare(par.Share)})
			}
		}
	}
	if split != nil {
		pay := &lineagehtml.Payment{Artifact: split.Artifact, Amount: split.Amount.String(), Policy: string(split.Policy),
			Received: map[string]string{}}
		for _, n := range p.Nodes {
			f, err := split.Flow(n.ID)
			if err != nil {
				continue // not reached by this payment
			}
			// What reaches a node, before the one rounding of the payouts,
			// to the nearest unit (the relative policy's fixed point is a
			// hair under 1/10 for 10%).
			r := new(big.Rat).Mul(f.Received, new(big.Rat).SetInt(split.Amount))
			num := new(big.Int).Add(new(big.Int).Lsh(r.Num(), 1), r.Denom())
			pay.Received[n.ID] = num.Quo(num, new(big.Int).Lsh(r.Denom(), 1)).String()
		}
		for _, po := range split.Payouts {
			pay.Recipients = append(pay.Recipients, lineagehtml.Recipient{Recipient: po.Recipient, Amount: po.Amount.String()})
		}
		p.Payment = pay
	}
	return p, nil
}

// writeLineagePage writes the page of the manifests in dir (nodes sel, or
// all) to path, with the payment split when it is not nil. Contributors
// come from the manifests that pass validation; a lineage with invalid
// manifests is still drawn, without their contributors.
func writeLineagePage(ctx context.Context, c *cli, path, title string, g *provenance.Graph, dir string, sel []cid.Cid, split *royalty.Split) error {
	contributors := map[string][]royalty.Contributor{}
	if nodes, err := manifestDirNodes(ctx, dir); err == nil {
		for _, n := range nodes {
			contributors[n.ID] = n.Contributors
		}
	} else {
		fmt.Fprintf(c.stderr, "aiprov: the page shows no contributors: %v\n", err)
	}
	p, err := lineagePage(title, g, sel, contributors, split)
	if err != nil {
		return err
	}
	return writeFileAtomic(path, 0o644, func(w io.Writer) error { return lineagehtml.Write(w, p) })
}
