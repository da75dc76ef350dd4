package storage

import (
	"bytes"
	"context"
	"encoding/base32"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/aiprov/aiprov/internal/cidcheck"
	"github.com/aiprov/aiprov/internal/fsutil"
	"github.com/aiprov/aiprov/internal/sha256x2"
	"github.com/ipfs/go-cid"
	mh "github.com/multiformats/go-multihash"
)

// Dir is a Store in a local directory, the embedded default.
//
// Layout: DIR/blocks/SS/NAME, where NAME is the lowercase unpadded base32
// of the CID's bytes (CIDv0 stored as CIDv1 dag-pb) and SS its next-to-last
// two characters, so paths are derived only from parsed CIDs and the 1,024
// shard directories stay small.
//
// A block is written to a temporary file in its shard directory and
// renamed into place, so a killed process leaves either the whole block or
// none, plus at most a temporary file that Check removes. PutBlock fsyncs
// the file before the rename and the directory after. Put and PutPath write
// a DAG's blocks without waiting on each, then fsync them all, then write
// the root durably: the root is never on disk before its DAG. A block
// already present is kept only if it still verifies. Corrupt objects found
// by reads stay in place (reads fail naming them); Check moves them to
// DIR/quarantine.
type Dir struct {
	root string

	mu     sync.Mutex
	shards map[string]bool // shard directories known to exist durably

	// createTemp creates the temporary file of a write; tests replace it
	// to simulate a full disk.
	createTemp func(dir, pattern string) (tempFile, error)
}

// tempFile is the part of *os.File that writing a block uses.
type tempFile interface {
	io.Writer
	Name() string
	Chmod(fs.FileMode) error
	Sync() error
	Close() error
}

const (
	dirMarker      = "aiprov-store"
	dirMarkerText  = "aiprov content-addressed block store, layout v1\n"
	blocksSubdir   = "blocks"
	quarantineDir  = "quarantine"
	tempPrefix     = ".tmp-"
	defaultStaleAt = time.Hour
)

var b32 = base32.StdEncoding.WithPadding(base32.NoPadding)

// OpenDir opens the directory store at path, creating it if it does not
// exist. An existing non-empty directory that is not a store is refused, so
// that a mistyped path never has its files listed, checked or quarantined.
func OpenDir(path string) (*Dir, error) {
	if path == "" {
		return nil, errors.New("store directory path is empty")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	marker := filepath.Join(abs, dirMarker)
	if _, err := os.Stat(marker); errors.Is(err, fs.ErrNotExist) {
		entries, err := os.ReadDir(abs)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("opening store: %w", err)
		}
		for _, e := range entries {
			// A concurrent OpenDir may be creating the store right now.
			if e.Name() != blocksSubdir && !strings.HasPrefix(e.Name(), dirMarker) {
				return nil, fmt.Errorf("%s is not empty and is not an aiprov store (no %s file)", abs, dirMarker)
			}
		}
		if err := os.MkdirAll(filepath.Join(abs, blocksSubdir), 0o755); err != nil {
			return nil, fmt.Errorf("creating store: %w", err)
		}
		// Every shard directory up front, synced once, so that writes
		// never wait on a directory creation.
		const alphabet = "abcdefghijklmnopqrstuvwxyz234567"
		for _, a := range alphabet {
			for _, b := range alphabet {
				err := os.Mkdir(filepath.Join(abs, blocksSubdir, string(a)+string(b)), 0o755)
				if err != nil && !errors.Is(err, fs.ErrExist) {
					return nil, fmt.Errorf("creating store: %w", err)
				}
			}
		}
		if err := syncDir(filepath.Join(abs, blocksSubdir)); err != nil {
			return nil, fmt.Errorf("creating store: %w", err)
		}
		if err := os.WriteFile(marker, []byte(dirMarkerText), 0o644); err != nil {
			return nil, fmt.Errorf("creating store: %w", err)
		}
		syncDir(abs)
	} else if err != nil {
		return nil, fmt.Errorf("opening store: %w", err)
	}
	return &Dir{
		root:   abs,
		shards: make(map[string]bool),
		createTemp: func(dir, pattern string) (tempFile, error) {
			return os.CreateTemp(dir, pattern)
		},
	}, nil
}

