package provenance

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"github.com/aiprov/aiprov/internal/testtools"
)

// TestTensorLayoutAgreesWithHuggingFace reads files written in every dtype
// of both formats, and a sharded checkpoint, with Hugging Face's parsers
// (@huggingface/hub's parseSafetensorsMetadata, @huggingface/gguf; see
// testdata/tensors/hf-layout.mjs) and with Hash: every tensor's name,
// dtype, shape and byte range must agree, and the SHA-256 node computes
// over its range must match the bytes our range covers.
func TestTensorLayoutAgreesWithHuggingFace(t *testing.T) {
	script, err := os.ReadFile(filepath.Join("testdata", "tensors", "hf-layout.mjs"))
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	st := allSafetensorsTensors()
	gg := allGGUFTensors()
	files := map[string][]byte{
		"single/model.safetensors":                 writeSafetensors(st, map[string]string{"format": "pt"}),
		"sharded/model-00001-of-00003.safetensors": writeSafetensors(st[:7], nil),
		"sharded/model-00002-of-00003.safetensors": writeSafetensors(st[7:15], nil),
		"sharded/model-00003-of-00003.safetensors": writeSafetensors(st[15:], nil),
		"sharded/model.safetensors.index.json": shardIndexJSON(map[string][]testTensor{
			"model-00001-of-00003.safetensors": st[:7], "model-00002-of-00003.safetensors": st[7:15], "model-00003-of-00003.safetensors": st[15:]}),
		"gguf/v3.gguf":          writeGGUF(3, 0, testGGUFMetadata(), gg),
		"gguf/v2-align-64.gguf": writeGGUF(2, 64, testGGUFMetadata(), gg),
	}
	for name, b := range files {
		os.MkdirAll(filepath.Dir(filepath.Join(root, name)), 0o755)
		if err := os.WriteFile(filepath.Join(root, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	type jsTensor struct {
		Name, DType          string
		Shape                []string
		Offset, Size, SHA256 string
	}
	type jsFile struct {
		Path    string
		Tensors []jsTensor
	}
	in, _ := json.Marshal(map[string]any{"root": root, "files": []map[string]string{
		{"path": "single/model.safetensors", "kind": "safetensors"},
		{"path": "sharded/model.safetensors.index.json", "kind": "safetensors"},
		{"path": "gguf/v3.gguf", "kind": "gguf"},
		{"path": "gguf/v2-align-64.gguf", "kind": "gguf"},
	}})
	out := testtools.RunNode(t, string(script), in)
	var js []jsFile
	if err := json.Unmarshal(out, &js); err != nil {
		t.Fatalf("node output: %v\n%.500s", err, out)
	}
	res, err := Hash(context.Background(), root, &Options{Tensors: true})
	if err != nil {
		t.Fatal(err)
	}
	ours := map[string]map[string]Tensor{}
	for _, f := range res.Tensors.Files {
		ours[f.Path] = map[string]Tensor{}
		for _, tn := range f.Tensors {
			ours[f.Path][tn.Name] = tn
		}
	}
	if len(js) != len(ours) {
		t.Fatalf("Hugging Face read %d files, we %d", len(js), len(ours))
	}
	n := 0
	for _, f := range js {
		mine := ours[f.Path]
		if len(f.Tensors) != len(mine) {
			t.Errorf("%s: %d tensors for Hugging Face, %d for us", f.Path, len(f.Tensors), len(mine))
		}
		for _, h := range f.Tensors {
			n++
			tn, ok := mine[h.Name]
			if !ok {
				t.Errorf("%s: we have no tensor %q", f.Path, h.Name)
				continue
			}
			shape := make([]string, len(tn.Shape))
			for i, d := range tn.Shape {
				shape[i] = strconv.FormatUint(d, 10)
			}
			if h.DType != tn.DType || !slices.Equal(h.Shape, shape) || h.Offset != strconv.FormatUint(tn.Offset, 10) {
				t.Errorf("%s %s: Hugging Face %s %v at %s, we %s %v at %d", f.Path, h.Name, h.DType, h.Shape, h.Offset, tn.DType, shape, tn.Offset)
			}
			// @huggingface/gguf's table (like gguf-py's) gives Q8_1 the
			// 40-byte block of old ggml (two floats); ggml-common.h has
			// asserted 36 (two halfs) since 2024. Files do not hold Q8_1,
			// an in-memory type, so only its size is left unchecked.
			if tn.DType == "Q8_1" {
				continue
			}
			sum := sha256.Sum256(files[f.Path][tn.Offset : tn.Offset+tn.Size])
			if h.Size != strconv.FormatUint(tn.Size, 10) || h.SHA256 != hex.EncodeToString(sum[:]) {
				t.Errorf("%s %s: Hugging Face %s bytes (sha256 %.12s…), we %d (%.12x…)", f.Path, h.Name, h.Size, h.SHA256, tn.Size, sum)
			}
		}
	}
	if n != res.Tensors.Count() {
		t.Errorf("compared %d tensors of %d", n, res.Tensors.Count())
	}
}
