package provenance

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash"
	"io"
	"strings"

	"github.com/aiprov/aiprov/internal/blake3x"
	"lukechampine.com/blake3"
)

// tensorTracker reads a weight file's layout from its bytes as the
// importer streams them, and digests each tensor's byte range: it is
// written to in file order alongside the CID's hashing, so the file is
// read once. It buffers only the header (up to TensorLimits.MaxHeaderSize)
// and hashes the rest as it passes.
type tensorTracker struct {
	format string
	lim    TensorLimits
	size   int64 // the file's size, or -1 when not known

	pos    uint64 // bytes written so far
	hdr    []byte // the header, while it is being read
	tryAt  int    // GGUF: parse again once hdr is this long
	parsed bool

	tensors []Tensor  // in offset order, once parsed
	dataEnd uint64    // safetensors: where the file must end
	cur     int       // the tensor being hashed
	h       hash.Hash // BLAKE3-256: see newTensorDigest
	err     error     // sticky

	weightMap map[string]string // of an index file
}

func newTensorTracker(format string, size int64, lim *TensorLimits) *tensorTracker {
	return &tensorTracker{format: format, size: size, lim: lim.withDefaults(), tryAt: 64 << 10}
}

// newTensorDigest returns a BLAKE3-256 hash for tensor digests. Both
// implementations give the same digests; blake3x's AVX-512 kernel hashes
// about 1.5x faster than lukechampine.com/blake3, which keeps its AVX2 code
// for the CPUs blake3x has no kernel for.
func newTensorDigest() hash.Hash {
	if blake3x.Available() {
		return blake3x.New()
	}
	return blake3.New(32, nil)
}

// tensorFormatOf returns the format of a file by its name: "" for files
// that hold no tensors.
func tensorFormatOf(name string) string {
	switch {
	case strings.HasSuffix(name, ".safetensors"):
		return TensorFormatSafetensors
	case strings.HasSuffix(name, ".gguf"):
		return TensorFormatGGUF
	}
	return ""
}

// sniffTensorFormat guesses the format of a stream from its first bytes:
// GGUF's magic, or safetensors' header length followed by '{'.
func sniffTensorFormat(b []byte) string {
	if len(b) >= 4 && string(b[:4]) == ggufMagic {
		return TensorFormatGGUF
	}
	if len(b) >= 9 && b[8] == '{' && binary.LittleEndian.Uint64(b) < 100_000_000 {
		return TensorFormatSafetensors
	}
	return ""
}

// Write takes the next bytes of the file. It fails, and keeps failing,
// once the header is found malformed, so that a caller teeing the file
// into it stops reading.
func (t *tensorTracker) Write(p []byte) (int, error) {
	if t.err != nil {
		return 0, t.err
	}
	if t.parsed {
		t.hashData(p)
		return len(p), nil
	}
	take := len(p)
	if room := t.lim.MaxHeaderSize + 8 - int64(len(t.hdr)); int64(take) > room {
		take = int(max(room, 0))
	}
	t.hdr = append(t.hdr, p[:take]...)
	if t.parseHeader(false); t.err != nil {
		return 0, t.err
	}
	if t.parsed {
		// The header was parsed from the buffer: what followed it, in the
		// buffer and in p, is data.
		hdr := t.hdr
		t.hdr = nil
		t.hashData(hdr)
		t.hashData(p[take:])
	}
	return len(p), t.err
}

// parseHeader parses the buffered header if it is all there; at EOF a
// header that is not is an error.
func (t *tensorTracker) parseHeader(eof bool) {
	truncated := func(field string) {
		t.err = &TensorHeaderError{Format: t.format, Field: field, Offset: int64(len(t.hdr)), Err: fmt.Errorf("file ends inside the header")}
	}
	switch t.format {
	case TensorFormatSafetensors:
		if len(t.hdr) < 8 {
			if eof {
				truncated("header length")
			}
			return
		}
		n := binary.LittleEndian.Uint64(t.hdr)
		if n > uint64(t.lim.MaxHeaderSize) {
			t.err = &TensorHeaderError{Format: t.format, Field: "header length", Offset: 0, Err: fmt.Errorf("%d bytes, more than the limit of %d", n, t.lim.MaxHeaderSize)}
			return
		}
		if t.size >= 0 && 8+n > uint64(t.size) {
			t.err = &TensorHeaderError{Format: t.format, Field: "header length", Offset: 0, Err: fmt.Errorf("%d bytes, more than the file's %d after the length", n, t.size-8)}
			return
		}
		if uint64(len(t.hdr)) < 8+n {
			if eof {
				truncated("header")
			}
			return
		}
		tensors, dataLen, err := parseSafetensorsHeader(t.hdr[8:8+n], t.lim)
		if err != nil {
			t.err = err
			return
		}
		t.tensors, t.dataEnd = tensors, 8+n+dataLen
	case tensorFormatIndex:
		if int64(len(t.hdr)) > t.lim.MaxHeaderSize {
			t.err = &TensorHeaderError{Format: t.format, Offset: t.lim.MaxHeaderSize, Err: fmt.Errorf("longer than the limit of %d bytes", t.lim.MaxHeaderSize)}
			return
		}
		if !eof {
			return
		}
		if t.weightMap, t.err = parseWeightMap(t.hdr); t.err != nil {
			return
		}
	case TensorFormatGGUF:
		if len(t.hdr) < t.tryAt && !eof && int64(len(t.hdr)) < t.lim.MaxHeaderSize {
			return // parse when enough has come to make a try worth it
		}
		h, err := parseGGUFHeader(t.hdr, t.lim)
		if errors.Is(err, errShort) {
			if eof {
				truncated("header")
			}
			// Parse again when the buffer has doubled: O(header) in all.
			t.tryAt = 2 * len(t.hdr)
			return
		}
		if err != nil {
			t.err = err
			return
		}
		t.tensors = h.tensors
	default:
		t.err = fmt.Errorf("unknown tensor format %q", t.format)
		return
	}
	t.parsed = true
	t.h = newTensorDigest()
	if t.size >= 0 {
		// Refuse a layout that cannot fit before reading the rest.
		t.checkEnd(uint64(t.size))
	}
}