// Path returns the store's directory.
func (d *Dir) Path() string { return d.root }

// blockPath derives the object path from a parsed CID.
func (d *Dir) blockPath(c cid.Cid) (shardDir, file string) {
	name := strings.ToLower(b32.EncodeToString(key(c).Bytes()))
	shard := name[len(name)-3 : len(name)-1]
	shardDir = filepath.Join(d.root, blocksSubdir, shard)
	return shardDir, filepath.Join(shardDir, name)
}

// PutBlock implements Store.
func (d *Dir) PutBlock(ctx context.Context, c cid.Cid, data []byte) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := checkSize(c, len(data)); err != nil {
		return err
	}
	if err := Verify(c, data, "put"); err != nil {
		return err
	}
	return d.putVerified(c, data)
}

func (d *Dir) putVerified(c cid.Cid, data []byte) error {
	_, err := d.writeObject(c, data, true)
	return err
}

// writeObject stores a verified block. With durable, the object is
// fsynced before it is renamed into place and its directory after; without,
// the caller syncs it later (see dirBatch) and returns the path to sync.
//
// An object already in place is kept only if it still verifies, so a
// block damaged on disk (say by a power loss between a batch's write and
// its sync) is repaired by the next put instead of being built upon.
//
// Identity CIDs hold their data; nothing is written for them (a CID of up
// to 128 inlined bytes would otherwise become a file name too long for
// most file systems).
func (d *Dir) writeObject(c cid.Cid, data []byte, durable bool) (string, error) {
	if c.Prefix().MhType == mh.IDENTITY {
		return "", nil
	}
	shardDir, file := d.blockPath(c)
	if st, err := os.Lstat(file); err == nil && st.Mode().IsRegular() && st.Size() == int64(len(data)) {
		if old, err := readLimited(file, MaxBlockSize); err == nil && Verify(c, old, file) == nil {
			// Another writer's batch may not have synced it yet: what
			// this put builds on must be durable too.
			if durable {
				return "", syncPath(file)
			}
			return file, nil
		}
	}
	if err := d.ensureShard(shardDir); err != nil {
		return "", fmt.Errorf("storing block %s: %w", c, err)
	}
	f, err := d.createTemp(shardDir, tempPrefix+"*")
	if err != nil {
		return "", fmt.Errorf("storing block %s: %w", c, err)
	}
	tmp := f.Name()
	fail := func(err error) (string, error) {
		f.Close()
		os.Remove(tmp)
		return "", fmt.Errorf("storing block %s in %s: %w", c, d.root, err)
	}
	if _, err := f.Write(data); err != nil {
		return fail(err)
	}
	if err := f.Chmod(0o444); err != nil {
		return fail(err)
	}
	if durable {
		if err := f.Sync(); err != nil {
			return fail(err)
		}
	} else {
		startWriteback(f)
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return "", fmt.Errorf("storing block %s in %s: %w", c, d.root, err)
	}
	if err := os.Rename(tmp, file); err != nil {
		os.Remove(tmp)
		return "", fmt.Errorf("storing block %s in %s: %w", c, d.root, err)
	}
	if durable {
		if err := syncDir(shardDir); err != nil {
			return "", fmt.Errorf("storing block %s in %s: %w", c, d.root, err)
		}
	}
	return file, nil
}

// dirBatch writes the non-root blocks of a DAG without waiting for each
// to reach the disk, then makes them all durable at once before the root
// is written (durably): the root is never on disk before its DAG. Objects
// are still whole when visible (temp file and rename), so a killed process
// leaves no corrupt object; only a power loss can leave an unsynced one
// damaged, which reads refuse, Check quarantines and the next put repairs.
type dirBatch struct {
	d     *Dir
	mu    sync.Mutex
	files []string
}

