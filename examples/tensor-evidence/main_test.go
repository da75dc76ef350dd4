package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/aiprov/aiprov/internal/tensorexample"
	"github.com/aiprov/aiprov/provenance"
)

// TestExample runs the example, so that it cannot rot: each artifact's
// weights show the pattern of how it was made, the claims agree with
// them, and the copy's undeclared base is its first suspect.
func TestExample(t *testing.T) {
	var out bytes.Buffer
	rep, err := run(context.Background(), t.TempDir(), &out)
	if err != nil {
		t.Fatal(err)
	}
	suggests := map[string]string{
		"finetune":  provenance.WeightsFinetune,
		"quantized": provenance.WeightsQuantized,
		"adapter":   provenance.WeightsAdapter,
		"merged":    provenance.WeightsFinetune, // a merged adapter changes values in place
		"copy":      provenance.WeightsFinetune, // the base with one tensor retrained
	}
	for _, a := range tensorexample.Artifacts[1:] {
		ev := rep.evidence[a.Name]
		if ev.Suggests != suggests[a.Name] || ev.Verdict != a.Expected {
			t.Errorf("%s: suggests %s, verdict %q; want %s, %q", a.Name, ev.Suggests, ev.Verdict, suggests[a.Name], a.Expected)
		}
	}
	if ev := rep.evidence["finetune"]; strings.Join(ev.Changed, ",") != "lm_head.weight,model.layers.1.self_attn.k_proj.weight,model.layers.1.self_attn.o_proj.weight,model.layers.1.self_attn.q_proj.weight,model.layers.1.self_attn.v_proj.weight" {
		t.Errorf("finetune changed %v", ev.Changed)
	}
	if len(rep.suspects) == 0 || rep.names[rep.suspects[0].CID] != "base" {
		t.Fatalf("suspects %+v, want the base first", rep.suspects)
	}
	// The quantized copy shares no bytes with the copy (every matrix was
	// cast): digests cannot see through a re-encoding.
	for _, s := range rep.suspects {
		if rep.names[s.CID] == "quantized" || rep.names[s.CID] == "adapter" {
			t.Errorf("suspect %s shares no matrix with the copy", rep.names[s.CID])
		}
	}
	if !strings.Contains(out.String(), `claims "adapter": consistent`) {
		t.Errorf("output:\n%s", out.String())
	}
}
