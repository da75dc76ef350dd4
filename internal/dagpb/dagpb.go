// Package dagpb encodes and decodes dag-pb blocks and the UnixFS messages
// they carry: encoding exactly as Kubo's importer writes them (for
// provenance's CIDs), decoding strictly (for reading DAGs back out of a
// store).
//
// Decoder input is untrusted: every length is bounds-checked, unknown
// fields and malformed varints are errors naming the byte offset, and
// callers bound the number of links through MaxLinks.
package dagpb

import (
	"errors"
	"fmt"
	"unicode/utf8"

	"github.com/ipfs/go-cid"
)

// MaxLinks bounds the links of one node. A 2 MiB block cannot hold more
// than about 50,000 CIDv1 links, so this never rejects a real block.
const MaxLinks = 1 << 16

// ErrMalformed is matched (errors.Is) by every decoding error.
var ErrMalformed = errors.New("malformed dag-pb")

// Error is a decoding error at a byte offset of the block.
type Error struct {
	Msg    string // what was wrong, or what was expected
	Offset int    // byte offset in the block (or in the UnixFS Data field)
	In     string // "dag-pb" or "unixfs"
}

func (e *Error) Error() string {
	return fmt.Sprintf("malformed %s at byte %d: %s", e.In, e.Offset, e.Msg)
}

// Unwrap makes every Error match ErrMalformed.
func (e *Error) Unwrap() error { return ErrMalformed }

// Link is a PBLink.
type Link struct {
	Hash  cid.Cid
	Name  string
	Tsize uint64
	// HasName and HasTsize say whether the optional fields were present.
	HasName, HasTsize bool
}

// Node is a PBNode.
type Node struct {
	Links   []Link
	Data    []byte // aliases the input block
	HasData bool
}

// reader walks protobuf wire format.
type reader struct {
	b   []byte
	off int
	in  string
}

func (r *reader) fail(off int, format string, args ...any) error {
	return &Error{Msg: fmt.Sprintf(format, args...), Offset: off, In: r.in}
}

func (r *reader) done() bool { return r.off >= len(r.b) }

// varint reads a minimal-length base-128 varint of at most 64 bits.
func (r *reader) varint() (uint64, error) {
	start := r.off
	var v uint64
	for i := 0; ; i++ {
		if r.off >= len(r.b) {
			return 0, r.fail(start, "truncated varint")
		}
		c := r.b[r.off]
		r.off++
		if i == 9 && c > 1 {
			return 0, r.fail(start, "varint overflows 64 bits")
		}
		v |= uint64(c&0x7f) << (7 * i)
		if c < 0x80 {
			if c == 0 && i > 0 {
				return 0, r.fail(start, "varint is not minimally encoded")
			}
			return v, nil
		}
	}
}

// tag reads a field key, returning its number and wire type.
func (r *reader) tag() (field uint64, wire uint64, off int, err error) {
	off = r.off
	k, err := r.varint()
	if err != nil {
		return 0, 0, off, err
	}
	return k >> 3, k & 7, off, nil
}

// bytes reads a length-delimited value.
func (r *reader) bytes() ([]byte, error) {
	start := r.off
	n, err := r.varint()
	if err != nil {
		return nil, err
	}
	if n > uint64(len(r.b)-r.off) {
		return nil, r.fail(start, "length %d runs past the end of the block (%d bytes left)", n, len(r.b)-r.off)
	}
	v := r.b[r.off : r.off+int(n)]
	r.off += int(n)
	return v, nil
}

// Decode decodes a dag-pb block. Links and Data may come in either order
// (links-first is canonical, data-first exists in old data), but each is one
// contiguous group; PBLink fields must be in field-number order; unknown
// fields, duplicate fields and a link without a Hash are errors.
func Decode(block []byte) (*Node, error) {
	r := &reader{b: block, in: "dag-pb"}
	n := &Node{}
	linksDone := false // a Data field after links closes the links group
	for !r.done() {
		field, wire, off, err := r.tag()
		if err != nil {
			return nil, err
		}
		switch {
		case field == 2 && wire == 2:
			if linksDone {
				return nil, r.fail(off, "link after Data: links must be one contiguous group")
			}
			if len(n.Links) >= MaxLinks {
				return nil, r.fail(off, "more than %d links", MaxLinks)
			}
			b, err := r.bytes()
			if err != nil {
				return nil, err
			}
			l, err := decodeLink(b, r.off-len(b))
			if err != nil {
				return nil, err
			}
			n.Links = append(n.Links, l)
		case field == 1 && wire == 2:
			if n.HasData {
				return nil, r.fail(off, "duplicate Data field")
			}
			b, err := r.bytes()
			if err != nil {
				return nil, err
			}
			n.Data, n.HasData = b, true
			if len(n.Links) > 0 {
				linksDone = true
			}
		default:
			return nil, r.fail(off, "unexpected field %d (wire type %d); expected Links (2) or Data (1)", field, wire)
		}
	}
	return n, nil
}

