package dagpb

import (
	"encoding/binary"
	"math/bits"
)

// Encoding writes blocks byte for byte as boxo (Kubo's importer) does, so
// that CIDs match Kubo's: PBNode links first, then Data; every PBLink with
// Hash, Name (even when empty) and Tsize; UnixFS fields in field-number
// order, blocksizes unpacked, an empty Data left out.

// HAMTHashMurmur3 is the multicodec of murmur3-x64-64, the hash a UnixFS
// HAMT shard names in HashType.
const HAMTHashMurmur3 = 0x22

// AppendNode appends the dag-pb encoding of a PBNode with links and data
// (nil: no Data field) to b. Each link's HasName and HasTsize are ignored:
// both fields are always written.
func AppendNode(b []byte, links []Link, data []byte) []byte {
	for _, l := range links {
		cb := l.Hash.Bytes()
		n := linkLen(l.Name, len(cb), l.Tsize)
		b = append(b, 0x12)
		b = binary.AppendUvarint(b, uint64(n))
		b = append(b, 0x0a)
		b = binary.AppendUvarint(b, uint64(len(cb)))
		b = append(b, cb...)
		b = append(b, 0x12)
		b = binary.AppendUvarint(b, uint64(len(l.Name)))
		b = append(b, l.Name...)
		b = append(b, 0x18)
		b = binary.AppendUvarint(b, l.Tsize)
	}
	if data != nil {
		b = append(b, 0x0a)
		b = binary.AppendUvarint(b, uint64(len(data)))
		b = append(b, data...)
	}
	return b
}

// LinkSize is the number of bytes a link with this name, CID length and
// Tsize adds to an encoded PBNode, tag included: what the importer sums to
// decide when a directory must become a HAMT.
func LinkSize(name string, cidLen int, tsize uint64) int {
	n := linkLen(name, cidLen, tsize)
	return 1 + varintLen(uint64(n)) + n
}

// linkLen is the length of an encoded PBLink message.
func linkLen(name string, cidLen int, tsize uint64) int {
	return 1 + varintLen(uint64(cidLen)) + cidLen + 1 + varintLen(uint64(len(name))) + len(name) + 1 + varintLen(tsize)
}

// varintLen is the encoded length of v as a protobuf varint.
func varintLen(v uint64) int { return (bits.Len64(v|1) + 6) / 7 }

// Append appends the encoding of u to b: Type, Data (when not empty),
// filesize (HasFileSize), blocksizes, hashType (HasHashType), fanout
// (HasFanout), mode (HasMode) and mtime (when not nil).
func (u *UnixFS) Append(b []byte) []byte {
	b = append(b, 0x08)
	b = binary.AppendUvarint(b, uint64(u.Type))
	if len(u.Data) > 0 {
		b = append(b, 0x12)
		b = binary.AppendUvarint(b, uint64(len(u.Data)))
		b = append(b, u.Data...)
	}
	if u.HasFileSize {
		b = append(b, 0x18)
		b = binary.AppendUvarint(b, u.FileSize)
	}
	for _, s := range u.BlockSizes {
		b = append(b, 0x20)
		b = binary.AppendUvarint(b, s)
	}
	if u.HasHashType {
		b = append(b, 0x28)
		b = binary.AppendUvarint(b, u.HashType)
	}
	if u.HasFanout {
		b = append(b, 0x30)
		b = binary.AppendUvarint(b, u.Fanout)
	}
	if u.HasMode {
		b = append(b, 0x38)
		b = binary.AppendUvarint(b, uint64(u.Mode))
	}
	if u.Mtime != nil {
		b = append(b, 0x42)
		b = binary.AppendUvarint(b, uint64(len(u.Mtime)))
		b = append(b, u.Mtime...)
	}
	return b
}

// LeafFrame returns the bytes that precede an n-byte chunk in a dag-pb
// leaf block, and those that follow it, so that a leaf is hashed without
// copying its chunk: PBNode{Data: UnixFS{Type: typ, Data: chunk, filesize:
// n}}. Balanced files use TypeFile leaves; trickle files, TypeRaw.
func LeafFrame(n int, typ DataType) (head, tail []byte) {
	inner := []byte{0x08}
	inner = binary.AppendUvarint(inner, uint64(typ))
	if n > 0 {
		// boxo leaves an empty Data field out.
		inner = append(inner, 0x12)
		inner = binary.AppendUvarint(inner, uint64(n))
	}
	tail = append([]byte{0x18}, binary.AppendUvarint(nil, uint64(n))...)
	innerLen := len(inner) + n + len(tail)
	head = append([]byte{0x0a}, binary.AppendUvarint(nil, uint64(innerLen))...)
	head = append(head, inner...)
	return head, tail
}
