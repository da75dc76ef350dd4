package provenance

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"lukechampine.com/blake3"
)

// checkDigests holds each tensor's digest to BLAKE3 of its byte range,
// computed here over the whole file.
func checkDigests(t *testing.T, file []byte, l *TensorLayout) {
	t.Helper()
	for _, tn := range l.Tensors {
		if tn.Offset+tn.Size > uint64(len(file)) {
			t.Fatalf("%s: bytes %d+%d past the %d-byte file", tn.Name, tn.Offset, tn.Size, len(file))
		}
		if want := blake3.Sum256(file[tn.Offset : tn.Offset+tn.Size]); TensorDigest(want) != tn.Digest {
			t.Errorf("%s: digest %s, want %x", tn.Name, tn.Digest, want)
		}
	}
}

func TestReadTensorLayout(t *testing.T) {
	st := allSafetensorsTensors()
	gg := allGGUFTensors()
	for _, tc := range []struct {
		name, format string
		file         []byte
		want         []testTensor
	}{
		{"safetensors", TensorFormatSafetensors, writeSafetensors(st, map[string]string{"format": "pt"}), st},
		{"gguf v3", TensorFormatGGUF, writeGGUF(3, 0, testGGUFMetadata(), gg), gg},
		{"gguf v2 align 64", TensorFormatGGUF, writeGGUF(2, 64, testGGUFMetadata(), gg), gg},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// Whole, in odd pieces, and with the size unknown: one layout.
			var first *TensorLayout
			for _, piece := range []int{1 << 20, 1, 7, 4093} {
				for _, size := range []int64{int64(len(tc.file)), -1} {
					tr := newTensorTracker(tc.format, size, nil)
					for b := tc.file; len(b) > 0; {
						n := min(piece, len(b))
						if _, err := tr.Write(b[:n]); err != nil {
							t.Fatalf("piece %d: %v", piece, err)
						}
						b = b[n:]
					}
					l, err := tr.finish()
					if err != nil {
						t.Fatalf("piece %d: %v", piece, err)
					}
					if first == nil {
						first = l
						continue
					}
					if !equalLayouts(first, l) {
						t.Fatalf("piece %d size %d: layout differs", piece, size)
					}
				}
			}
			if len(first.Tensors) != len(tc.want) {
				t.Fatalf("%d tensors, want %d", len(first.Tensors), len(tc.want))
			}
			byName := map[string]Tensor{}
			for _, tn := range first.Tensors {
				byName[tn.Name] = tn
			}
			for _, w := range tc.want {
				got := byName[w.name]
				if got.DType != w.dtype || !slices.Equal(got.Shape, w.shape) || got.Size != uint64(len(w.data)) {
					t.Errorf("%s: got %s %v %d bytes, want %s %v %d bytes", w.name, got.DType, got.Shape, got.Size, w.dtype, w.shape, len(w.data))
				}
				if !bytes.Equal(tc.file[got.Offset:got.Offset+got.Size], w.data) {
					t.Errorf("%s: bytes at offset %d are not the tensor's", w.name, got.Offset)
				}
			}
			checkDigests(t, tc.file, first)
		})
	}
}

func equalLayouts(a, b *TensorLayout) bool {
	if a.Format != b.Format || len(a.Tensors) != len(b.Tensors) {
		return false
	}
	for i, x := range a.Tensors {
		y := b.Tensors[i]
		if x.Name != y.Name || x.DType != y.DType || !slices.Equal(x.Shape, y.Shape) || x.Offset != y.Offset || x.Size != y.Size || x.Digest != y.Digest {
			return false
		}
	}
	return true
}

