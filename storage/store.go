package storage

import (
	"context"
	"errors"
	"fmt"
	"iter"

	"github.com/aiprov/aiprov/internal/cidcheck"
	"github.com/ipfs/go-cid"
)

// MaxBlockSize is the largest block a store accepts or returns: Kubo's
// hard limit (2 MiB), which the largest chunker it allows (size-2096896)
// stays under with its dag-pb overhead.
const MaxBlockSize = 2 << 20

// Store is a content-addressed block store. Every implementation checks
// that a block hashes to its CID when it is written and again when it is
// read, so that bytes that do not match are never handed on. A Store is
// safe for concurrent use.
//
// Artifacts, manifests and envelopes are all blocks, or DAGs of blocks:
// see Put, PutPath, Get and GetPath for files and directories (UnixFS),
// and PutBlock for single blocks such as DAG-CBOR manifests.
type Store interface {
	// PutBlock stores data under c. It fails with a *CorruptError if data
	// does not hash to c, and with ErrTooLarge above MaxBlockSize.
	// Storing a block that is already there succeeds.
	PutBlock(ctx context.Context, c cid.Cid, data []byte) error
	// GetBlock returns the block for c, verified against c. A missing
	// block is a *NotFoundError; a block whose bytes do not hash to c
	// is a *CorruptError.
	GetBlock(ctx context.Context, c cid.Cid) ([]byte, error)
	// Has reports whether the store holds c. It does not verify.
	Has(ctx context.Context, c cid.Cid) (bool, error)
	// Stat returns the size of the block c without reading it.
	Stat(ctx context.Context, c cid.Cid) (BlockInfo, error)
	// Delete removes c. Deleting a missing block succeeds.
	Delete(ctx context.Context, c cid.Cid) error
	// List yields the CID of every block. A store may yield a CID in a
	// normalized form (CIDv0 as CIDv1 dag-pb); the bytes are the same.
	List(ctx context.Context) iter.Seq2[cid.Cid, error]
}

// BlockInfo describes a stored block.
type BlockInfo struct {
	CID  cid.Cid
	Size int64
}

var (
	// ErrNotFound is matched by errors.Is for a missing block.
	ErrNotFound = errors.New("block not found")
	// ErrCorrupt is matched by errors.Is for a block whose bytes do not
	// hash to its CID.
	ErrCorrupt = errors.New("block does not match its CID")
	// ErrTooLarge is matched by errors.Is for a block above the size
	// limit.
	ErrTooLarge = errors.New("block too large")
)

// NotFoundError says which block is missing.
type NotFoundError struct {
	CID cid.Cid
}

func (e *NotFoundError) Error() string { return fmt.Sprintf("block %s not found", e.CID) }

// Unwrap makes the error match ErrNotFound.
func (e *NotFoundError) Unwrap() error { return ErrNotFound }

// CorruptError says which block did not hash to its CID, and where it came
// from (a file path, a URL, a CAR offset).
type CorruptError struct {
	CID    cid.Cid // the CID asked for
	Actual cid.Cid // what the bytes hash to with the same prefix, if known
	Where  string
}

func (e *CorruptError) Error() string {
	msg := fmt.Sprintf("block %s is corrupt: its bytes", e.CID)
	if e.Actual.Defined() {
		msg += " hash to " + e.Actual.String()
	} else {
		msg += " do not hash to it"
	}
	if e.Where != "" {
		msg += " (" + e.Where + ")"
	}
	return msg
}

// Unwrap makes the error match ErrCorrupt.
func (e *CorruptError) Unwrap() error { return ErrCorrupt }

// Verify checks that data hashes to c with c's own prefix (version, codec,
// hash function and length). where says where data came from, for the
// error message.
//
// A CID whose hash does not identify its content (provenance.ErrUnsafeCID:
// MD5, SHA-1, a digest cut short …) is refused whatever the bytes, since
// other bytes could match it as well.
func Verify(c cid.Cid, data []byte, where string) error {
	if err := cidcheck.Check(c); err != nil {
		return err
	}
	got, err := c.Prefix().Sum(data)
	if err != nil {
		return fmt.Errorf("hashing block %s: %w", c, err)
	}
	if !got.Equals(c) {
		return &CorruptError{CID: c, Actual: got, Where: where}
	}
	return nil
}

func checkSize(c cid.Cid, n int) error {
	if n > MaxBlockSize {
		return fmt.Errorf("block %s is %d bytes, more than the %d-byte limit: %w", c, n, MaxBlockSize, ErrTooLarge)
	}
	return nil
}

// key normalizes a CID for indexing: CIDv0 becomes CIDv1 dag-pb, which
// names the same bytes.
func key(c cid.Cid) cid.Cid {
	if c.Version() == 0 {
		return cid.NewCidV1(cid.DagProtobuf, c.Hash())
	}
	return c
}

// PutData hashes data into a CIDv1 with codec and sha2-256, stores it in
// s (pinned, if s is a Pinner) and returns the CID. Manifests are stored with codec cid.DagCBOR (0x71),
// as `ipfs dag put` does; DSSE envelopes (JSON documents whose bytes are
// signed as they are) with cid.Raw (0x55), so that the exact bytes survive.
func PutData(ctx context.Context, s Store, codec uint64, data []byte) (cid.Cid, error) {
	c, err := cid.Prefix{Version: 1, Codec: codec, MhType: 0x12, MhLength: -1}.Sum(data)
	if err != nil {
		return cid.Undef, err
	}
	if err := s.PutBlock(ctx, c, data); err != nil {
		return cid.Undef, err
	}
	return c, pin(ctx, s, c)
}

// Pinner is implemented by stores that garbage-collect blocks not
// reachable from a pin (Kubo). Put, PutPath, PutData and ImportCAR pin the
// roots they store in such a store once the whole DAG is in, so that what
// they report stored stays stored.
type Pinner interface {
	// Pin keeps c and every block it links to.
	Pin(ctx context.Context, c cid.Cid) error
}

// pin pins c if s is a Pinner that pins what is stored.
func pin(ctx context.Context, s Store, c cid.Cid) error {
	if p, ok := s.(Pinner); ok && autoPins(s) {
		return p.Pin(ctx, c)
	}
	return nil
}

// autoPins reports whether the package's writers should pin in s (a
// Kubo client made with KuboOptions.NoPin says no).
func autoPins(s Store) bool {
	if a, ok := s.(interface{ autoPin() bool }); ok {
		return a.autoPin()
	}
	return true
}

// directPinner pins blocks one by one, not what they link to.
type directPinner interface {
	pinDirect(ctx context.Context, blocks []cid.Cid) error
}