func (d *Dir) newBatch() blockBatch { return &dirBatch{d: d} }

func (b *dirBatch) put(c cid.Cid, data []byte) error {
	file, err := b.d.writeObject(c, data, false)
	if err != nil || file == "" {
		return err
	}
	b.mu.Lock()
	b.files = append(b.files, file)
	b.mu.Unlock()
	return nil
}

// sync fsyncs every file written, then their directories, a few at a time.
func (b *dirBatch) sync(ctx context.Context) error {
	b.mu.Lock()
	files := b.files
	b.files = nil
	b.mu.Unlock()
	dirs := map[string]bool{}
	for _, f := range files {
		dirs[filepath.Dir(f)] = true
	}
	sem := make(chan struct{}, 4)
	var wg sync.WaitGroup
	var mu sync.Mutex
	var first error
	do := func(path string) {
		defer wg.Done()
		defer func() { <-sem }()
		if err := syncPath(path); err != nil {
			mu.Lock()
			if first == nil {
				first = fmt.Errorf("syncing %s: %w", path, err)
			}
			mu.Unlock()
		}
	}
	for _, f := range files {
		if ctx.Err() != nil {
			break
		}
		sem <- struct{}{}
		wg.Add(1)
		go do(f)
	}
	wg.Wait()
	for dir := range dirs {
		sem <- struct{}{}
		wg.Add(1)
		go do(dir)
	}
	wg.Wait()
	if first != nil {
		return first
	}
	return ctx.Err()
}