// TestHashTensors: Options.Tensors leaves CIDs alone and finds the same
// layouts as ReadTensorLayout, for files, a directory with a sharded
// checkpoint, and streams, on one worker and several.
func TestHashTensors(t *testing.T) {
	dir := t.TempDir()
	st := allSafetensorsTensors()
	shard1, shard2 := st[:10], st[10:]
	files := map[string][]byte{
		"model-00001-of-00002.safetensors": writeSafetensors(shard1, nil),
		"model-00002-of-00002.safetensors": writeSafetensors(shard2, nil),
		"model.safetensors.index.json":     shardIndexJSON(map[string][]testTensor{"model-00001-of-00002.safetensors": shard1, "model-00002-of-00002.safetensors": shard2}),
		"gguf/tiny-Q4_K.gguf":              writeGGUF(3, 0, testGGUFMetadata(), allGGUFTensors()),
		"config.json":                      []byte(`{"model_type":"llama"}`),
	}
	// A big file crosses many chunks and goes through the parallel pipeline.
	big := []testTensor{{name: "a", dtype: "F32", shape: []uint64{300, 1000}}, {name: "b", dtype: "BF16", shape: []uint64{777, 1001}}, {name: "c", dtype: "U8", shape: []uint64{3}}}
	files["big.safetensors"] = writeSafetensors(big, nil)
	for name, b := range files {
		os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755)
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	plain, err := Hash(context.Background(), dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	p := DefaultParams()
	p.ChunkSize = 64 << 10
	for _, workers := range []int{1, 3} {
		for _, params := range []Params{{}, p} {
			res, err := Hash(context.Background(), dir, &Options{Tensors: true, SHA256: true, Concurrency: workers, Params: params})
			if err != nil {
				t.Fatal(err)
			}
			if params == (Params{}) && res.CID != plain.CID {
				t.Fatalf("CID %s with tensors, %s without", res.CID, plain.CID)
			}
			if res.Tensors == nil || len(res.Tensors.Files) != 4 {
				t.Fatalf("tensor index: %+v", res.Tensors)
			}
			for _, f := range res.Tensors.Files {
				want, err := ReadTensorLayout(context.Background(), bytes.NewReader(files[f.Path]), f.Format, -1, nil)
				if err != nil {
					t.Fatal(err)
				}
				if !equalLayouts(want, &f.TensorLayout) {
					t.Errorf("%s: layout differs from ReadTensorLayout", f.Path)
				}
			}
			for _, fr := range res.Files {
				if (fr.Tensors != nil) != (tensorFormatOf(fr.Path) != "") {
					t.Errorf("%s: tensors %v", fr.Path, fr.Tensors)
				}
			}
		}
	}
	fr, err := HashReader(context.Background(), bytes.NewReader(files["big.safetensors"]), &Options{Tensors: true})
	if err != nil {
		t.Fatal(err)
	}
	if fr.Tensors == nil || len(fr.Tensors.Tensors) != 3 {
		t.Fatalf("HashReader tensors: %+v", fr.Tensors)
	}
	checkDigests(t, files["big.safetensors"], fr.Tensors)
	if fr, err = HashReader(context.Background(), strings.NewReader("not weights"), &Options{Tensors: true}); err != nil || fr.Tensors != nil {
		t.Fatalf("plain stream: %v %v", fr.Tensors, err)
	}
}

func shardIndexJSON(shards map[string][]testTensor) []byte {
	var b strings.Builder
	b.WriteString(`{"metadata": {"total_size": 1}, "weight_map": {`)
	first := true
	for file, ts := range shards {
		for _, tn := range ts {
			if !first {
				b.WriteString(",")
			}
			first = false
			b.WriteString(`"` + tn.name + `": "` + file + `"`)
		}
	}
	b.WriteString("}}")
	return []byte(b.String())
}

func TestShardIndexErrors(t *testing.T) {
	a := []testTensor{{name: "x", dtype: "F32", shape: []uint64{2}}, {name: "y", dtype: "F32", shape: []uint64{2}}}
	for _, tc := range []struct {
		name, index, want string
	}{
		{"missing tensor", `{"weight_map": {"x": "a.safetensors", "y": "a.safetensors", "z": "a.safetensors"}}`, `weight_map["z"]: shard "a.safetensors" holds no tensor of that name`},
		{"unlisted tensor", `{"weight_map": {"x": "a.safetensors"}}`, `tensor "y" of shard "a.safetensors" is not listed`},
		{"missing shard", `{"weight_map": {"x": "b.safetensors"}}`, `shard "b.safetensors" is not a safetensors file`},
		{"escaping shard", `{"weight_map": {"x": "../a.safetensors"}}`, `is not a plain relative path`},
		{"not json", `{"weight_map": `, `invalid JSON`},
		{"no map", `{}`, `weight_map: missing`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			os.WriteFile(filepath.Join(dir, "a.safetensors"), writeSafetensors(a, nil), 0o644)
			os.WriteFile(filepath.Join(dir, "model.safetensors.index.json"), []byte(tc.index), 0o644)
			_, err := Hash(context.Background(), dir, &Options{Tensors: true})
			if err == nil || !strings.Contains(err.Error(), tc.want) || !errors.Is(err, ErrMalformedTensors) {
				t.Fatalf("got %v, want %q", err, tc.want)
			}
		})
	}
}

