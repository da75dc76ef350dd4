package provenance

import (
	"context"
	"strings"
	"testing"

	"github.com/ipfs/go-cid"
)

// idx builds a one-file index; each tensor's digest is derived from its
// content label, so equal labels mean equal bytes.
func idx(ts ...Tensor) *TensorIndex {
	return &TensorIndex{Files: []TensorFile{{Path: "model.safetensors", TensorLayout: TensorLayout{Format: TensorFormatSafetensors, Tensors: ts}}}}
}

func tn(name, dtype, content string, shape ...uint64) Tensor {
	n, _ := elements(shape)
	bits := safetensorsBits[dtype]
	if bits == 0 {
		bits = 4
	}
	var d TensorDigest
	copy(d[:], content)
	return Tensor{Name: name, DType: dtype, Shape: shape, Size: n * bits / 8, Digest: d}
}

func baseTensors() []Tensor {
	return []Tensor{
		tn("embed.weight", "BF16", "e", 1000, 64),
		tn("layers.0.q_proj.weight", "BF16", "q0", 64, 64),
		tn("layers.0.v_proj.weight", "BF16", "v0", 64, 64),
		tn("layers.1.q_proj.weight", "BF16", "q1", 64, 64),
		tn("layers.1.v_proj.weight", "BF16", "v1", 64, 64),
		tn("norm.weight", "F32", "n", 64),
	}
}

func TestCompareTensors(t *testing.T) {
	base := idx(baseTensors()...)
	with := func(edit func([]Tensor) []Tensor) *TensorIndex { return idx(edit(baseTensors())...) }
	for _, tc := range []struct {
		name     string
		child    *TensorIndex
		claim    Relation
		suggests string
		verdict  string
		reason   string
	}{
		{"copy claimed finetune", base, RelationFinetune, WeightsCopy, VerdictInconsistent, "a copy, not a finetune"},
		{"finetune", with(func(ts []Tensor) []Tensor { ts[1].Digest[9] = 1; ts[4].Digest[9] = 1; return ts }), RelationFinetune, WeightsFinetune, VerdictConsistent, "2 changed"},
		{"one ulp reads as finetuned", with(func(ts []Tensor) []Tensor { ts[5].Digest[31] ^= 1; return ts }), RelationFinetune, WeightsFinetune, VerdictConsistent, "1 changed"},
		{"quantized", with(func(ts []Tensor) []Tensor {
			for i := range 5 {
				ts[i].DType, ts[i].Digest[9] = "F8_E4M3", 2
			}
			return ts
		}), RelationQuantized, WeightsQuantized, VerdictConsistent, "5 retyped"},
		{"quantized claimed but not", with(func(ts []Tensor) []Tensor { ts[1].Digest[9] = 1; return ts }), RelationQuantized, WeightsFinetune, VerdictInconsistent, "no tensor changed dtype"},
		{"finetune claimed, quantized", with(func(ts []Tensor) []Tensor {
			for i := range 5 {
				ts[i].DType = "F16"
			}
			return ts
		}), RelationFinetune, WeightsQuantized, VerdictInconsistent, "quantization"},
		{"lora adapter", idx(
			tn("base_model.model.layers.0.q_proj.lora_A.weight", "F32", "a0", 8, 64),
			tn("base_model.model.layers.0.q_proj.lora_B.weight", "F32", "b0", 64, 8),
		), RelationAdapter, WeightsAdapter, VerdictConsistent, ""},
		{"lora with wrong dims", idx(
			tn("base_model.model.layers.0.q_proj.lora_A.weight", "F32", "a0", 8, 65),
		), RelationAdapter, WeightsUnrelated, VerdictInconsistent, "no LoRA tensor"},
		{"merged adapter", with(func(ts []Tensor) []Tensor { ts[1].Digest[9] = 1; ts[3].Digest[9] = 1; return ts }), RelationAdapter, WeightsFinetune, VerdictConsistent, "merged"},
		{"base plus new head", with(func(ts []Tensor) []Tensor { return append(ts, tn("score.weight", "F32", "s", 2, 64)) }), RelationAdapter, WeightsAdapter, VerdictConsistent, "1 added"},
		{"pruned", with(func(ts []Tensor) []Tensor { return ts[:4] }), RelationOther, WeightsPruned, VerdictUnverifiable, "2 removed"},
		{"renamed", with(func(ts []Tensor) []Tensor { ts[0].Name = "tok_embeddings.weight"; return ts }), RelationFinetune, WeightsCopy, VerdictInconsistent, "6 share bytes"},
		{"unrelated", idx(tn("wte", "F32", "x", 10, 10)), RelationFinetune, WeightsUnrelated, VerdictInconsistent, "do not look derived"},
		{"distilled", idx(tn("wte", "F32", "x", 10, 10)), RelationDistilled, WeightsUnrelated, VerdictUnverifiable, "distillation"},
		{"dataset relation", base, RelationTrainedOn, WeightsCopy, VerdictUnverifiable, `cannot speak to a "trained-on"`},
		{"no claim", base, "", WeightsCopy, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ev := CompareTensors(tc.child, base, tc.claim)
			if ev.Suggests != tc.suggests || ev.Verdict != tc.verdict {
				t.Fatalf("suggests %s, verdict %s; want %s, %s (%+v)", ev.Suggests, ev.Verdict, tc.suggests, tc.verdict, ev)
			}
			if got := strings.Join(ev.Reasons, "; "); !strings.Contains(got, tc.reason) {
				t.Fatalf("reasons %q, want %q in them", got, tc.reason)
			}
		})
	}
}

