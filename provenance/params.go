package provenance

import (
	"errors"
	"fmt"
	"sort"

	mh "github.com/multiformats/go-multihash"
)

// Profile names accepted by ProfileParams. The first two are Kubo's
// (IPIP-499); ProfileKuboDefault is what Kubo v0.43 uses in a repository
// initialised without an import profile.
const (
	ProfileUnixFSv1_2025 = "unixfs-v1-2025"
	ProfileUnixFSv0_2015 = "unixfs-v0-2015"
	// ProfileKuboDefault has the same values as unixfs-v0-2015. It differs
	// only in how Kubo's command-line flags combine with it: in a repository
	// without a profile, `--cid-version=1` (or a non-sha2-256 `--hash`) also
	// turns raw leaves on, while the unixfs-v0-2015 profile sets raw leaves
	// off explicitly. Params are always explicit, so this matters only to
	// code that mimics Kubo's flags (as `aiprov hash` does).
	ProfileKuboDefault = "kubo-default"
)

// HAMT size estimation modes (Kubo's Import.UnixFSHAMTDirectorySizeEstimation).
const (
	// EstimateLinks sums len(name)+len(CID bytes) over a directory's
	// links: Kubo's legacy estimate.
	EstimateLinks = "links"
	// EstimateBlock is the exact encoded size of the directory block.
	EstimateBlock = "block"
)

// Multihash codes accepted in Params.HashFunction.
const (
	SHA2_256 = mh.SHA2_256 // 0x12
	BLAKE3   = mh.BLAKE3   // 0x1e, 32-byte digests as Kubo writes them
)

// Limits Kubo enforces, which Params.Validate enforces too.
const (
	MaxChunkSize  = 2096896 // Kubo's largest `size-N` chunker (1 MiB·2 minus room for the block envelope)
	minHAMTFanout = 8
	maxHAMTFanout = 1024
)

// Params are the parameters that determine a UnixFS DAG and hence its CID.
// Each corresponds to a Kubo `ipfs add` flag or `Import.*` setting; two
// importers given the same Params produce the same CID.
//
// Params are always explicit: use DefaultParams or ProfileParams and change
// fields, rather than building one from a zero value.
type Params struct {
	CIDVersion   int    // 0 or 1 (--cid-version)
	RawLeaves    bool   // leaves as raw blocks (always CIDv1) instead of UnixFS file nodes (--raw-leaves)
	ChunkSize    int    // fixed chunk size in bytes (--chunker size-N)
	MaxLinks     int    // maximum links per file node (--max-file-links)
	HashFunction uint64 // multihash code: SHA2_256 or BLAKE3 (--hash)

	Hidden    bool // include names starting with "." inside directories (--hidden)
	EmptyDirs bool // include empty subdirectories (--empty-dirs, default true)

	// MaxDirectoryLinks, when positive, turns a directory with more
	// entries into a HAMT (--max-directory-links). 0 means no limit.
	MaxDirectoryLinks int
	// HAMTFanout is the width of HAMT shard nodes, a power of two from 8
	// to 1024 (--max-hamt-fanout).
	HAMTFanout int
	// HAMTThreshold: a directory whose estimated size exceeds this many
	// bytes becomes a HAMT (Import.UnixFSHAMTDirectorySizeThreshold).
	// 0 disables size-based sharding.
	HAMTThreshold int
	// HAMTSizeEstimation is EstimateLinks or EstimateBlock.
	HAMTSizeEstimation string

	// Trickle selects the trickle DAG layout instead of balanced (--trickle).
	Trickle bool
	// DereferenceSymlinks hashes what symbolic links point to instead of
	// storing them as UnixFS symlink nodes (--dereference-symlinks).
	// A link whose target lies outside the root being hashed is an error
	// (ErrOutsideRoot), as is a link cycle.
	DereferenceSymlinks bool
}