// hashData digests the bytes of p, the next ones of the file after the
// t.pos already seen, into the tensors they belong to.
func (t *tensorTracker) hashData(p []byte) {
	for {
		// Finish the tensors that end here (empty ones included).
		for t.cur < len(t.tensors) {
			tn := &t.tensors[t.cur]
			if t.pos < tn.Offset || t.pos < tn.Offset+tn.Size {
				break
			}
			t.h.Sum(tn.Digest[:0])
			t.h.Reset()
			t.cur++
		}
		if len(p) == 0 {
			return
		}
		if t.cur == len(t.tensors) {
			t.pos += uint64(len(p)) // after the last tensor
			return
		}
		tn := &t.tensors[t.cur]
		if t.pos < tn.Offset {
			skip := min(tn.Offset-t.pos, uint64(len(p)))
			p = p[skip:]
			t.pos += skip
			continue
		}
		n := min(tn.Offset+tn.Size-t.pos, uint64(len(p)))
		t.h.Write(p[:n])
		p = p[n:]
		t.pos += n
	}
}

// checkEnd refuses a layout that does not fit a file of size bytes.
func (t *tensorTracker) checkEnd(size uint64) {
	if len(t.tensors) > 0 {
		last := t.tensors[len(t.tensors)-1]
		for _, tn := range t.tensors {
			if tn.Offset+tn.Size > last.Offset+last.Size {
				last = tn
			}
		}
		if end := last.Offset + last.Size; end > size {
			t.err = &TensorHeaderError{Format: t.format, Field: tensorField(last.Name), Offset: -1,
				Err: fmt.Errorf("bytes %d to %d lie past the end of the %d-byte file", last.Offset, end, size)}
			return
		}
	}
	if t.format == TensorFormatSafetensors && t.dataEnd != size {
		t.err = &TensorHeaderError{Format: t.format, Field: "data_offsets", Offset: -1,
			Err: fmt.Errorf("the tensors end at byte %d but the file has %d bytes", t.dataEnd, size)}
	}
}

func tensorField(name string) string { return fieldName(name) }

// finish ends the file and returns its layout.
func (t *tensorTracker) finish() (*TensorLayout, error) {
	if t.err != nil {
		return nil, t.err
	}
	if !t.parsed {
		if t.parseHeader(true); t.err != nil {
			return nil, t.err
		}
		hdr := t.hdr
		t.hdr = nil
		t.hashData(hdr)
	}
	t.hashData(nil)
	if t.checkEnd(t.pos); t.err != nil {
		return nil, t.err
	}
	return &TensorLayout{Format: t.format, Tensors: t.tensors, weightMap: t.weightMap}, nil
}

// ReadTensorLayout reads a whole weight file of the given format from r and
// returns its tensors with the digest of each. size is the file's length
// when known (a layout that cannot fit is then refused before the data is
// read), or -1. Hash with Options.Tensors computes the same layouts in the
// read that computes the CID; this is for a file on its own.
func ReadTensorLayout(ctx context.Context, r io.Reader, format string, size int64, lim *TensorLimits) (*TensorLayout, error) {
	if format != TensorFormatSafetensors && format != TensorFormatGGUF {
		return nil, fmt.Errorf("unknown tensor format %q (want %q or %q)", format, TensorFormatSafetensors, TensorFormatGGUF)
	}
	t := newTensorTracker(format, size, lim)
	buf := make([]byte, 1<<20)
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		n, err := r.Read(buf)
		if n > 0 {
			if _, werr := t.Write(buf[:n]); werr != nil {
				return nil, werr
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	return t.finish()
}
