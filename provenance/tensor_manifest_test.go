package provenance

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/aiprov/aiprov/internal/ipld"
	"github.com/ipfs/go-cid"
)

// tensorIndexOf n tensors in one file "model.safetensors".
func tensorIndexOf(n int) *TensorIndex {
	f := TensorFile{Path: "model.safetensors", TensorLayout: TensorLayout{Format: TensorFormatSafetensors}}
	off := uint64(8 + 64)
	for i := range n {
		t := Tensor{Name: fmt.Sprintf("model.layers.%d.weight", i), DType: "BF16", Shape: []uint64{uint64(i % 7), 3}, Offset: off, Size: uint64(i%7) * 6}
		t.Digest[0], t.Digest[1], t.Digest[31] = byte(i), byte(i>>8), 0xaa
		off += t.Size
		f.Tensors = append(f.Tensors, t)
	}
	return &TensorIndex{Files: []TensorFile{f}}
}

func manifestWithTensors(t testing.TB, x *TensorIndex) (*Manifest, map[cid.Cid][]byte) {
	m := minimalManifest()
	m.Subject.Kind = KindModel
	ts, pages, err := ManifestTensorsOf(x)
	if err != nil {
		t.Fatal(err)
	}
	m.Subject.Tensors = ts
	blocks := map[cid.Cid][]byte{}
	for _, p := range pages {
		blocks[p.CID] = p.Data
	}
	return m, blocks
}

func getter(blocks map[cid.Cid][]byte) func(context.Context, cid.Cid) ([]byte, error) {
	return func(_ context.Context, c cid.Cid) ([]byte, error) {
		if b, ok := blocks[c]; ok {
			return b, nil
		}
		return nil, errors.New("not found")
	}
}

// TestManifestTensors: an index survives DAG-CBOR and DAG-JSON, inline and
// in pages, and reads back whole through Subject.TensorIndex.
func TestManifestTensors(t *testing.T) {
	for _, n := range []int{1, 40, MaxInlineTensors, MaxInlineTensors + 1, 9000} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			x := tensorIndexOf(n)
			m, blocks := manifestWithTensors(t, x)
			if paged := len(blocks) > 0; paged != (n > MaxInlineTensors) {
				t.Fatalf("%d tensors: paged %v", n, paged)
			}
			if err := m.Validate(); err != nil {
				t.Fatal(err)
			}
			cb, err := m.MarshalCBOR()
			if err != nil {
				t.Fatal(err)
			}
			js, _ := m.MarshalJSON()
			for name, decode := range map[string]func() (*Manifest, error){
				"cbor": func() (*Manifest, error) { return DecodeManifest(cb) },
				"json": func() (*Manifest, error) { m, _, err := ReadManifest(js); return m, err },
			} {
				got, err := decode()
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				if !reflect.DeepEqual(got.Subject.Tensors, m.Subject.Tensors) {
					t.Fatalf("%s: tensors differ after the round trip", name)
				}
				back, err := got.Subject.TensorIndex(context.Background(), getter(blocks))
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				if !reflect.DeepEqual(back, x) {
					t.Fatalf("%s: index differs after the round trip", name)
				}
			}
			if len(blocks) == 0 {
				return
			}
			// A page that is not what its CID says, and a manifest whose
			// count disagrees with its pages, are refused.
			bad := map[cid.Cid][]byte{}
			for c, b := range blocks {
				bad[c] = b
			}
			first := m.Subject.Tensors[0].Pages[0]
			bad[first] = append(bytes.Clone(blocks[first][:len(blocks[first])-1]), 0)
			if _, err := m.Subject.TensorIndex(context.Background(), getter(bad)); err == nil || !strings.Contains(err.Error(), "other content") {
				t.Fatalf("tampered page: %v", err)
			}
			m.Subject.Tensors[0].Count++
			if _, err := m.Subject.TensorIndex(context.Background(), getter(blocks)); err == nil || !strings.Contains(err.Error(), "the manifest says") {
				t.Fatalf("count: %v", err)
			}
		})
	}
}

