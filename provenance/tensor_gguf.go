package provenance

import (
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"unicode/utf8"
)

// The GGUF format (ggml's docs/gguf.md): magic "GGUF", a uint32 version,
// uint64 tensor and metadata counts, typed metadata key/values, tensor
// infos (name, dimensions, ggml type, offset in the data section), then
// the data section, aligned to general.alignment (32 by default). Only
// little-endian files of versions 2 and 3 are read: version 1 (uint32
// counts) predates every file in use, and big-endian files are rare and
// cannot be told apart from a corrupted version number without guessing.

// errShort says the header continues past the bytes buffered so far.
var errShort = errors.New("header continues past the bytes read")

const (
	ggufMagic            = "GGUF"
	ggufDefaultAlignment = 32
	ggufMaxKV            = 1_000_000
	ggufMaxArrayDepth    = 4
)

// ggufValueSize is the size of each fixed-size metadata value type.
var ggufValueSize = map[uint32]int{0: 1, 1: 1, 2: 2, 3: 2, 4: 4, 5: 4, 6: 4, 7: 1, 10: 8, 11: 8, 12: 8}

const (
	ggufTypeUint32 = 4
	ggufTypeString = 8
	ggufTypeArray  = 9
)

type ggufParser struct {
	b   []byte
	pos int
	lim TensorLimits
}

func (p *ggufParser) errAt(off int, field, format string, args ...any) error {
	return &TensorHeaderError{Format: TensorFormatGGUF, Field: field, Offset: int64(off), Err: fmt.Errorf(format, args...)}
}

// need reports errShort unless n more bytes are buffered, and refuses
// headers longer than the limit.
func (p *ggufParser) need(n uint64, field string) error {
	if n > uint64(len(p.b)-p.pos) {
		if uint64(p.pos)+n > uint64(p.lim.MaxHeaderSize) {
			return p.errAt(p.pos, field, "header longer than the limit of %d bytes", p.lim.MaxHeaderSize)
		}
		return errShort
	}
	return nil
}

func (p *ggufParser) u32(field string) (uint32, error) {
	if err := p.need(4, field); err != nil {
		return 0, err
	}
	v := binary.LittleEndian.Uint32(p.b[p.pos:])
	p.pos += 4
	return v, nil
}

func (p *ggufParser) u64(field string) (uint64, error) {
	if err := p.need(8, field); err != nil {
		return 0, err
	}
	v := binary.LittleEndian.Uint64(p.b[p.pos:])
	p.pos += 8
	return v, nil
}

// str reads a string: a uint64 length, then that many bytes of UTF-8.
func (p *ggufParser) str(field string, keep bool) (string, error) {
	start := p.pos
	n, err := p.u64(field)
	if err != nil {
		return "", err
	}
	if n > uint64(p.lim.MaxString) {
		return "", p.errAt(start, field, "string of %d bytes, more than the limit of %d", n, p.lim.MaxString)
	}
	if err := p.need(n, field); err != nil {
		return "", err
	}
	b := p.b[p.pos : p.pos+int(n)]
	p.pos += int(n)
	if !keep {
		return "", nil
	}
	if !utf8.Valid(b) {
		return "", p.errAt(start, field, "string is not UTF-8")
	}
	return string(b), nil
}