// syncPath fsyncs a file or directory by name.
func syncPath(path string) error {
	if runtime.GOOS == "windows" {
		f, err := os.OpenFile(path, os.O_RDWR, 0)
		if err != nil {
			return nil // directories cannot be synced on Windows
		}
		defer f.Close()
		return f.Sync()
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

func (d *Dir) ensureShard(shardDir string) error {
	d.mu.Lock()
	ok := d.shards[shardDir]
	d.mu.Unlock()
	if ok {
		return nil
	}
	if st, err := os.Stat(shardDir); err != nil || !st.IsDir() {
		// OpenDir made it; recreate it if it went missing.
		if err := os.Mkdir(shardDir, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
			return err
		}
		if err := syncDir(filepath.Dir(shardDir)); err != nil {
			return err
		}
	}
	d.mu.Lock()
	d.shards[shardDir] = true
	d.mu.Unlock()
	return nil
}

// syncDir makes a directory's entries durable. Windows cannot fsync a
// directory and makes renames durable itself.
func syncDir(dir string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// GetBlock implements Store.
func (d *Dir) GetBlock(ctx context.Context, c cid.Cid) ([]byte, error) {
	return d.getBlockInto(ctx, c, nil)
}

// getBlockInto reads into buf when it is large enough.
func (d *Dir) getBlockInto(ctx context.Context, c cid.Cid, buf []byte) ([]byte, error) {
	if data, ok, err := identityData(c); ok {
		return data, err
	}
	data, file, err := d.readBlockInto(ctx, c, buf)
	if err != nil {
		return nil, err
	}
	if err := Verify(c, data, file); err != nil {
		return nil, err
	}
	return data, nil
}

// getBlocksInto2 is getBlockInto for two blocks, which are verified
// together when both are sha2-256 and of the same length (as a file's
// leaves are, but the last): internal/sha256x2 hashes two messages in
// little more time than one. An error for one block does not affect the
// other.
func (d *Dir) getBlocksInto2(ctx context.Context, a, b cid.Cid, bufA, bufB []byte) (da, db []byte, errA, errB error) {
	da, fileA, errA := d.readBlockInto(ctx, a, bufA)
	db, fileB, errB := d.readBlockInto(ctx, b, bufB)
	switch {
	case errA == nil && errB == nil && len(da) == len(db) && isSHA256(a) && isSHA256(b) && sha256x2.Available():
		sa, sb := sha256x2.Sum(da, db)
		if !bytes.Equal(a.Hash()[2:], sa[:]) {
			errA = Verify(a, da, fileA) // names the actual CID
		}
		if !bytes.Equal(b.Hash()[2:], sb[:]) {
			errB = Verify(b, db, fileB)
		}
	default:
		if errA == nil {
			errA = Verify(a, da, fileA)
		}
		if errB == nil {
			errB = Verify(b, db, fileB)
		}
	}
	if errA != nil {
		da = nil
	}
	if errB != nil {
		db = nil
	}
	return da, db, errA, errB
}

// isSHA256 reports whether c's multihash is a full-length sha2-256: the
// code 0x12 and length 32 each fit one varint byte, then the digest.
func isSHA256(c cid.Cid) bool {
	h := c.Hash()
	return len(h) == 34 && h[0] == mh.SHA2_256 && h[1] == 32
}

// readBlockInto reads the file of block c, unverified, into buf when it is
// large enough, and returns the data and the file's path.
func (d *Dir) readBlockInto(ctx context.Context, c cid.Cid, buf []byte) ([]byte, string, error) {
	if err := ctx.Err(); err != nil {
		return nil, "", err
	}
	if err := cidcheck.Check(c); err != nil {
		return nil, "", err
	}
	_, file := d.blockPath(c)
	data, err := readInto(file, MaxBlockSize, buf)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, file, &NotFoundError{CID: c}
	}
	if errors.Is(err, ErrTooLarge) {
		return nil, file, &CorruptError{CID: c, Where: file + ": larger than any block"}
	}
	if err != nil {
		return nil, file, fmt.Errorf("reading block %s: %w", c, err)
	}
	return data, file, nil
}

// readLimited reads a regular file of at most limit bytes.
func readLimited(file string, limit int64) ([]byte, error) {
	return readInto(file, limit, nil)
}

// readInto is readLimited into buf, if it has room.
func readInto(file string, limit int64, buf []byte) ([]byte, error) {
	f, err := os.OpenFile(file, fsutil.ReadNonblock, 0) // a FIFO must not block
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file", file)
	}
	if st.Size() > limit {
		return nil, ErrTooLarge
	}
	if int64(cap(buf)) >= st.Size() {
		buf = buf[:st.Size()]
	} else {
		buf = make([]byte, st.Size())
	}
	if _, err := io.ReadFull(f, buf); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return buf, nil
}

// Has implements Store.
func (d *Dir) Has(ctx context.Context, c cid.Cid) (bool, error) {
	if err := ctx.Err(); err != nil {
		return false, err
	}
	if _, ok, err := identityData(c); ok {
		return err == nil, err
	}
	_, file := d.blockPath(c)
	_, err := os.Lstat(file)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	return err == nil, err
}

// Stat implements Store.
func (d *Dir) Stat(ctx context.Context, c cid.Cid) (BlockInfo, error) {
	if err := ctx.Err(); err != nil {
		return BlockInfo{}, err
	}
	if data, ok, err := identityData(c); ok {
		return BlockInfo{CID: c, Size: int64(len(data))}, err
	}
	_, file := d.blockPath(c)
	st, err := os.Lstat(file)
	if errors.Is(err, fs.ErrNotExist) {
		return BlockInfo{}, &NotFoundError{CID: c}
	}
	if err != nil {
		return BlockInfo{}, err
	}
	return BlockInfo{CID: c, Size: st.Size()}, nil
}

// Delete implements Store.
func (d *Dir) Delete(ctx context.Context, c cid.Cid) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	shardDir, file := d.blockPath(c)
	if err := os.Remove(file); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		return fmt.Errorf("deleting block %s: %w", c, err)
	}
	return syncDir(shardDir)
}

