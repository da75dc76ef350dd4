package provenance

import (
	"encoding/hex"
	"errors"
	"fmt"
	"math/bits"
	"strconv"
)

// Tensor formats, as TensorLayout.Format names them.
const (
	TensorFormatSafetensors = "safetensors"
	TensorFormatGGUF        = "gguf"
)

// Tensor is one named tensor of a weight file and the digest of its bytes.
type Tensor struct {
	Name string `json:"name"`
	// DType is the element type as the format names it: safetensors'
	// "BF16", "F8_E4M3", …; GGUF's ggml type names "F16", "Q4_K", ….
	DType string `json:"dtype"`
	// Shape as the file stores it. GGUF lists dimensions innermost first
	// (ggml's ne[0], ne[1], …), safetensors outermost first.
	Shape  []uint64     `json:"shape"`
	Offset uint64       `json:"offset"` // of the first byte, from the start of the file
	Size   uint64       `json:"size"`   // bytes
	Digest TensorDigest `json:"digest"` // BLAKE3-256 of the Size bytes at Offset
}

// TensorDigest is the BLAKE3-256 digest of a tensor's bytes. BLAKE3 rather
// than SHA-256 because it is several times faster per core, which keeps the
// cost of digesting every tensor within a fraction of the CID's own hashing
// (see BenchmarkHashTensors); as a multihash it is code 0x1e.
type TensorDigest [32]byte

// String returns the digest in lowercase hex.
func (d TensorDigest) String() string { return hex.EncodeToString(d[:]) }

// MarshalText writes lowercase hex.
func (d TensorDigest) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads 64 hex digits.
func (d *TensorDigest) UnmarshalText(b []byte) error {
	if len(b) != 64 {
		return fmt.Errorf("tensor digest: want 64 hex digits, got %d characters", len(b))
	}
	_, err := hex.Decode(d[:], b)
	return err
}

// TensorLayout is the tensors of one weight file, in the order of their
// bytes in the file.
type TensorLayout struct {
	Format  string   `json:"format"` // TensorFormatSafetensors or TensorFormatGGUF
	Tensors []Tensor `json:"tensors"`

	weightMap map[string]string // of a sharded checkpoint's index, while importing
}

// TensorFile is the layout of one file of an artifact.
type TensorFile struct {
	Path string `json:"path"` // slash-separated, relative to the artifact root
	TensorLayout
}

// TensorIndex is the tensor layout of every weight file of an artifact, by
// path. A sharded checkpoint is one TensorFile per shard; its
// model.safetensors.index.json has been checked against the shards.
type TensorIndex struct {
	Files []TensorFile `json:"files"` // sorted by Path
}

// Count returns the number of tensors in all files.
func (x *TensorIndex) Count() int {
	n := 0
	for _, f := range x.Files {
		n += len(f.Tensors)
	}
	return n
}

// ErrMalformedTensors is wrapped by every error about a weight file's tensor
// header or a sharded checkpoint's index.
var ErrMalformedTensors = errors.New("malformed tensor header")

// TensorHeaderError locates a problem in a weight file's header. Match it
// with errors.As; it also matches ErrMalformedTensors with errors.Is.
type TensorHeaderError struct {
	Format string // TensorFormatSafetensors, TensorFormatGGUF or "safetensors index"
	Field  string // e.g. `tensors["lm_head.weight"].data_offsets`, "tensor_count"
	Offset int64  // byte offset in the file; -1 when not known
	Err    error
}

func (e *TensorHeaderError) Error() string {
	s := e.Format
	if e.Offset >= 0 {
		s += ": byte " + strconv.FormatInt(e.Offset, 10)
	}
	if e.Field != "" {
		s += ": " + e.Field
	}
	return s + ": " + e.Err.Error()
}

func (e *TensorHeaderError) Unwrap() []error { return []error{ErrMalformedTensors, e.Err} }