// DefaultParams returns the unixfs-v1-2025 profile (IPIP-499): CIDv1, raw
// leaves, 1 MiB chunks, 1024 links per node, sha2-256, HAMT directories
// above 256 KiB by block size.
func DefaultParams() Params {
	p, _ := ProfileParams(ProfileUnixFSv1_2025)
	return p
}

// ProfileParams returns the parameters of a named Kubo import profile:
// "unixfs-v1-2025", "unixfs-v0-2015" (alias "legacy-cid-v0"), or
// "kubo-default" (Kubo's values when no profile is set).
func ProfileParams(name string) (Params, error) {
	v0 := Params{
		CIDVersion:         0,
		RawLeaves:          false,
		ChunkSize:          256 << 10,
		MaxLinks:           174,
		HashFunction:       SHA2_256,
		EmptyDirs:          true,
		HAMTFanout:         256,
		HAMTThreshold:      256 << 10,
		HAMTSizeEstimation: EstimateLinks,
	}
	switch name {
	case ProfileUnixFSv1_2025:
		p := v0
		p.CIDVersion = 1
		p.RawLeaves = true
		p.ChunkSize = 1 << 20
		p.MaxLinks = 1024
		p.HAMTSizeEstimation = EstimateBlock
		return p, nil
	case ProfileUnixFSv0_2015, "legacy-cid-v0", ProfileKuboDefault:
		return v0, nil
	}
	return Params{}, fmt.Errorf("unknown import profile %q (want one of %v)", name, ProfileNames())
}

// ProfileNames lists the names ProfileParams accepts.
func ProfileNames() []string {
	names := []string{ProfileUnixFSv1_2025, ProfileUnixFSv0_2015, "legacy-cid-v0", ProfileKuboDefault}
	sort.Strings(names)
	return names
}

// ErrInvalidParams is wrapped by every error Params.Validate returns.
var ErrInvalidParams = errors.New("invalid import parameters")

// Validate reports the first field that Kubo would reject, naming it.
func (p *Params) Validate() error {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w: %s", ErrInvalidParams, fmt.Sprintf(format, args...))
	}
	switch p.CIDVersion {
	case 0:
		if p.HashFunction != SHA2_256 {
			return bad("CIDVersion 0 supports only sha2-256, got HashFunction %s", hashName(p.HashFunction))
		}
	case 1:
	default:
		return bad("CIDVersion must be 0 or 1, got %d", p.CIDVersion)
	}
	if p.HashFunction != SHA2_256 && p.HashFunction != BLAKE3 {
		return bad("HashFunction must be sha2-256 (0x12) or blake3 (0x1e), got %#x", p.HashFunction)
	}
	if p.ChunkSize < 1 || p.ChunkSize > MaxChunkSize {
		return bad("ChunkSize must be 1..%d bytes, got %d", MaxChunkSize, p.ChunkSize)
	}
	if p.MaxLinks < 2 {
		return bad("MaxLinks must be at least 2, got %d", p.MaxLinks)
	}
	if p.MaxDirectoryLinks < 0 {
		return bad("MaxDirectoryLinks must not be negative, got %d", p.MaxDirectoryLinks)
	}
	if f := p.HAMTFanout; f < minHAMTFanout || f > maxHAMTFanout || f&(f-1) != 0 {
		return bad("HAMTFanout must be a power of two from %d to %d, got %d", minHAMTFanout, maxHAMTFanout, f)
	}
	if p.HAMTThreshold < 0 {
		return bad("HAMTThreshold must not be negative, got %d", p.HAMTThreshold)
	}
	if p.HAMTSizeEstimation != EstimateLinks && p.HAMTSizeEstimation != EstimateBlock {
		return bad("HAMTSizeEstimation must be %q or %q, got %q", EstimateLinks, EstimateBlock, p.HAMTSizeEstimation)
	}
	return nil
}

func hashName(code uint64) string {
	if n, ok := mh.Codes[code]; ok {
		return n
	}
	return fmt.Sprintf("%#x", code)
}
