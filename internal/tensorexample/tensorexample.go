// Package tensorexample writes the small models of examples/tensor-evidence:
// a base model and five artifacts made from it the way real derivatives
// are made, as safetensors files, so that the example and the CLI's tests
// compare real weight files rather than hand-made indexes.
//
// Every artifact is generated from fixed seeds: the same bytes, hence the
// same CIDs, on every run.
package tensorexample

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"

	"github.com/aiprov/aiprov/provenance"
)

// Artifact is one model directory Write makes, and the relation its
// manifest claims to the base ("" for the base itself and for the copy,
// which hides it).
type Artifact struct {
	Name     string // directory name under Write's dir
	Claim    provenance.Relation
	Made     string // how it was made from the base
	Expected string // the verdict lineage evidence gives against the base
}

// Artifacts lists what Write makes, the base first.
var Artifacts = []Artifact{
	{"base", "", "trained from scratch (seeded random weights)", ""},
	{"finetune", provenance.RelationFinetune, "layer 1 and lm_head trained further (small updates), the rest frozen", provenance.VerdictConsistent},
	{"quantized", provenance.RelationQuantized, "every matrix cast from F32 to BF16 (norms kept in F32)", provenance.VerdictConsistent},
	{"adapter", provenance.RelationAdapter, "a rank-4 LoRA adapter on the q and v projections, saved apart (PEFT naming)", provenance.VerdictConsistent},
	{"merged", provenance.RelationAdapter, "that adapter merged into the weights: W + B·A on the q and v projections", provenance.VerdictConsistent},
	{"copy", "", "the base with a retrained lm_head, published without declaring its base", ""},
}

const (
	vocab, hidden, layers, rank = 256, 64, 2, 4
)

type tensor struct {
	name  string
	dtype string
	shape []uint64
	f32   []float32 // the values, written as dtype (F32 or BF16)
}

func randomF32(seed uint64, n int, scale float32) []float32 {
	r := rand.New(rand.NewPCG(seed, 0x7e5))
	out := make([]float32, n)
	for i := range out {
		out[i] = float32(r.NormFloat64()) * scale
	}
	return out
}

func baseModel() []tensor {
	ts := []tensor{{name: "model.embed_tokens.weight", dtype: "F32", shape: []uint64{vocab, hidden}, f32: randomF32(1, vocab*hidden, 0.02)}}
	seed := uint64(100)
	for l := range layers {
		for _, p := range []string{"q_proj", "k_proj", "v_proj", "o_proj"} {
			seed++
			ts = append(ts, tensor{name: fmt.Sprintf("model.layers.%d.self_attn.%s.weight", l, p), dtype: "F32", shape: []uint64{hidden, hidden}, f32: randomF32(seed, hidden*hidden, 0.05)})
		}
		ts = append(ts, tensor{name: fmt.Sprintf("model.layers.%d.input_layernorm.weight", l), dtype: "F32", shape: []uint64{hidden}, f32: ones(hidden)})
	}
	ts = append(ts,
		tensor{name: "model.norm.weight", dtype: "F32", shape: []uint64{hidden}, f32: ones(hidden)},
		tensor{name: "lm_head.weight", dtype: "F32", shape: []uint64{vocab, hidden}, f32: randomF32(2, vocab*hidden, 0.02)})
	return ts
}

func ones(n int) []float32 {
	out := make([]float32, n)
	for i := range out {
		out[i] = 1
	}
	return out
}

// nudge adds small seeded updates to t's values, as training would.
func nudge(t tensor, seed uint64) tensor {
	d := randomF32(seed, len(t.f32), 0.001)
	out := make([]float32, len(t.f32))
	for i := range out {
		out[i] = t.f32[i] + d[i]
	}
	t.f32 = out
	return t
}

// lora returns the A (rank×hidden) and B (hidden×rank) matrices of one
// adapter module.
func lora(seed uint64) (a, b []float32) {
	return randomF32(seed, rank*hidden, 0.1), randomF32(seed+1, hidden*rank, 0.1)
}