// TensorLimits bound the work a hostile header can cause. A zero field
// takes the default shown.
type TensorLimits struct {
	// MaxHeaderSize bounds the bytes read before the first tensor: the
	// safetensors JSON header (the safetensors library's own limit is
	// 100,000,000 bytes) or GGUF's metadata and tensor infos. Default 100 MB.
	MaxHeaderSize int64
	// MaxTensors bounds the number of tensors in one file. Default 1,000,000.
	MaxTensors int
	// MaxDims bounds a tensor's number of dimensions. Default 8.
	MaxDims int
	// MaxString bounds one GGUF string (a key, a value, a tensor name) and
	// one safetensors tensor name. Default 16 MiB.
	MaxString int
}

func (l *TensorLimits) withDefaults() TensorLimits {
	var d TensorLimits
	if l != nil {
		d = *l
	}
	if d.MaxHeaderSize <= 0 {
		d.MaxHeaderSize = 100_000_000
	}
	if d.MaxTensors <= 0 {
		d.MaxTensors = 1_000_000
	}
	if d.MaxDims <= 0 {
		d.MaxDims = 8
	}
	if d.MaxString <= 0 {
		d.MaxString = 16 << 20
	}
	return d
}

// elements returns the product of shape, and false on overflow.
func elements(shape []uint64) (uint64, bool) {
	n := uint64(1)
	for _, d := range shape {
		hi, lo := bits.Mul64(n, d)
		if hi != 0 {
			return 0, false
		}
		n = lo
	}
	return n, true
}

// safetensorsBits is the size in bits of each dtype the safetensors
// library (huggingface/safetensors, Dtype) defines. F4 and F6 pack several
// elements per byte; a tensor of them must fill whole bytes.
var safetensorsBits = map[string]uint64{
	"BOOL": 8, "F4": 4, "F6_E2M3": 6, "F6_E3M2": 6, "U8": 8, "I8": 8,
	"F8_E5M2": 8, "F8_E4M3": 8, "F8_E8M0": 8, "F8_E4M3FNUZ": 8, "F8_E5M2FNUZ": 8,
	"I16": 16, "U16": 16, "F16": 16, "BF16": 16,
	"I32": 32, "U32": 32, "F32": 32, "C64": 64,
	"F64": 64, "I64": 64, "U64": 64,
}

// ggmlType is one ggml tensor type: blockSize elements take typeSize
// bytes (ggml's block structs; @huggingface/gguf's GGML_QUANT_SIZES agrees
// except on Q8_1, an in-memory type no file carries).
type ggmlType struct {
	name      string
	blockSize uint64
	typeSize  uint64
}

// ggmlTypes by their number in GGUF tensor infos. Gaps are types ggml
// removed (Q4_2, Q4_3, the repacked Q4_0_4_4 family), which files no
// longer carry.
var ggmlTypes = map[uint32]ggmlType{
	0: {"F32", 1, 4}, 1: {"F16", 1, 2},
	2: {"Q4_0", 32, 18}, 3: {"Q4_1", 32, 20},
	6: {"Q5_0", 32, 22}, 7: {"Q5_1", 32, 24},
	8: {"Q8_0", 32, 34}, 9: {"Q8_1", 32, 36}, // ggml: 2 halfs + 32 int8 (gguf-py says 40)
	10: {"Q2_K", 256, 84}, 11: {"Q3_K", 256, 110}, 12: {"Q4_K", 256, 144},
	13: {"Q5_K", 256, 176}, 14: {"Q6_K", 256, 210}, 15: {"Q8_K", 256, 292},
	16: {"IQ2_XXS", 256, 66}, 17: {"IQ2_XS", 256, 74}, 18: {"IQ3_XXS", 256, 98},
	19: {"IQ1_S", 256, 50}, 20: {"IQ4_NL", 32, 18}, 21: {"IQ3_S", 256, 110},
	22: {"IQ2_S", 256, 82}, 23: {"IQ4_XS", 256, 136},
	24: {"I8", 1, 1}, 25: {"I16", 1, 2}, 26: {"I32", 1, 4}, 27: {"I64", 1, 8},
	28: {"F64", 1, 8}, 29: {"IQ1_M", 256, 56}, 30: {"BF16", 1, 2},
	34: {"TQ1_0", 256, 54}, 35: {"TQ2_0", 256, 66},
	39: {"MXFP4", 32, 17}, 40: {"NVFP4", 64, 36},
	41: {"Q1_0", 128, 18}, 42: {"Q2_0", 64, 18},
}
