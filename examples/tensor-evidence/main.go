// Command tensor-evidence shows what tensor digests say about a lineage
// claim. It writes a small base model and five artifacts made from it — a
// finetune, a BF16 quantization, a LoRA adapter, that adapter merged, and
// a copy that hides its base — records each one's manifest with its
// tensor index, and prints the evidence report of each against the base,
// then the suspects for the copy: the undeclared base.
//
//	go run ./examples/tensor-evidence [DIR]
//
// With DIR, the models (DIR/models/NAME) and manifests (DIR/manifests/
// NAME.json) are kept there, for the aiprov commands of the README next to
// this file; without it they go to a temporary directory, removed at the
// end. The weights are generated from fixed seeds (~1.3 MB in all), so
// every run prints the same CIDs.
package main

import (
	"context"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/aiprov/aiprov/internal/tensorexample"
	"github.com/aiprov/aiprov/provenance"
	"github.com/ipfs/go-cid"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("tensor-evidence: ")
	dir := ""
	if len(os.Args) > 1 {
		dir = os.Args[1]
	} else {
		tmp, err := os.MkdirTemp("", "tensor-evidence-")
		if err != nil {
			log.Fatal(err)
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	}
	if _, err := run(context.Background(), dir, os.Stdout); err != nil {
		log.Fatal(err)
	}
}

// report is what run found, for the test.
type report struct {
	evidence map[string]*provenance.TensorEvidence // by artifact name, against the base
	suspects []provenance.Suspect                  // of the copy
	names    map[cid.Cid]string
}

func run(ctx context.Context, dir string, w io.Writer) (*report, error) {
	models, manifests := filepath.Join(dir, "models"), filepath.Join(dir, "manifests")
	if err := tensorexample.Write(models); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(manifests, 0o755); err != nil {
		return nil, err
	}

	// One manifest per artifact, each with the tensor index of its
	// weights, read in the same pass as the CIDs. Each derivative names
	// the base as its parent, with the relation it claims; the copy names
	// none.
	all := map[cid.Cid]*provenance.Manifest{}
	byName := map[string]*provenance.Manifest{}
	ids := map[string]cid.Cid{}
	rep := &report{evidence: map[string]*provenance.TensorEvidence{}, names: map[cid.Cid]string{}}
	for _, a := range tensorexample.Artifacts {
		m, err := provenance.BuildManifest(ctx, filepath.Join(models, a.Name), &provenance.BuildOptions{
			Name: "acme/" + a.Name, Created: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC), Tensors: true,
		})
		if err != nil {
			return nil, err
		}
		m.License = "Apache-2.0"
		m.Contributors = []provenance.Contributor{{ID: "0x71562b71999873DB5b286dF957af199Ec94617F7", Role: "weights", Share: provenance.ShareWhole}}
		if a.Claim != "" {
			m.Parents = []provenance.Parent{{CID: ids["base"], Relation: a.Claim}}
		}
		if err := m.Validate(); err != nil {
			return nil, err
		}
		js, err := m.MarshalJSON()
		if err != nil {
			return nil, err
		}
		if err := os.WriteFile(filepath.Join(manifests, a.Name+".json"), append(js, '\n'), 0o644); err != nil {
			return nil, err
		}
		id, err := m.CID()
		if err != nil {
			return nil, err
		}
		all[id], byName[a.Name], ids[a.Name], rep.names[id] = m, m, id, a.Name
	}

	index := func(m *provenance.Manifest) (*provenance.TensorIndex, error) {
		return m.Subject.TensorIndex(ctx, nil) // small: inline, no pages to fetch
	}
	base, err := index(byName["base"])
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(w, "base %s: %d tensors\n\n", ids["base"], base.Count())
	for _, a := range tensorexample.Artifacts[1:] {
		x, err := index(byName[a.Name])
		if err != nil {
			return nil, err
		}
		ev := provenance.CompareTensors(x, base, a.Claim)
		rep.evidence[a.Name] = ev
		fmt.Fprintf(w, "%s (%s)\n", a.Name, a.Made)
		fmt.Fprintf(w, "  identical %d, changed %d, retyped %d, added %d (adapter %d), removed %d; %d of %d bytes shared\n",
			len(ev.Identical)+len(ev.Renamed), len(ev.Changed), len(ev.Retyped), len(ev.Added), len(ev.AdapterTensors), len(ev.Removed), ev.SharedBytes, ev.ChildBytes)
		fmt.Fprintf(w, "  the weights look: %s\n", ev.Suggests)
		if a.Claim == "" {
			fmt.Fprintf(w, "  claims no parent\n\n")
			continue
		}
		fmt.Fprintf(w, "  claims %q: %s\n", a.Claim, ev.Verdict)
		for _, r := range ev.Reasons {
			fmt.Fprintf(w, "    %s\n", r)
		}
		fmt.Fprintln(w)
	}

	// Who shares the copy's tensors without being in its lineage?
	others := map[cid.Cid]*provenance.Manifest{}
	for id, m := range all {
		if id != ids["copy"] {
			others[id] = m
		}
	}
	rep.suspects, err = provenance.LineageSuspects(ids["copy"], byName["copy"], others, index, nil)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(w, "suspects for copy (artifacts sharing its tensors, not in its declared lineage):\n")
	for _, s := range rep.suspects {
		fmt.Fprintf(w, "  %-9s %d tensors, %d of %d bytes: %s\n", rep.names[s.CID], s.Shared, s.SharedBytes, s.ModelBytes, strings.Join(s.Examples, ", "))
	}
	return rep, nil
}