func derive(name string) []tensor {
	base := baseModel()
	switch name {
	case "base":
		return base
	case "finetune":
		for i, t := range base {
			if t.name == "lm_head.weight" || (len(t.shape) == 2 && t.name[:15] == "model.layers.1.") {
				base[i] = nudge(t, uint64(1000+i))
			}
		}
		return base
	case "quantized":
		for i := range base {
			if len(base[i].shape) == 2 {
				base[i].dtype = "BF16"
			}
		}
		return base
	case "adapter":
		var ts []tensor
		for l := range layers {
			for j, p := range []string{"q_proj", "v_proj"} {
				a, b := lora(uint64(2000 + 10*l + 2*j))
				mod := fmt.Sprintf("base_model.model.model.layers.%d.self_attn.%s", l, p)
				ts = append(ts,
					tensor{name: mod + ".lora_A.weight", dtype: "F32", shape: []uint64{rank, hidden}, f32: a},
					tensor{name: mod + ".lora_B.weight", dtype: "F32", shape: []uint64{hidden, rank}, f32: b})
			}
		}
		return ts
	case "merged":
		for l := range layers {
			for j, p := range []string{"q_proj", "v_proj"} {
				a, b := lora(uint64(2000 + 10*l + 2*j))
				name := fmt.Sprintf("model.layers.%d.self_attn.%s.weight", l, p)
				for i := range base {
					if base[i].name != name {
						continue
					}
					w := append([]float32(nil), base[i].f32...)
					for r := range hidden {
						for c := range hidden {
							var s float32
							for k := range rank {
								s += b[r*rank+k] * a[k*hidden+c]
							}
							w[r*hidden+c] += s
						}
					}
					base[i].f32 = w
				}
			}
		}
		return base
	case "copy":
		for i, t := range base {
			if t.name == "lm_head.weight" {
				base[i] = nudge(t, 3000)
			}
		}
		return base
	}
	panic("tensorexample: unknown artifact " + name)
}

// Write makes dir/NAME/ for each of Artifacts: model.safetensors (for the
// adapter, adapter_model.safetensors) and a config.json.
func Write(dir string) error {
	for _, a := range Artifacts {
		d := filepath.Join(dir, a.Name)
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
		file, config := "model.safetensors", fmt.Sprintf(`{"model_type":"llama","hidden_size":%d,"num_hidden_layers":%d,"vocab_size":%d}`+"\n", hidden, layers, vocab)
		if a.Name == "adapter" {
			file, config = "adapter_model.safetensors", fmt.Sprintf(`{"peft_type":"LORA","r":%d,"target_modules":["q_proj","v_proj"]}`+"\n", rank)
		}
		if err := os.WriteFile(filepath.Join(d, file), safetensors(derive(a.Name)), 0o644); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(d, "config.json"), []byte(config), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// safetensors encodes ts in the safetensors layout: the header length
// (little-endian uint64), the JSON header padded with spaces to a multiple
// of 8, then the tensors' bytes in order. provenance's reader, which the
// example runs on these files, is tested against Hugging Face's parser.
func safetensors(ts []tensor) []byte {
	hdr := map[string]any{"__metadata__": map[string]string{"format": "pt"}}
	var data []byte
	for _, t := range ts {
		start := len(data)
		for _, v := range t.f32 {
			switch t.dtype {
			case "F32":
				data = binary.LittleEndian.AppendUint32(data, math.Float32bits(v))
			case "BF16":
				data = binary.LittleEndian.AppendUint16(data, bfloat16(v))
			}
		}
		hdr[t.name] = map[string]any{"dtype": t.dtype, "shape": t.shape, "data_offsets": []int{start, len(data)}}
	}
	js, err := json.Marshal(hdr)
	if err != nil {
		panic(err)
	}
	for len(js)%8 != 0 {
		js = append(js, ' ')
	}
	return append(append(binary.LittleEndian.AppendUint64(nil, uint64(len(js))), js...), data...)
}

// bfloat16 rounds v to the nearest bfloat16, ties to even (the values here
// are finite).
func bfloat16(v float32) uint16 {
	b := math.Float32bits(v)
	return uint16((b + 0x7fff + (b>>16)&1) >> 16)
}

// WriteMany writes a safetensors file of n small F32 tensors of 4 values
// each, seeded by seed: an index too long to fit a manifest inline
// (provenance.MaxInlineTensors), as a mixture-of-experts checkpoint has.
func WriteMany(path string, n int, seed uint64) error {
	ts := make([]tensor, n)
	for i := range ts {
		ts[i] = tensor{name: fmt.Sprintf("model.layers.%d.mlp.experts.%d.weight", i/64, i%64), dtype: "F32", shape: []uint64{2, 2}, f32: randomF32(seed+uint64(i), 4, 1)}
	}
	return os.WriteFile(path, safetensors(ts), 0o644)
}