func decodeLink(b []byte, base int) (Link, error) {
	r := &reader{b: b, in: "dag-pb"}
	var l Link
	var last uint64
	for !r.done() {
		field, wire, off, err := r.tag()
		if err != nil {
			return l, shift(err, base)
		}
		if field <= last {
			return l, shift(r.fail(off, "PBLink field %d out of order or repeated", field), base)
		}
		last = field
		switch {
		case field == 1 && wire == 2:
			h, err := r.bytes()
			if err != nil {
				return l, shift(err, base)
			}
			c, err := cid.Cast(h)
			if err != nil {
				return l, shift(r.fail(off, "link Hash is not a CID: %v", err), base)
			}
			l.Hash = c
		case field == 2 && wire == 2:
			s, err := r.bytes()
			if err != nil {
				return l, shift(err, base)
			}
			if !utf8.Valid(s) {
				return l, shift(r.fail(off, "link Name is not UTF-8"), base)
			}
			l.Name, l.HasName = string(s), true
		case field == 3 && wire == 0:
			v, err := r.varint()
			if err != nil {
				return l, shift(err, base)
			}
			l.Tsize, l.HasTsize = v, true
		default:
			return l, shift(r.fail(off, "unexpected PBLink field %d (wire type %d)", field, wire), base)
		}
	}
	if !l.Hash.Defined() {
		return l, &Error{Msg: "link has no Hash", Offset: base, In: "dag-pb"}
	}
	return l, nil
}

// shift makes an offset inside a sub-message relative to the whole block.
func shift(err error, base int) error {
	var e *Error
	if errors.As(err, &e) {
		e.Offset += base
	}
	return err
}

// DataType is a UnixFS node type.
type DataType uint64

// UnixFS node types.
const (
	TypeRaw       DataType = 0
	TypeDirectory DataType = 1
	TypeFile      DataType = 2
	TypeMetadata  DataType = 3
	TypeSymlink   DataType = 4
	TypeHAMTShard DataType = 5
)

func (t DataType) String() string {
	switch t {
	case TypeRaw:
		return "raw"
	case TypeDirectory:
		return "directory"
	case TypeFile:
		return "file"
	case TypeMetadata:
		return "metadata"
	case TypeSymlink:
		return "symlink"
	case TypeHAMTShard:
		return "HAMT shard"
	}
	return fmt.Sprintf("unknown type %d", uint64(t))
}

// UnixFS is the UnixFS Data message carried in a dag-pb node's Data field.
type UnixFS struct {
	Type        DataType
	Data        []byte // aliases the input
	FileSize    uint64
	HasFileSize bool
	BlockSizes  []uint64
	HashType    uint64
	HasHashType bool
	Fanout      uint64
	HasFanout   bool
	Mode        uint32
	HasMode     bool
	// Mtime is kept undecoded: aiprov does not restore times.
	Mtime []byte
}

// DecodeUnixFS decodes a UnixFS Data message. Fields may come in any order
// (protobuf allows it, and no writer in the wild disagrees on their
// meaning), but each non-repeated field at most once; blocksizes may be
// packed or not; unknown fields are errors; Type is required.
func DecodeUnixFS(data []byte) (*UnixFS, error) {
	r := &reader{b: data, in: "unixfs"}
	u := &UnixFS{}
	seen := map[uint64]bool{}
	for !r.done() {
		field, wire, off, err := r.tag()
		if err != nil {
			return nil, err
		}
		if field != 4 {
			if seen[field] {
				return nil, r.fail(off, "duplicate field %d", field)
			}
			seen[field] = true
		}
		switch {
		case field == 1 && wire == 0:
			v, err := r.varint()
			if err != nil {
				return nil, err
			}
			if v > uint64(TypeHAMTShard) {
				return nil, r.fail(off, "unknown UnixFS Type %d", v)
			}
			u.Type = DataType(v)
		case field == 2 && wire == 2:
			if u.Data, err = r.bytes(); err != nil {
				return nil, err
			}
		case field == 3 && wire == 0:
			if u.FileSize, err = r.varint(); err != nil {
				return nil, err
			}
			u.HasFileSize = true
		case field == 4 && wire == 0:
			if len(u.BlockSizes) >= MaxLinks {
				return nil, r.fail(off, "more than %d blocksizes", MaxLinks)
			}
			v, err := r.varint()
			if err != nil {
				return nil, err
			}
			u.BlockSizes = append(u.BlockSizes, v)
		case field == 4 && wire == 2: // packed
			b, err := r.bytes()
			if err != nil {
				return nil, err
			}
			pr := &reader{b: b, in: "unixfs"}
			for !pr.done() {
				if len(u.BlockSizes) >= MaxLinks {
					return nil, r.fail(off, "more than %d blocksizes", MaxLinks)
				}
				v, err := pr.varint()
				if err != nil {
					return nil, shift(err, r.off-len(b))
				}
				u.BlockSizes = append(u.BlockSizes, v)
			}
		case field == 5 && wire == 0:
			if u.HashType, err = r.varint(); err != nil {
				return nil, err
			}
			u.HasHashType = true
		case field == 6 && wire == 0:
			if u.Fanout, err = r.varint(); err != nil {
				return nil, err
			}
			u.HasFanout = true
		case field == 7 && wire == 0:
			v, err := r.varint()
			if err != nil {
				return nil, err
			}
			if v > 0xFFFFFFFF {
				return nil, r.fail(off, "mode %d does not fit 32 bits", v)
			}
			u.Mode, u.HasMode = uint32(v), true
		case field == 8 && wire == 2:
			if u.Mtime, err = r.bytes(); err != nil {
				return nil, err
			}
		default:
			return nil, r.fail(off, "unexpected UnixFS field %d (wire type %d)", field, wire)
		}
	}
	if !seen[1] {
		return nil, &Error{Msg: "UnixFS Type is missing", Offset: 0, In: "unixfs"}
	}
	return u, nil
}