// TestManifestTensorsStrict: malformed subject.tensors are refused, from
// DAG-CBOR and DAG-JSON, with the same path.
func TestManifestTensorsStrict(t *testing.T) {
	base := func() map[string]any {
		m, _ := manifestWithTensors(t, tensorIndexOf(2))
		node, err := m.toNode()
		if err != nil {
			t.Fatal(err)
		}
		return node
	}
	tensorsOf := func(n map[string]any) []any { return n["subject"].(map[string]any)["tensors"].([]any) }
	file0 := func(n map[string]any) map[string]any { return tensorsOf(n)[0].(map[string]any) }
	tensor1 := func(n map[string]any) map[string]any { return file0(n)["tensors"].([]any)[1].(map[string]any) }
	for _, tc := range []struct {
		name, path string
		edit       func(n map[string]any)
	}{
		{"unknown tensor field", "subject.tensors[0].tensors[1].bias", func(n map[string]any) { tensor1(n)["bias"] = int64(1) }},
		{"short digest", "subject.tensors[0].tensors[1].blake3", func(n map[string]any) { tensor1(n)["blake3"] = []byte{1, 2} }},
		{"digest as string", "subject.tensors[0].tensors[1].blake3", func(n map[string]any) { tensor1(n)["blake3"] = "00" }},
		{"negative dim", "subject.tensors[0].tensors[1].shape[0]", func(n map[string]any) { tensor1(n)["shape"] = []any{int64(-1)} }},
		{"missing offset", "subject.tensors[0].tensors[1].offset", func(n map[string]any) { delete(tensor1(n), "offset") }},
		{"unknown format", "subject.tensors[0].format", func(n map[string]any) { file0(n)["format"] = "pickle" }},
		{"tensors and pages", "subject.tensors[0]", func(n map[string]any) {
			file0(n)["pages"] = []any{testCID("p", cid.DagCBOR)}
			file0(n)["count"] = int64(2)
		}},
		{"neither", "subject.tensors[0]", func(n map[string]any) { delete(file0(n), "tensors") }},
		{"empty list", "subject.tensors", func(n map[string]any) { n["subject"].(map[string]any)["tensors"] = []any{} }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n := base()
			tc.edit(n)
			cb, err := encodeCBOR(n)
			if err != nil {
				t.Fatal(err)
			}
			_, errCBOR := DecodeManifest(cb)
			js, err := ipld.EncodeJSON(n)
			if err != nil {
				t.Fatal(err)
			}
			errJSON := new(Manifest).UnmarshalJSON(js)
			for which, err := range map[string]error{"cbor": errCBOR, "json": errJSON} {
				var fe *FieldError
				if !errors.As(err, &fe) || fe.Path != tc.path || !errors.Is(err, ErrMalformedManifest) {
					t.Errorf("%s: got %v, want a FieldError at %s", which, err, tc.path)
				}
			}
		})
	}
}

func TestManifestTensorsValidate(t *testing.T) {
	m, _ := manifestWithTensors(t, tensorIndexOf(3))
	m.Subject.Files = []File{{Path: "other.bin", CID: testCID("o", cid.Raw), Size: 10, SHA256: strings.Repeat("a", 64)}}
	m.Subject.Size = 10
	m.Subject.Tensors[0].Tensors[2].Offset = 0
	m.Subject.Tensors[0].Tensors[1].Name = m.Subject.Tensors[0].Tensors[0].Name
	err := m.Validate()
	for _, want := range []string{
		`subject.tensors[0].path: "model.safetensors" is not one of subject.files`,
		`subject.tensors[0].tensors[1].name: duplicate tensor`,
		`subject.tensors[0].tensors[2].offset: 0 overlaps the tensor before`,
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("got %v, want %q", err, want)
		}
	}
}

// TestManifestTensorsKubo: manifests with tensor indexes, inline and
// paged, and the pages themselves, get from `ipfs dag put` the CIDs we
// compute.
func TestManifestTensorsKubo(t *testing.T) {
	k := newDagKubo(t)
	dir := t.TempDir()
	var docs [][]byte
	var want []cid.Cid
	for _, n := range []int{3, MaxInlineTensors + 500} {
		x := tensorIndexOf(n)
		x.Files[0].Tensors[0].Shape = []uint64{math.MaxInt64}
		m, blocks := manifestWithTensors(t, x)
		js, err := m.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		id, _ := m.CID()
		docs, want = append(docs, js), append(want, id)
		for _, page := range m.Subject.Tensors[0].Pages {
			pj, err := pageJSON(blocks[page])
			if err != nil {
				t.Fatal(err)
			}
			docs, want = append(docs, pj), append(want, page)
		}
	}
	var files []string
	for i, d := range docs {
		f := filepath.Join(dir, fmt.Sprintf("d%04d.json", i))
		os.WriteFile(f, d, 0o644)
		files = append(files, f)
	}
	out := strings.Fields(string(k.run(nil, append([]string{"dag", "put", "--input-codec", "dag-json", "--store-codec", "dag-cbor"}, files...)...)))
	if len(out) != len(want) {
		t.Fatalf("Kubo printed %d CIDs for %d documents", len(out), len(want))
	}
	for i := range want {
		if out[i] != want[i].String() {
			t.Errorf("document %d: Kubo %s, ours %s", i, out[i], want[i])
		}
	}
}