// skipValue steps over one metadata value of type typ.
func (p *ggufParser) skipValue(typ uint32, field string, depth int) error {
	if size, ok := ggufValueSize[typ]; ok {
		if err := p.need(uint64(size), field); err != nil {
			return err
		}
		p.pos += size
		return nil
	}
	switch typ {
	case ggufTypeString:
		_, err := p.str(field, false)
		return err
	case ggufTypeArray:
		if depth >= ggufMaxArrayDepth {
			return p.errAt(p.pos, field, "arrays nested deeper than %d", ggufMaxArrayDepth)
		}
		at := p.pos
		elem, err := p.u32(field + ".type")
		if err != nil {
			return err
		}
		n, err := p.u64(field + ".length")
		if err != nil {
			return err
		}
		if size, ok := ggufValueSize[elem]; ok {
			// Fixed-size elements: one bounds check, no loop.
			if n > uint64(p.lim.MaxHeaderSize)/uint64(size) {
				return p.errAt(at, field, "array of %d elements, longer than the header limit", n)
			}
			if err := p.need(n*uint64(size), field); err != nil {
				return err
			}
			p.pos += int(n) * size
			return nil
		}
		if elem != ggufTypeString && elem != ggufTypeArray {
			return p.errAt(at, field+".type", "unknown value type %d", elem)
		}
		// Each element takes at least 8 bytes, so the loop ends within
		// the header limit whatever n says.
		for i := uint64(0); i < n; i++ {
			if err := p.skipValue(elem, field, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	return p.errAt(p.pos-4, field, "unknown value type %d", typ)
}

// ggufHeader is what parseGGUFHeader returns.
type ggufHeader struct {
	tensors   []Tensor // in offset order, offsets absolute
	dataStart uint64
}

// parseGGUFHeader reads a GGUF header from b, which holds the start of the
// file. It returns errShort when b ends before the header does.
func parseGGUFHeader(b []byte, lim TensorLimits) (*ggufHeader, error) {
	p := &ggufParser{b: b, lim: lim}
	if err := p.need(4, "magic"); err != nil {
		return nil, err
	}
	if string(b[:4]) != ggufMagic {
		return nil, p.errAt(0, "magic", "want %q, got %q", ggufMagic, b[:4])
	}
	p.pos = 4
	version, err := p.u32("version")
	if err != nil {
		return nil, err
	}
	switch {
	case version == 2 || version == 3:
	case version&0xffff == 0 && (version>>24 == 2 || version>>24 == 3):
		return nil, p.errAt(4, "version", "big-endian GGUF is not supported")
	default:
		return nil, p.errAt(4, "version", "version %d is not supported (want 2 or 3)", version)
	}
	nTensors, err := p.u64("tensor_count")
	if err != nil {
		return nil, err
	}
	if nTensors > uint64(lim.MaxTensors) {
		return nil, p.errAt(8, "tensor_count", "%d tensors, more than the limit of %d", nTensors, lim.MaxTensors)
	}
	nKV, err := p.u64("metadata_kv_count")
	if err != nil {
		return nil, err
	}
	if nKV > ggufMaxKV {
		return nil, p.errAt(16, "metadata_kv_count", "%d key/values, more than the limit of %d", nKV, ggufMaxKV)
	}
	alignment := uint64(ggufDefaultAlignment)
	keys := map[string]bool{}
	for i := uint64(0); i < nKV; i++ {
		at := p.pos
		key, err := p.str(fmt.Sprintf("metadata[%d].key", i), true)
		if err != nil {
			return nil, err
		}
		field := "metadata[" + strconv.Quote(truncate(key, 80)) + "]"
		if keys[key] {
			return nil, p.errAt(at, field, "duplicate key")
		}
		keys[key] = true
		typAt := p.pos
		typ, err := p.u32(field + ".type")
		if err != nil {
			return nil, err
		}
		if key == "general.alignment" {
			if typ != ggufTypeUint32 {
				return nil, p.errAt(typAt, field, "want a uint32 (type %d), got type %d", ggufTypeUint32, typ)
			}
			valAt := p.pos
			a, err := p.u32(field)
			if err != nil {
				return nil, err
			}
			if a == 0 || a&(a-1) != 0 {
				return nil, p.errAt(valAt, field, "%d is not a power of two", a)
			}
			alignment = uint64(a)
			continue
		}
		if err := p.skipValue(typ, field, 0); err != nil {
			return nil, err
		}
	}
	h := &ggufHeader{}
	names := map[string]bool{}
	for i := uint64(0); i < nTensors; i++ {
		at := p.pos
		name, err := p.str(fmt.Sprintf("tensors[%d].name", i), true)
		if err != nil {
			return nil, err
		}
		field := "tensors[" + strconv.Quote(truncate(name, 80)) + "]"
		if names[name] {
			return nil, p.errAt(at, field, "duplicate tensor name")
		}
		names[name] = true
		dimsAt := p.pos
		nDims, err := p.u32(field + ".n_dims")
		if err != nil {
			return nil, err
		}
		if nDims > uint32(lim.MaxDims) {
			return nil, p.errAt(dimsAt, field+".n_dims", "%d dimensions, more than the limit of %d", nDims, lim.MaxDims)
		}
		t := Tensor{Name: name, Shape: make([]uint64, nDims)}
		for d := range t.Shape {
			if t.Shape[d], err = p.u64(field + ".dims"); err != nil {
				return nil, err
			}
		}
		typAt := p.pos
		typ, err := p.u32(field + ".type")
		if err != nil {
			return nil, err
		}
		gt, ok := ggmlTypes[typ]
		if !ok {
			return nil, p.errAt(typAt, field+".type", "unknown ggml type %d", typ)
		}
		t.DType = gt.name
		offAt := p.pos
		if t.Offset, err = p.u64(field + ".offset"); err != nil {
			return nil, err
		}
		n, ok := elements(t.Shape)
		if !ok || n > 1<<62 {
			return nil, p.errAt(dimsAt, field+".dims", "%v has more elements than a file can hold", t.Shape)
		}
		if nDims > 0 && t.Shape[0]%gt.blockSize != 0 {
			return nil, p.errAt(dimsAt, field+".dims", "first dimension %d is not a multiple of %s's block size %d", t.Shape[0], gt.name, gt.blockSize)
		}
		if n%gt.blockSize != 0 {
			return nil, p.errAt(dimsAt, field+".dims", "%d elements are not a multiple of %s's block size %d", n, gt.name, gt.blockSize)
		}
		blocks := n / gt.blockSize
		if blocks > (1<<63)/gt.typeSize {
			return nil, p.errAt(dimsAt, field+".dims", "%v of %s is larger than a file can hold", t.Shape, gt.name)
		}
		t.Size = blocks * gt.typeSize
		if t.Offset%alignment != 0 {
			return nil, p.errAt(offAt, field+".offset", "%d is not a multiple of the alignment %d", t.Offset, alignment)
		}
		h.tensors = append(h.tensors, t)
	}
	h.dataStart = (uint64(p.pos) + alignment - 1) / alignment * alignment
	// Data must not overlap; the writer pads between tensors.
	slices.SortStableFunc(h.tensors, func(a, b Tensor) int {
		switch {
		case a.Offset < b.Offset:
			return -1
		case a.Offset > b.Offset:
			return 1
		}
		return 0
	})
	var end uint64
	for i := range h.tensors {
		t := &h.tensors[i]
		if t.Offset < end {
			return nil, &TensorHeaderError{Format: TensorFormatGGUF, Field: "tensors[" + strconv.Quote(truncate(t.Name, 80)) + "].offset", Offset: -1,
				Err: fmt.Errorf("data at %d overlaps the previous tensor, which ends at %d", t.Offset, end)}
		}
		if t.Offset > 1<<62 || t.Size > 1<<62 {
			return nil, &TensorHeaderError{Format: TensorFormatGGUF, Field: "tensors[" + strconv.Quote(truncate(t.Name, 80)) + "].offset", Offset: -1,
				Err: fmt.Errorf("data at %d beyond any file", t.Offset)}
		}
		end = t.Offset + t.Size
		t.Offset += h.dataStart
	}
	return h, nil
}
