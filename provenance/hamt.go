package provenance

import (
	"context"
	"fmt"
	"math/bits"
	"sort"

	"github.com/ipfs/go-cid"
	"github.com/spaolacci/murmur3"

	"github.com/aiprov/aiprov/internal/dagpb"
)

// dirEntry is one named child of a directory.
type dirEntry struct {
	name string
	link dagpb.Link // Name unset; CID and Tsize of the child
}

// directory builds a UnixFS directory from its entries: a single block,
// or a HAMT when the block would be too large (Params.HAMTThreshold,
// Params.MaxDirectoryLinks), exactly where Kubo switches.
func (im *importer) directory(ctx context.Context, entries []dirEntry) (dagpb.Link, error) {
	sort.Slice(entries, func(i, j int) bool { return entries[i].name < entries[j].name })
	shard, err := im.needsHAMT(entries)
	if err != nil {
		return dagpb.Link{}, err
	}
	if shard {
		return im.hamtShard(ctx, entries)
	}
	links := make([]dagpb.Link, len(entries))
	var tsize uint64
	for i, e := range entries {
		links[i] = dagpb.Link{Name: e.name, Hash: e.link.Hash, Tsize: e.link.Tsize}
		tsize += e.link.Tsize
	}
	block := dagpb.AppendNode(nil, links, (&dagpb.UnixFS{Type: dagpb.TypeDirectory}).Append(nil))
	c, err := im.putNode(ctx, block)
	if err != nil {
		return dagpb.Link{}, err
	}
	return dagpb.Link{Hash: c, Tsize: tsize + uint64(len(block))}, nil
}

// needsHAMT mirrors boxo's BasicDirectory→HAMT decision. During an import
// a directory only grows, so the decision on the final entries is the one
// Kubo reaches entry by entry.
func (im *importer) needsHAMT(entries []dirEntry) (bool, error) {
	p := &im.p
	tooMany := p.MaxDirectoryLinks > 0 && len(entries) > p.MaxDirectoryLinks
	if p.HAMTThreshold == 0 {
		if tooMany {
			// boxo refuses rather than shards when size-based sharding is off.
			return false, fmt.Errorf("%w: directory has %d entries, more than MaxDirectoryLinks %d, and HAMTThreshold 0 disables sharding",
				ErrInvalidParams, len(entries), p.MaxDirectoryLinks)
		}
		return false, nil
	}
	size := 0
	if p.HAMTSizeEstimation == EstimateBlock {
		size = 4 // PBNode.Data{ UnixFS{Type: Directory} }
		for _, e := range entries {
			size += dagpb.LinkSize(e.name, e.link.Hash.ByteLen(), e.link.Tsize)
		}
	} else {
		for _, e := range entries {
			size += len(e.name) + e.link.Hash.ByteLen()
		}
	}
	return size > p.HAMTThreshold || tooMany, nil
}

// hamtEntry is a directory entry with its name's murmur3 hash.
type hamtEntry struct {
	dirEntry
	hash uint64
}

// hamtShard builds a HAMT directory (UnixFS HAMTShard nodes) over entries.
func (im *importer) hamtShard(ctx context.Context, entries []dirEntry) (dagpb.Link, error) {
	hes := make([]hamtEntry, len(entries))
	for i, e := range entries {
		hes[i] = hamtEntry{dirEntry: e, hash: murmur3.Sum64([]byte(e.name))}
	}
	return im.shardNode(ctx, hes, 0)
}

// shardNode builds one HAMT shard from the entries whose hash bits above
// depth agree. Each takes log2(fanout) bits of the 64-bit big-endian
// murmur3 hash, most significant first; a slot holding one entry links it
// under "XX"+name, a slot holding several links a child shard under "XX".
func (im *importer) shardNode(ctx context.Context, entries []hamtEntry, depth int) (dagpb.Link, error) {
	fanout := im.p.HAMTFanout
	width := bits.TrailingZeros(uint(fanout))
	if (depth+1)*width > 64 {
		return dagpb.Link{}, fmt.Errorf("HAMT too deep: %d names share the same %d-bit murmur3 hash prefix", len(entries), depth*width)
	}
	shift := 64 - (depth+1)*width
	slotOf := func(h uint64) int { return int(h>>shift) & (fanout - 1) }
	sort.SliceStable(entries, func(i, j int) bool { return slotOf(entries[i].hash) < slotOf(entries[j].hash) })

	padLen := len(fmt.Sprintf("%X", fanout-1))
	bitfield := make([]byte, fanout/8)
	var links []dagpb.Link
	var tsize uint64
	for i := 0; i < len(entries); {
		slot := slotOf(entries[i].hash)
		j := i + 1
		for j < len(entries) && slotOf(entries[j].hash) == slot {
			j++
		}
		bitfield[len(bitfield)-1-slot/8] |= 1 << (slot % 8)
		prefix := fmt.Sprintf("%0*X", padLen, slot)
		var l dagpb.Link
		if j-i == 1 {
			l = dagpb.Link{Name: prefix + entries[i].name, Hash: entries[i].link.Hash, Tsize: entries[i].link.Tsize}
		} else {
			child, err := im.shardNode(ctx, entries[i:j], depth+1)
			if err != nil {
				return dagpb.Link{}, err
			}
			l = dagpb.Link{Name: prefix, Hash: child.Hash, Tsize: child.Tsize}
		}
		links = append(links, l)
		tsize += l.Tsize
		i = j
	}
	// The bitfield is written as a big-endian integer without leading zero
	// bytes, as go-bitfield (after math/big) does.
	for len(bitfield) > 0 && bitfield[0] == 0 {
		bitfield = bitfield[1:]
	}
	u := dagpb.UnixFS{
		Type: dagpb.TypeHAMTShard, Data: bitfield,
		HashType: dagpb.HAMTHashMurmur3, HasHashType: true,
		Fanout: uint64(fanout), HasFanout: true,
	}
	data := u.Append(nil)
	block := dagpb.AppendNode(nil, links, data)
	c, err := im.putNode(ctx, block)
	if err != nil {
		return dagpb.Link{}, err
	}
	return dagpb.Link{Hash: c, Tsize: tsize + uint64(len(block))}, nil
}

// putNode hashes a dag-pb block into its CID and hands it to the sink.
func (im *importer) putNode(ctx context.Context, block []byte) (cid.Cid, error) {
	d := sum(im.p.HashFunction, block)
	c := makeCID(im.p.CIDVersion, cid.DagProtobuf, im.p.HashFunction, d[:])
	return c, im.put(ctx, c, block)
}
