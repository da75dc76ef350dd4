package provenance

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"unicode/utf8"
)

// The safetensors format (huggingface/safetensors): an 8-byte little-endian
// header length N, N bytes of JSON mapping tensor names to {dtype, shape,
// data_offsets: [begin, end]} (relative to the byte after the header), an
// optional "__metadata__" map of strings, and then the tensors' bytes,
// contiguous and in offset order. encoding/json reads the header: it is
// plain JSON; what this file adds is the format's rules and the limits.

// safetensorsParser reads one header, tracking where each token started so
// that errors name a byte offset in the file.
type safetensorsParser struct {
	dec  *json.Decoder
	hdr  []byte
	base int64 // file offset of hdr[0]
	lim  TensorLimits
}

func (p *safetensorsParser) errAt(off int64, field, format string, args ...any) error {
	return &TensorHeaderError{Format: TensorFormatSafetensors, Field: field, Offset: p.base + off, Err: fmt.Errorf(format, args...)}
}

// token reads the next JSON token; off is where it starts.
func (p *safetensorsParser) token(field string) (tok json.Token, off int64, err error) {
	off = p.dec.InputOffset()
	// InputOffset is the end of the previous token; skip the separators
	// and spaces before this one so that errors point at it.
	for off < int64(len(p.hdr)) && bytes.IndexByte([]byte(" \t\r\n,:"), p.hdr[off]) >= 0 {
		off++
	}
	tok, err = p.dec.Token()
	if err != nil {
		if errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF
		}
		return nil, off, p.errAt(off, field, "invalid JSON: %v", err)
	}
	return tok, off, nil
}

func (p *safetensorsParser) delim(field string, want json.Delim) error {
	tok, off, err := p.token(field)
	if err != nil {
		return err
	}
	if d, ok := tok.(json.Delim); !ok || d != want {
		return p.errAt(off, field, "want %q, got %s", want, describeToken(tok))
	}
	return nil
}

func (p *safetensorsParser) uint(field string) (uint64, error) {
	tok, off, err := p.token(field)
	if err != nil {
		return 0, err
	}
	n, ok := tok.(json.Number)
	if !ok {
		return 0, p.errAt(off, field, "want a non-negative integer, got %s", describeToken(tok))
	}
	v, err := strconv.ParseUint(string(n), 10, 64)
	if err != nil {
		return 0, p.errAt(off, field, "want a non-negative integer below 2^64, got %s", n)
	}
	return v, nil
}