// List implements Store. It yields CIDv1s in directory order; a file in
// the blocks directory whose name is not a CID is yielded as an error (Check
// quarantines it) and listing continues.
func (d *Dir) List(ctx context.Context) iter.Seq2[cid.Cid, error] {
	return func(yield func(cid.Cid, error) bool) {
		d.walk(ctx, func(path string, c cid.Cid, err error, fatal bool) bool {
			return yield(c, err) && !fatal
		})
	}
}

// walk calls fn for every object file; c is Undef and err set for a file
// that is not a well-named object, and fatal is set (and the walk ends)
// when the store itself cannot be read. Temporary files are skipped.
func (d *Dir) walk(ctx context.Context, fn func(path string, c cid.Cid, err error, fatal bool) bool) {
	blocks := filepath.Join(d.root, blocksSubdir)
	shards, err := os.ReadDir(blocks)
	if err != nil {
		fn(blocks, cid.Undef, fmt.Errorf("listing store: %w", err), true)
		return
	}
	for _, sh := range shards {
		shardPath := filepath.Join(blocks, sh.Name())
		if !sh.IsDir() {
			if !fn(shardPath, cid.Undef, fmt.Errorf("%s: unexpected file in the blocks directory", shardPath), false) {
				return
			}
			continue
		}
		entries, err := os.ReadDir(shardPath)
		if err != nil {
			fn(shardPath, cid.Undef, fmt.Errorf("listing store: %w", err), true)
			return
		}
		for _, e := range entries {
			if err := ctx.Err(); err != nil {
				fn("", cid.Undef, err, true)
				return
			}
			name := e.Name()
			if strings.HasPrefix(name, tempPrefix) {
				continue
			}
			p := filepath.Join(shardPath, name)
			c, err := d.parseName(sh.Name(), name)
			if err != nil {
				err = fmt.Errorf("%s: %w", p, err)
			}
			if !fn(p, c, err, false) {
				return
			}
		}
	}
}

// parseName inverts blockPath.
func (d *Dir) parseName(shard, name string) (cid.Cid, error) {
	raw, err := b32.DecodeString(strings.ToUpper(name))
	if err != nil || len(name) < 3 {
		return cid.Undef, errors.New("file name is not a base32 CID")
	}
	c, err := cid.Cast(raw)
	if err != nil {
		return cid.Undef, fmt.Errorf("file name is not a CID: %w", err)
	}
	if err := cidcheck.Check(c); err != nil {
		return cid.Undef, fmt.Errorf("file name: %w", err)
	}
	if c.Prefix().MhType == mh.IDENTITY {
		return cid.Undef, errors.New("file name is an identity CID, which the store never writes")
	}
	if c.Version() != 1 || strings.ToLower(b32.EncodeToString(c.Bytes())) != name || name[len(name)-3:len(name)-1] != shard {
		return cid.Undef, errors.New("file name is not in the store's canonical form")
	}
	return c, nil
}

// CheckReport is what Check found.
type CheckReport struct {
	Checked     int      // objects read and verified
	Corrupt     []string // CIDs (or file names) found corrupt or misnamed
	Quarantined []string // where they were moved, under DIR/quarantine
	TempRemoved int      // stale temporary files of interrupted writes removed
}

// CheckOptions tunes Check; the zero value is the default.
type CheckOptions struct {
	// DryRun reports problems without moving or removing anything.
	DryRun bool
	// StaleAfter is the age after which a temporary file is taken to be
	// left by an interrupted write and removed (default one hour, so that
	// writes in progress are left alone).
	StaleAfter time.Duration
}