// TestTensorHeaderErrors: malformed headers are refused naming the field
// and the byte offset.
func TestTensorHeaderErrors(t *testing.T) {
	st := func(hdr string, data int) []byte {
		b := binary.LittleEndian.AppendUint64(nil, uint64(len(hdr)))
		return append(append(b, hdr...), make([]byte, data)...)
	}
	good := writeGGUF(3, 0, nil, []testTensor{{name: "w", dtype: "Q8_0", shape: []uint64{32, 2}}})
	gg := func(edit func(b []byte) []byte) []byte { return edit(bytes.Clone(good)) }
	le := binary.LittleEndian
	for _, tc := range []struct {
		name, format string
		file         []byte
		want         string
	}{
		{"st empty", TensorFormatSafetensors, nil, "safetensors: byte 0: header length: file ends inside the header"},
		{"st huge header", TensorFormatSafetensors, le.AppendUint64(nil, 1<<40), "header length: 1099511627776 bytes, more than the limit"},
		{"st header past end", TensorFormatSafetensors, st("{}", 0)[:9], "safetensors: byte "}, // 0 when the size is known, 9 when not
		{"st not object", TensorFormatSafetensors, st("[]", 0), "byte 8: header: want a JSON object"},
		{"st bad utf8", TensorFormatSafetensors, st("{\"a\xff\":1}", 0), "byte 11: header: invalid UTF-8"},
		{"st bad json", TensorFormatSafetensors, st(`{"a":}`, 0), `byte 13: tensors["a"]: invalid JSON`},
		{"st unknown dtype", TensorFormatSafetensors, st(`{"a":{"dtype":"F13","shape":[1],"data_offsets":[0,2]}}`, 2), `byte 22: tensors["a"].dtype: unknown dtype "F13"`},
		{"st negative dim", TensorFormatSafetensors, st(`{"a":{"dtype":"U8","shape":[-1],"data_offsets":[0,2]}}`, 2), `byte 36: tensors["a"].shape: want a non-negative integer below 2^64, got -1`},
		{"st float offset", TensorFormatSafetensors, st(`{"a":{"dtype":"U8","shape":[2],"data_offsets":[0,2.0]}}`, 2), `tensors["a"].data_offsets[1]: want a non-negative integer below 2^64, got 2.0`},
		{"st size mismatch", TensorFormatSafetensors, st(`{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,4]}}`, 4), `tensors["a"].data_offsets: [0, 4] holds 4 bytes; [2] of F32 takes 8`},
		{"st gap", TensorFormatSafetensors, st(`{"a":{"dtype":"U8","shape":[2],"data_offsets":[2,4]}}`, 4), `tensors["a"].data_offsets: begins at 2, want 0`},
		{"st trailing", TensorFormatSafetensors, st(`{"a":{"dtype":"U8","shape":[2],"data_offsets":[0,2]}}`, 5), `data_offsets: the tensors end at byte 63 but the file has 66 bytes`},
		{"st short", TensorFormatSafetensors, st(`{"a":{"dtype":"U8","shape":[4],"data_offsets":[0,4]}}`, 2), `tensors["a"]: bytes 61 to 65 lie past the end of the 63-byte file`},
		{"st duplicate", TensorFormatSafetensors, st(`{"a":{"dtype":"U8","shape":[0],"data_offsets":[0,0]},"a":{}}`, 0), `tensors["a"]: duplicate key`},
		{"st unknown field", TensorFormatSafetensors, st(`{"a":{"dtype":"U8","offset":3}}`, 0), `tensors["a"].offset: unknown field`},
		{"st missing shape", TensorFormatSafetensors, st(`{"a":{"dtype":"U8","data_offsets":[0,0]}}`, 0), `tensors["a"].shape: missing`},
		{"st too many dims", TensorFormatSafetensors, st(`{"a":{"dtype":"U8","shape":[1,1,1,1,1,1,1,1,1],"data_offsets":[0,1]}}`, 1), `more than the limit of 8 dimensions`},
		{"st half byte", TensorFormatSafetensors, st(`{"a":{"dtype":"F4","shape":[3],"data_offsets":[0,1]}}`, 1), `3 elements of F4 do not fill whole bytes`},
		{"st overflow", TensorFormatSafetensors, st(`{"a":{"dtype":"F64","shape":[4294967296,4294967296],"data_offsets":[0,1]}}`, 1), `has more elements than a file can hold`},
		{"st metadata not string", TensorFormatSafetensors, st(`{"__metadata__":{"a":1}}`, 0), `__metadata__: values must be strings`},
		{"st junk after header", TensorFormatSafetensors, st(`{} x`, 0), `byte 11: header: data after the JSON object`},
		{"gguf magic", TensorFormatGGUF, []byte("GGUX\x03\x00\x00\x00"), `gguf: byte 0: magic: want "GGUF"`},
		{"gguf v1", TensorFormatGGUF, gg(func(b []byte) []byte { b[4] = 1; return b }), `byte 4: version: version 1 is not supported`},
		{"gguf big endian", TensorFormatGGUF, gg(func(b []byte) []byte { copy(b[4:], []byte{0, 0, 0, 3}); return b }), `big-endian GGUF is not supported`},
		{"gguf truncated", TensorFormatGGUF, good[:30], `byte 30: header: file ends inside the header`},
		{"gguf too many tensors", TensorFormatGGUF, gg(func(b []byte) []byte { le.PutUint64(b[8:], 1<<50); return b }), `byte 8: tensor_count: 1125899906842624 tensors, more than the limit`},
		{"gguf huge string", TensorFormatGGUF, gg(func(b []byte) []byte { le.PutUint64(b[24:], 1<<60); return b }), `byte 24: tensors[0].name: string of 1152921504606846976 bytes, more than the limit`},
		{"gguf bad type", TensorFormatGGUF, gg(func(b []byte) []byte { le.PutUint32(b[24+8+1+4+16:], 4); return b }), `byte 53: tensors["w"].type: unknown ggml type 4`},
		{"gguf block size", TensorFormatGGUF, gg(func(b []byte) []byte { le.PutUint64(b[24+8+1+4:], 31); return b }), `byte 33: tensors["w"].dims: first dimension 31 is not a multiple of Q8_0's block size 32`},
		{"gguf misaligned", TensorFormatGGUF, gg(func(b []byte) []byte { le.PutUint64(b[24+8+1+4+16+4:], 3); return b }), `byte 57: tensors["w"].offset: 3 is not a multiple of the alignment 32`},
		{"gguf past end", TensorFormatGGUF, gg(func(b []byte) []byte { le.PutUint64(b[24+8+1+4+16+4:], 64); return b }), `tensors["w"]: bytes 160 to 228 lie past the end of the 164-byte file`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, size := range []int64{int64(len(tc.file)), -1} {
				_, err := ReadTensorLayout(context.Background(), bytes.NewReader(tc.file), tc.format, size, nil)
				var he *TensorHeaderError
				if !errors.As(err, &he) || !errors.Is(err, ErrMalformedTensors) {
					t.Fatalf("size %d: got %v, want a *TensorHeaderError", size, err)
				}
				if !strings.Contains(err.Error(), tc.want) {
					t.Fatalf("size %d: got\n%v\nwant it to contain\n%s", size, err, tc.want)
				}
			}
		})
	}
}

// TestHashMalformedWeights: Hash refuses a malformed weight file, naming
// it, and stops reading it.
func TestHashMalformedWeights(t *testing.T) {
	dir := t.TempDir()
	bad := append(binary.LittleEndian.AppendUint64(nil, 2), "[]"...)
	bad = append(bad, make([]byte, 5<<20)...)
	os.WriteFile(filepath.Join(dir, "bad.safetensors"), bad, 0o644)
	_, err := Hash(context.Background(), dir, &Options{Tensors: true})
	var pe *os.PathError
	if !errors.As(err, &pe) || !strings.HasSuffix(pe.Path, "bad.safetensors") || !errors.Is(err, ErrMalformedTensors) {
		t.Fatalf("got %v", err)
	}
	if _, err := Hash(context.Background(), dir, nil); err != nil {
		t.Fatalf("without Tensors: %v", err)
	}
}