func pageJSON(cb []byte) ([]byte, error) {
	v, err := ipld.DecodeCBOR(cb, tensorLimits)
	if err != nil {
		return nil, err
	}
	return ipld.EncodeJSON(v)
}

// TestCheckManifestTensors: CheckManifest compares a weight file's tensors
// with the manifest's index: a forged index over unchanged bytes, and a
// file whose tensor changed, are reported with the tensor's name, in full
// and partial checks.
func TestCheckManifestTensors(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	ts := []testTensor{
		{name: "embed.weight", dtype: "BF16", shape: []uint64{16, 8}},
		{name: "lm_head.weight", dtype: "F32", shape: []uint64{8, 4}},
	}
	file := filepath.Join(dir, "model.safetensors")
	if err := os.WriteFile(file, writeSafetensors(ts, nil), 0o644); err != nil {
		t.Fatal(err)
	}
	m, err := BuildManifest(ctx, dir, &BuildOptions{Tensors: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Subject.Tensors) != 1 || len(m.Subject.Tensors[0].Tensors) != 2 {
		t.Fatalf("tensors %+v", m.Subject.Tensors)
	}
	check := func(m *Manifest, opts *CheckOptions) string {
		t.Helper()
		r, err := CheckManifest(ctx, m, dir, opts)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, c := range r.Changed {
			out = append(out, c.Path+": "+c.Reason())
		}
		return strings.Join(out, "\n")
	}
	partial := &CheckOptions{Paths: []string{"model.safetensors"}}
	for _, opts := range []*CheckOptions{nil, partial} {
		if got := check(m, opts); got != "" {
			t.Fatalf("unchanged: %s", got)
		}
	}

	forged := *m
	forged.Subject.Tensors = []ManifestTensors{m.Subject.Tensors[0]}
	forged.Subject.Tensors[0].Tensors = slices.Clone(m.Subject.Tensors[0].Tensors)
	forged.Subject.Tensors[0].Tensors[1].Digest[0] ^= 1
	for _, opts := range []*CheckOptions{nil, partial} {
		got := check(&forged, opts)
		if !strings.Contains(got, "same bytes but the manifest's tensor index is not the file's") || !strings.Contains(got, `"lm_head.weight" has other bytes`) {
			t.Fatalf("forged index: %q", got)
		}
	}

	ts[1].data = bytes.Repeat([]byte{1}, 8*4*4)
	if err := os.WriteFile(file, writeSafetensors(ts, nil), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := check(m, nil); !strings.Contains(got, "sha256 ") || !strings.Contains(got, `1 of 2 tensors differ from the manifest's index: "lm_head.weight" has other bytes`) {
		t.Fatalf("changed tensor: %q", got)
	}
	if err := os.WriteFile(file, []byte("not weights any more"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := check(m, nil); !strings.Contains(got, "size 20") || !strings.Contains(got, "header does not parse") {
		t.Fatalf("garbage: %q", got)
	}
}

// TestBuildManifestTensorsSingleFile: a weight file hashed on its own (the
// root is the file) has its tensors read too, under its base name.
func TestBuildManifestTensorsSingleFile(t *testing.T) {
	file := filepath.Join(t.TempDir(), "w.safetensors")
	if err := os.WriteFile(file, writeSafetensors([]testTensor{{name: "a", dtype: "F32", shape: []uint64{2}}}, nil), 0o644); err != nil {
		t.Fatal(err)
	}
	m, err := BuildManifest(context.Background(), file, &BuildOptions{Tensors: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Subject.Tensors) != 1 || m.Subject.Tensors[0].Path != "w.safetensors" || len(m.Subject.Tensors[0].Tensors) != 1 {
		t.Fatalf("tensors %+v", m.Subject.Tensors)
	}
	if r, err := CheckManifest(context.Background(), m, file, nil); err != nil || !r.OK() {
		t.Fatalf("check: %v %+v", err, r)
	}
}