// Check reads and verifies every object, moving corrupt or misnamed ones to
// DIR/quarantine (so that a later Put can store the good block again) and
// removing stale temporary files. It returns an error only if the check
// itself could not run; problems found are in the report.
func (d *Dir) Check(ctx context.Context, opts *CheckOptions) (CheckReport, error) {
	var o CheckOptions
	if opts != nil {
		o = *opts
	}
	if o.StaleAfter == 0 {
		o.StaleAfter = defaultStaleAt
	}
	var rep CheckReport
	var runErr error
	// quarantine moves a bad object out of the way. c, when defined, is
	// the CID the object should hold: the moved file is verified again, so
	// that a good copy a concurrent put renamed into place between the
	// check and the move is put back rather than quarantined.
	quarantine := func(path string, c cid.Cid) {
		label := filepath.Base(path)
		if c.Defined() {
			label = c.String()
		}
		if o.DryRun {
			rep.Corrupt = append(rep.Corrupt, label)
			return
		}
		qdir := filepath.Join(d.root, quarantineDir)
		if err := os.MkdirAll(qdir, 0o755); err != nil {
			runErr = err
			return
		}
		dst := filepath.Join(qdir, fmt.Sprintf("%s.%d", filepath.Base(path), time.Now().UnixNano()))
		if err := os.Rename(path, dst); err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return // deleted meanwhile
			}
			runErr = fmt.Errorf("quarantining %s: %w", path, err)
			return
		}
		if c.Defined() {
			if data, err := readLimited(dst, MaxBlockSize); err == nil && Verify(c, data, dst) == nil {
				// Link fails if yet another good copy is already back.
				os.Link(dst, path)
				os.Remove(dst)
				return
			}
		}
		syncDir(filepath.Dir(path))
		syncDir(qdir)
		rep.Corrupt = append(rep.Corrupt, label)
		rep.Quarantined = append(rep.Quarantined, dst)
	}
	d.walk(ctx, func(path string, c cid.Cid, err error, fatal bool) bool {
		if fatal {
			runErr = err
			return false
		}
		if err != nil {
			quarantine(path, cid.Undef)
			return runErr == nil
		}
		rep.Checked++
		data, err := readLimited(path, MaxBlockSize)
		if err == nil {
			err = Verify(c, data, path)
		}
		if err != nil {
			quarantine(path, c)
		}
		return runErr == nil
	})
	if runErr != nil {
		return rep, runErr
	}
	// Stale temporary files.
	tmps, _ := filepath.Glob(filepath.Join(d.root, blocksSubdir, "*", tempPrefix+"*"))
	for _, t := range tmps {
		st, err := os.Lstat(t)
		if err != nil || time.Since(st.ModTime()) < o.StaleAfter {
			continue
		}
		if !o.DryRun {
			if os.Remove(t) != nil {
				continue
			}
		}
		rep.TempRemoved++
	}
	return rep, nil
}

// DefaultDir returns the per-user store directory: $AIPROV_STORE if set;
// else on Unix $XDG_DATA_HOME/aiprov/store or ~/.local/share/aiprov/store;
// on macOS ~/Library/Application Support/aiprov/store; on Windows
// %LocalAppData%\aiprov\store. getenv reads the environment (os.Getenv in
// a program; a map in tests).
func DefaultDir(getenv func(string) string) (string, error) {
	if d := getenv("AIPROV_STORE"); d != "" {
		return d, nil
	}
	var base string
	switch runtime.GOOS {
	case "windows":
		base = getenv("LocalAppData")
	case "darwin", "ios":
		if home := getenv("HOME"); home != "" {
			base = filepath.Join(home, "Library", "Application Support")
		}
	default:
		base = getenv("XDG_DATA_HOME")
		if base == "" || !filepath.IsAbs(base) { // the XDG spec says to ignore relative paths
			base = ""
			if home := getenv("HOME"); home != "" {
				base = filepath.Join(home, ".local", "share")
			}
		}
	}
	if base == "" {
		return "", errors.New("cannot find a per-user data directory (HOME is not set): pass --store DIR or set AIPROV_STORE")
	}
	return filepath.Join(base, "aiprov", "store"), nil
}
