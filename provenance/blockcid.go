package provenance

import (
	"crypto/sha256"
	"encoding/binary"
	"hash"

	"github.com/ipfs/go-cid"
	mh "github.com/multiformats/go-multihash"
	"lukechampine.com/blake3"
)

// This file turns block bytes into CIDs; internal/dagpb writes the blocks.

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
	m = binary.AppendUvarint(m, code)
	m = binary.AppendUvarint(m, uint64(len(digest)))
	m = append(m, digest...)
	if version == 0 && codec == cid.DagProtobuf {
		return cid.NewCidV0(mh.Multihash(m))
	}
	return cid.NewCidV1(codec, mh.Multihash(m))
}
