package provenance

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
)

// Writers of test weight files. They follow the formats' specifications;
// what they write is checked against Hugging Face's own parsers in
// TestTensorLayoutAgreesWithHuggingFace, so that our reader and our
// writer do not merely agree with each other.

type testTensor struct {
	name  string
	dtype string // safetensors dtype or ggml type name
	shape []uint64
	data  []byte // nil: filled with seeded random bytes of the right size
}

// tensorBytes returns t's bytes for format, making them if t.data is nil.
func (t *testTensor) bytes(format string, seed uint64) []byte {
	if t.data != nil {
		return t.data
	}
	n, _ := elements(t.shape)
	var size uint64
	if format == TensorFormatSafetensors {
		size = n * safetensorsBits[t.dtype] / 8
	} else {
		gt := ggmlTypes[ggmlTypeID(t.dtype)]
		size = n / gt.blockSize * gt.typeSize
	}
	r := rand.New(rand.NewPCG(seed, uint64(len(t.name))))
	b := make([]byte, size)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	t.data = b
	return b
}

func ggmlTypeID(name string) uint32 {
	for id, gt := range ggmlTypes {
		if gt.name == name {
			return id
		}
	}
	panic("unknown ggml type " + name)
}

// writeSafetensors lays the tensors out in the order given, after a header
// padded with spaces to a multiple of 8 bytes, as the safetensors library
// does.
func writeSafetensors(ts []testTensor, meta map[string]string) []byte {
	hdr := map[string]any{}
	if meta != nil {
		hdr["__metadata__"] = meta
	}
	var data []byte
	for i := range ts {
		b := ts[i].bytes(TensorFormatSafetensors, uint64(i))
		hdr[ts[i].name] = map[string]any{"dtype": ts[i].dtype, "shape": ts[i].shape, "data_offsets": []int{len(data), len(data) + len(b)}}
		data = append(data, b...)
	}
	js, err := json.Marshal(hdr)
	if err != nil {
		panic(err)
	}
	for len(js)%8 != 0 {
		js = append(js, ' ')
	}
	out := binary.LittleEndian.AppendUint64(nil, uint64(len(js)))
	return append(append(out, js...), data...)
}

// ggufKV is one metadata key/value; val is the encoded value.
type ggufKV struct {
	key string
	typ uint32
	val []byte
}

func ggufString(s string) []byte {
	return append(binary.LittleEndian.AppendUint64(nil, uint64(len(s))), s...)
}

// testGGUFMetadata is metadata of every value type, arrays included.
func testGGUFMetadata() []ggufKV {
	le := binary.LittleEndian
	strs := binary.LittleEndian.AppendUint32(nil, ggufTypeString)
	strs = le.AppendUint64(strs, 3)
	for _, s := range []string{"<s>", "</s>", "hello"} {
		strs = append(strs, ggufString(s)...)
	}
	ints := le.AppendUint32(nil, 5)
	ints = le.AppendUint64(ints, 4)
	for _, v := range []int32{1, -2, 3, -4} {
		ints = le.AppendUint32(ints, uint32(v))
	}
	nested := le.AppendUint32(nil, ggufTypeArray)
	nested = le.AppendUint64(nested, 2)
	for range 2 {
		nested = le.AppendUint32(nested, 0) // uint8
		nested = le.AppendUint64(nested, 2)
		nested = append(nested, 7, 8)
	}
	return []ggufKV{
		{"general.architecture", ggufTypeString, ggufString("llama")},
		{"general.name", ggufTypeString, ggufString("tiny test model")},
		{"test.u8", 0, []byte{200}},
		{"test.i8", 1, []byte{0xfe}},
		{"test.u16", 2, le.AppendUint16(nil, 65000)},
		{"test.i16", 3, le.AppendUint16(nil, 0xfff0)},
		{"test.u32", 4, le.AppendUint32(nil, 4_000_000_000)},
		{"test.i32", 5, le.AppendUint32(nil, 0xfffffff0)},
		{"test.f32", 6, le.AppendUint32(nil, math.Float32bits(1.5))},
		{"test.bool", 7, []byte{1}},
		{"test.u64", 10, le.AppendUint64(nil, 1<<40)},
		{"test.i64", 11, le.AppendUint64(nil, 1<<41)},
		{"test.f64", 12, le.AppendUint64(nil, math.Float64bits(-2.25))},
		{"tokenizer.ggml.tokens", ggufTypeArray, strs},
		{"test.ints", ggufTypeArray, ints},
		{"test.nested", ggufTypeArray, nested},
	}
}

// writeGGUF writes a little-endian GGUF file; alignment 0 leaves
// general.alignment out (32).
func writeGGUF(version, alignment uint32, kvs []ggufKV, ts []testTensor) []byte {
	le := binary.LittleEndian
	if alignment != 0 {
		kvs = append(kvs, ggufKV{"general.alignment", ggufTypeUint32, le.AppendUint32(nil, alignment)})
	}
	align := uint64(alignment)
	if align == 0 {
		align = ggufDefaultAlignment
	}
	b := []byte(ggufMagic)
	b = le.AppendUint32(b, version)
	b = le.AppendUint64(b, uint64(len(ts)))
	b = le.AppendUint64(b, uint64(len(kvs)))
	for _, kv := range kvs {
		b = append(b, ggufString(kv.key)...)
		b = le.AppendUint32(b, kv.typ)
		b = append(b, kv.val...)
	}
	var data []byte
	for i := range ts {
		t := &ts[i]
		b = append(b, ggufString(t.name)...)
		b = le.AppendUint32(b, uint32(len(t.shape)))
		for _, d := range t.shape {
			b = le.AppendUint64(b, d)
		}
		b = le.AppendUint32(b, ggmlTypeID(t.dtype))
		for uint64(len(data))%align != 0 {
			data = append(data, 0)
		}
		b = le.AppendUint64(b, uint64(len(data)))
		data = append(data, t.bytes(TensorFormatGGUF, uint64(i))...)
	}
	for uint64(len(b))%align != 0 {
		b = append(b, 0)
	}
	return append(b, data...)
}

// allSafetensorsTensors is one tensor of every safetensors dtype, plus a
// scalar and an empty tensor.
func allSafetensorsTensors() []testTensor {
	var ts []testTensor
	dtypes := make([]string, 0, len(safetensorsBits))
	for d := range safetensorsBits {
		dtypes = append(dtypes, d)
	}
	sort.Strings(dtypes)
	for i, d := range dtypes {
		ts = append(ts, testTensor{name: fmt.Sprintf("layers.%d.%s.weight", i, d), dtype: d, shape: []uint64{4, uint64(2 + i%3), 2}})
	}
	ts = append(ts,
		testTensor{name: "scalar", dtype: "F32", shape: []uint64{}},
		testTensor{name: "empty", dtype: "BF16", shape: []uint64{0, 5}},
	)
	return ts
}

// allGGUFTensors is one tensor of every ggml type.
func allGGUFTensors() []testTensor {
	ids := make([]int, 0, len(ggmlTypes))
	for id := range ggmlTypes {
		ids = append(ids, int(id))
	}
	sort.Ints(ids)
	var ts []testTensor
	for _, id := range ids {
		gt := ggmlTypes[uint32(id)]
		ts = append(ts, testTensor{name: "blk." + gt.name + ".weight", dtype: gt.name, shape: []uint64{gt.blockSize * 2, 3}})
	}
	ts = append(ts, testTensor{name: "output_norm.weight", dtype: "F32", shape: []uint64{7}})
	return ts
}