func TestFindSuspects(t *testing.T) {
	mk := func(s string) cid.Cid {
		return must(cid.Prefix{Version: 1, Codec: cid.DagCBOR, MhType: 0x12, MhLength: -1}.Sum([]byte(s)))
	}
	model := idx(append(baseTensors(), tn("tiny.bias", "F32", "zeros", 4))...)
	declaredParent, undeclared, unrelated, tinyOnly, self := mk("parent"), mk("undeclared"), mk("unrelated"), mk("tiny"), mk("self")
	cands := []TensorCandidate{
		{CID: declaredParent, Name: "declared", Tensors: idx(baseTensors()...)},
		{CID: undeclared, Name: "undeclared", Tensors: idx(baseTensors()[1:3]...)},
		{CID: unrelated, Name: "unrelated", Tensors: idx(tn("x", "F32", "other", 4096))},
		{CID: tinyOnly, Name: "tiny", Tensors: idx(tn("tiny.bias", "F32", "zeros", 4))},
		{CID: self, Name: "self", Tensors: model},
	}
	got := FindSuspects(model, map[cid.Cid]bool{declaredParent: true, self: true}, cands, nil)
	if len(got) != 1 || got[0].CID != undeclared || got[0].Shared != 2 || got[0].SharedBytes != 2*64*64*2 {
		t.Fatalf("suspects %+v", got)
	}
	if strings.Join(got[0].Examples, ",") != "layers.0.q_proj.weight,layers.0.v_proj.weight" {
		t.Fatalf("examples %v", got[0].Examples)
	}
	if got := FindSuspects(model, nil, cands, &SuspectOptions{MinTensorBytes: 1}); len(got) != 4 {
		t.Fatalf("with small tensors: %d suspects", len(got))
	}
}

// TestLineageSuspects: the model's ancestors (one named by its content
// CID) and descendants are declared; an artifact sharing its tensors
// outside its lineage is the suspect.
func TestLineageSuspects(t *testing.T) {
	mk := func(name string, x *TensorIndex, parents ...Parent) (cid.Cid, *Manifest) {
		m := minimalManifest()
		m.Subject.Name = name
		m.Subject.CID = testCID(name, cid.DagProtobuf)
		m.Parents = parents
		if x != nil {
			ts, _, err := ManifestTensorsOf(x)
			if err != nil {
				t.Fatal(err)
			}
			m.Subject.Tensors = ts
		}
		return must(m.CID()), m
	}
	grandID, grand := mk("grand", idx(baseTensors()...))
	baseID, base := mk("base", idx(baseTensors()...), Parent{CID: grand.Subject.CID, Relation: RelationFinetune})
	modelID, model := mk("model", idx(baseTensors()...), Parent{CID: baseID, Relation: RelationFinetune})
	childID, child := mk("child", idx(baseTensors()...), Parent{CID: modelID, Relation: RelationQuantized})
	copyID, copied := mk("copy", idx(baseTensors()[:3]...))
	noTensorsID, noTensors := mk("no-tensors", nil)
	ms := map[cid.Cid]*Manifest{grandID: grand, baseID: base, childID: child, copyID: copied, noTensorsID: noTensors}
	index := func(m *Manifest) (*TensorIndex, error) { return m.Subject.TensorIndex(context.Background(), nil) }
	got, err := LineageSuspects(modelID, model, ms, index, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].CID != copyID || got[0].Shared != 3 || got[0].Name != "copy" {
		t.Fatalf("suspects %+v", got)
	}
	if _, err := LineageSuspects(noTensorsID, noTensors, ms, index, nil); err == nil || !strings.Contains(err.Error(), "no tensor index") {
		t.Fatalf("model without index: %v", err)
	}
}
