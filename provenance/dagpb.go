package provenance

import (
	"crypto/sha256"
	"encoding/binary"
	"hash"
	"math/bits"

	"github.com/ipfs/go-cid"
	mh "github.com/multiformats/go-multihash"
	"lukechampine.com/blake3"
)

// This file writes dag-pb blocks holding UnixFS data, byte for byte as boxo
// (Kubo's importer) does, and turns block bytes into CIDs.
//
// dag-pb: PBNode{ Links (field 2) repeated, Data (field 1) } written
// links-first; PBLink{ Hash (1), Name (2, always written), Tsize (3) }.
// UnixFS Data: Type (1), Data (2), filesize (3), blocksizes (4, repeated,
// unpacked), hashType (5), fanout (6).

// UnixFS node types.
const (
	unixfsRaw       = 0
	unixfsDirectory = 1
	unixfsFile      = 2
	unixfsSymlink   = 4
	unixfsHAMTShard = 5
)

// hamtHashMurmur3 is the multicodec of murmur3-x64-64, the HAMT's hash.
const hamtHashMurmur3 = 0x22

// pbLink is a dag-pb link: the child's CID, the entry name and the
// cumulative size of the child's DAG (Tsize).
type pbLink struct {
	Name  string
	CID   cid.Cid
	Tsize uint64
}

func appendVarint(b []byte, v uint64) []byte { return binary.AppendUvarint(b, v) }

// varintLen is the encoded length of v as a protobuf varint.
func varintLen(v uint64) int { return (bits.Len64(v|1) + 6) / 7 }

// linkEncodedLen is the number of bytes l adds to a PBNode, tag included.
func linkEncodedLen(name string, cidLen int, tsize uint64) int {
	n := 1 + varintLen(uint64(cidLen)) + cidLen + 1 + varintLen(uint64(len(name))) + len(name) + 1 + varintLen(tsize)
	return 1 + varintLen(uint64(n)) + n
}

// appendPBNode appends the dag-pb encoding of links and data to b.
func appendPBNode(b []byte, links []pbLink, data []byte) []byte {
	for _, l := range links {
		cb := l.CID.Bytes()
		n := 1 + varintLen(uint64(len(cb))) + len(cb) + 1 + varintLen(uint64(len(l.Name))) + len(l.Name) + 1 + varintLen(l.Tsize)
		b = append(b, 0x12)
		b = appendVarint(b, uint64(n))
		b = append(b, 0x0a)
		b = appendVarint(b, uint64(len(cb)))
		b = append(b, cb...)
		b = append(b, 0x12)
		b = appendVarint(b, uint64(len(l.Name)))
		b = append(b, l.Name...)
		b = append(b, 0x18)
		b = appendVarint(b, l.Tsize)
	}
	if data != nil {
		b = append(b, 0x0a)
		b = appendVarint(b, uint64(len(data)))
		b = append(b, data...)
	}
	return b
}

// appendFileData appends UnixFS Data for an internal file node: Type=File,
// filesize, and the content size of each child.
func appendFileData(b []byte, filesize uint64, blocksizes []uint64) []byte {
	b = append(b, 0x08, unixfsFile, 0x18)
	b = appendVarint(b, filesize)
	for _, s := range blocksizes {
		b = append(b, 0x20)
		b = appendVarint(b, s)
	}
	return b
}

// leafHeader returns the bytes that precede a chunk in a dag-pb (non-raw)
// leaf, and the bytes that follow it, so that a leaf can be hashed without
// copying the chunk: PBNode.Data{ UnixFS{Type=typ, Data=chunk, filesize} }.
// Balanced files use Type=File leaves; trickle files, Type=Raw.
func leafHeader(n int, typ byte) (head, tail []byte) {
	inner := []byte{0x08, typ}
	if n > 0 {
		// boxo leaves an empty Data field out.
		inner = append(inner, 0x12)
		inner = appendVarint(inner, uint64(n))
	}
	tail = append([]byte{0x18}, appendVarint(nil, uint64(n))...)
	innerLen := len(inner) + n + len(tail)
	head = append([]byte{0x0a}, appendVarint(nil, uint64(innerLen))...)
	head = append(head, inner...)
	return head, tail
}

// newHash returns a hash.Hash for a multihash code validated by Params.
func newHash(code uint64) hash.Hash {
	if code == BLAKE3 {
		return blake3.New(32, nil)
	}
	return sha256.New()
}

// sum hashes data in one call, the fast path for raw leaves and small blocks.
func sum(code uint64, data []byte) [32]byte {
	if code == BLAKE3 {
		return blake3.Sum256(data)
	}
	return sha256.Sum256(data)
}

// makeCID builds a CID from a 32-byte digest. dag-pb nodes of a CIDv0
// import get v0 CIDs; raw blocks are always v1.
func makeCID(version int, codec uint64, code uint64, digest []byte) cid.Cid {
	m := make([]byte, 0, 2+len(digest))
	m = appendVarint(m, code)
	m = appendVarint(m, uint64(len(digest)))
	m = append(m, digest...)
	if version == 0 && codec == cid.DagProtobuf {
		return cid.NewCidV0(mh.Multihash(m))
	}
	return cid.NewCidV1(codec, mh.Multihash(m))
}