func describeToken(tok json.Token) string {
	switch t := tok.(type) {
	case json.Delim:
		return strconv.Quote(t.String())
	case string:
		return "the string " + strconv.Quote(truncate(t, 40))
	case json.Number:
		return "the number " + string(t)
	case bool:
		return strconv.FormatBool(t)
	case nil:
		return "null"
	}
	return fmt.Sprintf("%v", tok)
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// parseSafetensorsHeader reads the JSON header hdr, which starts at byte
// 8 of the file, and returns the tensors in offset order with absolute
// offsets, and the length of the data section they fill.
func parseSafetensorsHeader(hdr []byte, lim TensorLimits) ([]Tensor, uint64, error) {
	p := &safetensorsParser{hdr: hdr, base: 8, lim: lim}
	if len(hdr) == 0 || hdr[0] != '{' {
		return nil, 0, p.errAt(0, "header", "want a JSON object starting with '{'")
	}
	if !utf8.Valid(hdr) {
		bad := 0
		for bad < len(hdr) {
			r, n := utf8.DecodeRune(hdr[bad:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			bad += n
		}
		return nil, 0, p.errAt(int64(bad), "header", "invalid UTF-8")
	}
	p.dec = json.NewDecoder(bytes.NewReader(hdr))
	p.dec.UseNumber()
	if err := p.delim("header", '{'); err != nil {
		return nil, 0, err
	}
	var tensors []Tensor
	seen := map[string]bool{}
	for p.dec.More() {
		tok, off, err := p.token("header")
		if err != nil {
			return nil, 0, err
		}
		name, _ := tok.(string)
		if seen[name] {
			return nil, 0, p.errAt(off, fieldName(name), "duplicate key")
		}
		seen[name] = true
		if name == "__metadata__" {
			if err := p.metadata(); err != nil {
				return nil, 0, err
			}
			continue
		}
		if len(name) > lim.MaxString {
			return nil, 0, p.errAt(off, "tensors", "tensor name of %d bytes, more than the limit of %d", len(name), lim.MaxString)
		}
		if len(tensors) == lim.MaxTensors {
			return nil, 0, p.errAt(off, "tensors", "more than the limit of %d tensors", lim.MaxTensors)
		}
		t, err := p.tensor(name)
		if err != nil {
			return nil, 0, err
		}
		tensors = append(tensors, t)
	}
	if err := p.delim("header", '}'); err != nil {
		return nil, 0, err
	}
	// The header may be padded (with spaces, in practice) to align the data.
	for i := p.dec.InputOffset(); i < int64(len(hdr)); i++ {
		if bytes.IndexByte([]byte(" \t\r\n"), hdr[i]) < 0 {
			return nil, 0, p.errAt(i, "header", "data after the JSON object (only spaces may pad the header)")
		}
	}
	// Tensors must tile the data section: sorted by offset, the first
	// starts at 0 and each starts where the previous one ends (the
	// safetensors library's own validation).
	slices.SortFunc(tensors, func(a, b Tensor) int {
		if a.Offset != b.Offset {
			if a.Offset < b.Offset {
				return -1
			}
			return 1
		}
		if a.Size != b.Size {
			if a.Size < b.Size {
				return -1
			}
			return 1
		}
		return 0
	})
	var end uint64
	dataStart := uint64(8 + len(hdr))
	for i := range tensors {
		t := &tensors[i]
		if t.Offset != end {
			return nil, 0, &TensorHeaderError{Format: TensorFormatSafetensors, Field: fieldName(t.Name) + ".data_offsets", Offset: -1,
				Err: fmt.Errorf("begins at %d, want %d (tensors must be contiguous, without gaps or overlaps)", t.Offset, end)}
		}
		end += t.Size
		t.Offset += dataStart
	}
	return tensors, end, nil
}

func fieldName(name string) string { return "tensors[" + strconv.Quote(truncate(name, 80)) + "]" }

// metadata reads "__metadata__": a map of strings to strings.
func (p *safetensorsParser) metadata() error {
	const field = "__metadata__"
	if err := p.delim(field, '{'); err != nil {
		return err
	}
	for p.dec.More() {
		if _, _, err := p.token(field); err != nil {
			return err
		}
		tok, off, err := p.token(field)
		if err != nil {
			return err
		}
		if _, ok := tok.(string); !ok {
			return p.errAt(off, field, "values must be strings, got %s", describeToken(tok))
		}
	}
	return p.delim(field, '}')
}

// tensor reads one tensor's entry, in its data section's offsets.
func (p *safetensorsParser) tensor(name string) (Tensor, error) {
	field := fieldName(name)
	t := Tensor{Name: name}
	start := p.dec.InputOffset()
	if err := p.delim(field, '{'); err != nil {
		return t, err
	}
	var have struct{ dtype, shape, offsets bool }
	var begin, end uint64
	for p.dec.More() {
		tok, off, err := p.token(field)
		if err != nil {
			return t, err
		}
		key, _ := tok.(string)
		sub := field + "." + key
		dup := false
		switch key {
		case "dtype":
			dup, have.dtype = have.dtype, true
			tok, off, err := p.token(sub)
			if err != nil {
				return t, err
			}
			s, ok := tok.(string)
			if !ok {
				return t, p.errAt(off, sub, "want a string, got %s", describeToken(tok))
			}
			if _, known := safetensorsBits[s]; !known {
				return t, p.errAt(off, sub, "unknown dtype %q", truncate(s, 40))
			}
			t.DType = s
		case "shape":
			dup, have.shape = have.shape, true
			if err := p.delim(sub, '['); err != nil {
				return t, err
			}
			t.Shape = []uint64{} // a scalar has shape []
			for p.dec.More() {
				if len(t.Shape) == p.lim.MaxDims {
					return t, p.errAt(p.dec.InputOffset(), sub, "more than the limit of %d dimensions", p.lim.MaxDims)
				}
				d, err := p.uint(sub)
				if err != nil {
					return t, err
				}
				t.Shape = append(t.Shape, d)
			}
			if err := p.delim(sub, ']'); err != nil {
				return t, err
			}
		case "data_offsets":
			dup, have.offsets = have.offsets, true
			if err := p.delim(sub, '['); err != nil {
				return t, err
			}
			if begin, err = p.uint(sub + "[0]"); err != nil {
				return t, err
			}
			if end, err = p.uint(sub + "[1]"); err != nil {
				return t, err
			}
			if err := p.delim(sub, ']'); err != nil {
				return t, err
			}
		default:
			return t, p.errAt(off, sub, "unknown field (want dtype, shape, data_offsets)")
		}
		if dup {
			return t, p.errAt(off, sub, "duplicate key")
		}
	}
	if err := p.delim(field, '}'); err != nil {
		return t, err
	}
	switch {
	case !have.dtype:
		return t, p.errAt(start, field+".dtype", "missing")
	case !have.shape:
		return t, p.errAt(start, field+".shape", "missing")
	case !have.offsets:
		return t, p.errAt(start, field+".data_offsets", "missing")
	case end < begin:
		return t, p.errAt(start, field+".data_offsets", "end %d before begin %d", end, begin)
	}
	n, ok := elements(t.Shape)
	nbits := n * safetensorsBits[t.DType]
	if !ok || (n != 0 && nbits/n != safetensorsBits[t.DType]) {
		return t, p.errAt(start, field+".shape", "%v has more elements than a file can hold", t.Shape)
	}
	if nbits%8 != 0 {
		return t, p.errAt(start, field+".shape", "%d elements of %s do not fill whole bytes", n, t.DType)
	}
	if end-begin != nbits/8 {
		return t, p.errAt(start, field+".data_offsets", "[%d, %d] holds %d bytes; %v of %s takes %d", begin, end, end-begin, t.Shape, t.DType, nbits/8)
	}
	t.Offset, t.Size = begin, end-begin
	return t, nil
}
