package provenance

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ipfs/go-cid"
)

// BlockSink receives every block an import makes, so that a store can keep
// the DAG whose root CID Hash returns.
//
// PutBlock is never called concurrently, and a block is always put before
// any block that links to it (so the root comes last). The same block may
// be put more than once (a file with repeated chunks, two equal files).
// data is the sink's to keep. An error from PutBlock stops the import and
// is returned, wrapped, by Hash.
type BlockSink interface {
	PutBlock(ctx context.Context, c cid.Cid, data []byte) error
}

// Options control an import. The zero value imports with DefaultParams.
type Options struct {
	// Params determine the CID. A zero Params means DefaultParams().
	Params Params
	// SHA256 also computes each file's plain SHA-256 (the digest Hugging
	// Face and OpenSSF model signing publish), in the same read.
	SHA256 bool
	// Progress, if set, is called as bytes of file content are hashed,
	// with the bytes done so far and the total (-1 when unknown, as for
	// HashReader). It is never called concurrently.
	Progress func(done, total int64)
	// Blocks, if set, receives every block (see BlockSink).
	Blocks BlockSink
	// Concurrency is how many goroutines hash chunks and small files;
	// 0 means runtime.GOMAXPROCS(0). The CID does not depend on it.
	Concurrency int
}

// FileResult is the content ID of one file.
type FileResult struct {
	// Path is slash-separated and relative to the root given to Hash; it is
	// "." when the root is the file itself, and "" for HashReader.
	Path   string  `json:"path"`
	CID    cid.Cid `json:"cid"`
	Size   int64   `json:"size"`             // bytes of content
	SHA256 string  `json:"sha256,omitempty"` // lowercase hex; "" unless Options.SHA256
}

// Result is the content ID of a file or a directory tree.
type Result struct {
	CID cid.Cid
	// Size is the total content size of the regular files imported.
	Size int64
	// Files lists every regular file imported, sorted by Path. Symbolic
	// links stored as links, and directories, are not listed.
	Files []FileResult
}

// Errors that Hash wraps in an *fs.PathError naming the file at fault.
var (
	// ErrFileChanged: the file's size or modification time moved while it
	// was read, so the CID would describe bytes no one can fetch.
	ErrFileChanged = errors.New("file changed while it was being hashed")
	// ErrSpecialFile: a socket, named pipe or device, which has no UnixFS
	// representation.
	ErrSpecialFile = errors.New("not a regular file, directory or symbolic link")
	// ErrOutsideRoot: with DereferenceSymlinks, a link points outside the
	// tree being hashed.
	ErrOutsideRoot = errors.New("symbolic link points outside the root")
	// ErrSymlinkCycle: with DereferenceSymlinks, following links leads
	// back into a directory being hashed.
	ErrSymlinkCycle = errors.New("symbolic link cycle")
)

// hashedFile is a file opened for hashing (see openFile).
type hashedFile interface {
	io.ReadCloser
	stat() (size int64, mtime time.Time, regular bool, err error)
}

// importer is one import in progress.
type importer struct {
	p       Params
	wantSHA bool
	workers int

	sink   BlockSink
	sinkMu sync.Mutex
	ctx    context.Context

	progressFn func(done, total int64)
	progMu     sync.Mutex
	done       int64
	total      int64
}

func newImporter(ctx context.Context, opts *Options) (*importer, error) {
	if opts == nil {
		opts = &Options{}
	}
	p := opts.Params
	if p == (Params{}) {
		p = DefaultParams()
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	w := opts.Concurrency
	if w <= 0 {
		w = runtime.GOMAXPROCS(0)
	}
	return &importer{p: p, wantSHA: opts.SHA256, workers: w, sink: opts.Blocks, ctx: ctx, progressFn: opts.Progress, total: -1}, nil
}

// put hands a block to the sink, one call at a time.
func (im *importer) put(c cid.Cid, block []byte) error {
	if im.sink == nil {
		return nil
	}
	im.sinkMu.Lock()
	defer im.sinkMu.Unlock()
	if err := im.sink.PutBlock(im.ctx, c, block); err != nil {
		return fmt.Errorf("storing block %s: %w", c, err)
	}
	return nil
}

func (im *importer) putFunc() func(cid.Cid, []byte) error {
	if im.sink == nil {
		return nil
	}
	return im.put
}

func (im *importer) progress(n int64) {
	if im.progressFn == nil {
		return
	}
	im.progMu.Lock()
	im.done += n
	im.progressFn(im.done, im.total)
	im.progMu.Unlock()
}

// HashReader imports everything r yields as one UnixFS file. A nil opts
// means DefaultParams. The result's Path is "".
func HashReader(ctx context.Context, r io.Reader, opts *Options) (*FileResult, error) {
	im, err := newImporter(ctx, opts)
	if err != nil {
		return nil, err
	}
	s, err := im.hashStream(ctx, r, -1, im.wantSHA)
	if err != nil {
		return nil, err
	}
	return &FileResult{CID: s.link.CID, Size: int64(s.size), SHA256: s.sha256}, nil
}

// Hash imports the file or directory tree at root and returns its CID, as
// `ipfs add -r --only-hash` with the same parameters would print it, and
// the CID of each file in it. A nil opts means DefaultParams.
//
// Inside directories, names starting with "." are skipped unless
// Params.Hidden; symbolic links are stored as UnixFS symlinks unless
// Params.DereferenceSymlinks. Errors about a file are *fs.PathError values
// naming it, wrapping ErrFileChanged, ErrSpecialFile, ErrOutsideRoot,
// ErrSymlinkCycle or the operating system's error.
func Hash(ctx context.Context, root string, opts *Options) (*Result, error) {
	im, err := newImporter(ctx, opts)
	if err != nil {
		return nil, err
	}
	w := &walker{im: im, root: root, sem: make(chan struct{}, im.workers-1)}
	if im.p.DereferenceSymlinks {
		real, err := filepath.EvalSymlinks(root)
		if err != nil {
			return nil, err
		}
		if w.realRoot, err = filepath.Abs(real); err != nil {
			return nil, err
		}
	}
	top, err := w.walk(root, ".", true, nil)
	if err != nil {
		return nil, err
	}
	im.total = w.total.Load()
	if err := w.hashFiles(ctx, top); err != nil {
		return nil, err
	}
	link, err := w.hashTree(ctx, top)
	if err != nil {
		return nil, err
	}
	res := &Result{CID: link.CID, Size: im.total, Files: w.files}
	sort.Slice(res.Files, func(i, j int) bool { return res.Files[i].Path < res.Files[j].Path })
	return res, nil
}

type nodeKind int

const (
	kindFile nodeKind = iota
	kindDir
	kindSymlink
)

// fsNode is one entry of the tree being imported, found by the walk
// before anything is hashed (so that the progress total is known).
type fsNode struct {
	name     string // entry name in its parent
	rel      string // slash path relative to the root, "." for the root
	osPath   string // path to open
	kind     nodeKind
	info     fs.FileInfo // for files: size and mtime to detect change
	target   string      // for symlinks
	children []*fsNode
	listed   int     // for directories: entries that passed the hidden filter
	sum      fileSum // for files, once hashed
}

type walker struct {
	im       *importer
	root     string
	realRoot string        // with DereferenceSymlinks: the root, resolved
	sem      chan struct{} // a token per extra goroutine walking
	total    atomic.Int64
	files    []FileResult
	filesMu  sync.Mutex
}

// walk lstats osPath and, for a directory, everything below it;
// subdirectories are walked on other goroutines while workers are free.
// ancestors are the resolved directories above, for cycle detection when
// following symbolic links.
func (w *walker) walk(osPath, rel string, top bool, ancestors []string) (*fsNode, error) {
	if err := w.im.ctx.Err(); err != nil {
		return nil, err
	}
	info, err := os.Lstat(osPath)
	if err != nil {
		return nil, err
	}
	n := &fsNode{name: path.Base(rel), rel: rel, osPath: osPath, info: info}
	if info.Mode()&fs.ModeSymlink != 0 {
		if !w.im.p.DereferenceSymlinks {
			target, err := os.Readlink(osPath)
			if err != nil {
				return nil, err
			}
			n.kind, n.target = kindSymlink, target
			return n, nil
		}
		real, err := filepath.EvalSymlinks(osPath)
		if err != nil {
			return nil, err
		}
		if real, err = filepath.Abs(real); err != nil {
			return nil, err
		}
		if !top && !within(w.realRoot, real) {
			return nil, &fs.PathError{Op: "hash", Path: osPath, Err: fmt.Errorf("%w (%s)", ErrOutsideRoot, real)}
		}
		if info, err = os.Stat(osPath); err != nil {
			return nil, err
		}
		n.info = info
	}
	switch mode := info.Mode(); {
	case mode.IsRegular():
		n.kind = kindFile
		w.total.Add(info.Size())
		return n, nil
	case mode.IsDir():
		n.kind = kindDir
	default:
		return nil, &fs.PathError{Op: "hash", Path: osPath, Err: fmt.Errorf("%w (%s)", ErrSpecialFile, mode.Type())}
	}
	if w.im.p.DereferenceSymlinks {
		real, err := filepath.EvalSymlinks(osPath)
		if err != nil {
			return nil, err
		}
		real, _ = filepath.Abs(real)
		for _, a := range ancestors {
			if a == real {
				return nil, &fs.PathError{Op: "hash", Path: osPath, Err: ErrSymlinkCycle}
			}
		}
		ancestors = append(ancestors[:len(ancestors):len(ancestors)], real)
	}
	ents, err := os.ReadDir(osPath)
	if err != nil {
		return nil, err
	}
	listed := ents[:0]
	for _, e := range ents {
		if w.im.p.Hidden || !strings.HasPrefix(e.Name(), ".") {
			listed = append(listed, e)
		}
	}
	n.listed = len(listed)
	children := make([]*fsNode, len(listed))
	errs := make([]error, len(listed))
	var wg sync.WaitGroup
	for i, e := range listed {
		name := e.Name()
		childRel := name
		if rel != "." {
			childRel = rel + "/" + name
		}
		childPath := filepath.Join(osPath, name)
		if e.IsDir() {
			select {
			case w.sem <- struct{}{}:
				wg.Add(1)
				go func() {
					defer wg.Done()
					children[i], errs[i] = w.walk(childPath, childRel, false, ancestors)
					<-w.sem
				}()
				continue
			default:
			}
		}
		children[i], errs[i] = w.walk(childPath, childRel, false, ancestors)
		if errs[i] != nil {
			break
		}
	}
	wg.Wait()
	for i, c := range children {
		if errs[i] != nil {
			return nil, errs[i]
		}
		if c == nil {
			continue
		}
		// Kubo drops a directory with no entries left after the hidden
		// filter; one holding only such dropped directories stays.
		if c.kind == kindDir && !w.im.p.EmptyDirs && c.listed == 0 {
			continue
		}
		n.children = append(n.children, c)
	}
	return n, nil
}

// within says whether p is dir or lies below it.
func within(dir, p string) bool {
	if p == dir {
		return true
	}
	return strings.HasPrefix(p, strings.TrimSuffix(dir, string(filepath.Separator))+string(filepath.Separator))
}

// hashTree hashes the files under n, then builds directories bottom-up.
func (w *walker) hashTree(ctx context.Context, n *fsNode) (pbLink, error) {
	switch n.kind {
	case kindFile:
		return n.sum.link, nil
	case kindSymlink:
		data := []byte{0x08, unixfsSymlink, 0x12}
		data = appendVarint(data, uint64(len(n.target)))
		data = append(data, n.target...)
		block := appendPBNode(nil, nil, data)
		c, err := w.im.putNode(block)
		return pbLink{CID: c, Tsize: uint64(len(block))}, err
	}
	entries := make([]dirEntry, 0, len(n.children))
	for _, c := range n.children {
		l, err := w.hashTree(ctx, c)
		if err != nil {
			return pbLink{}, err
		}
		entries = append(entries, dirEntry{name: c.name, link: l})
	}
	return w.im.directory(entries)
}

// hashFiles hashes every file of the tree into its node. Files larger
// than a chunk are hashed one after another, each with its leaves spread
// over the workers; smaller files are spread over the workers whole, which
// is what makes a dataset of many small files fast.
func (w *walker) hashFiles(ctx context.Context, top *fsNode) error {
	var small, large []*fsNode
	var collect func(n *fsNode)
	collect = func(n *fsNode) {
		switch {
		case n.kind == kindFile && n.info.Size() <= int64(w.im.p.ChunkSize):
			small = append(small, n)
		case n.kind == kindFile:
			large = append(large, n)
		}
		for _, c := range n.children {
			collect(c)
		}
	}
	collect(top)
	for _, n := range large {
		if err := w.hashFile(ctx, n); err != nil {
			return err
		}
	}
	if len(small) == 0 {
		return nil
	}
	// Workers claim small files in batches from a shared counter: one
	// channel send per file costs more than hashing a small file.
	const batch = 32
	var claimed atomic.Int64
	var failed atomic.Bool
	errs := make([]error, w.im.workers)
	var wg sync.WaitGroup
	for i := 0; i < w.im.workers && i*batch < len(small); i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for !failed.Load() {
				end := int(claimed.Add(batch))
				start := end - batch
				if start >= len(small) {
					return
				}
				for _, n := range small[start:min(end, len(small))] {
					if err := w.hashFile(ctx, n); err != nil {
						errs[i] = err
						failed.Store(true)
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// hashFile hashes one regular file, checking that it does not change
// while it is read.
func (w *walker) hashFile(ctx context.Context, n *fsNode) error {
	s, err := w.readFile(ctx, n)
	if err != nil {
		return err
	}
	n.sum = s
	w.filesMu.Lock()
	w.files = append(w.files, FileResult{Path: n.rel, CID: s.link.CID, Size: int64(s.size), SHA256: s.sha256})
	w.filesMu.Unlock()
	return nil
}

func (w *walker) readFile(ctx context.Context, n *fsNode) (fileSum, error) {
	f, err := openFile(n.osPath, !w.im.p.DereferenceSymlinks)
	if err != nil {
		return fileSum{}, err
	}
	defer f.Close()
	changed := func() error { return &fs.PathError{Op: "hash", Path: n.osPath, Err: ErrFileChanged} }
	s, err := w.im.hashStream(ctx, f, n.info.Size(), w.im.wantSHA)
	if err != nil {
		var re *readError
		if errors.As(err, &re) {
			return fileSum{}, &fs.PathError{Op: "read", Path: n.osPath, Err: err}
		}
		return fileSum{}, err
	}
	// The walk's lstat, this fstat and the bytes read must agree: that
	// catches a file replaced, grown, shrunk or rewritten in place (as far
	// as the file system's mtime resolution shows) since the walk.
	size, mtime, regular, err := f.stat()
	if err != nil {
		return fileSum{}, err
	}
	if !regular || int64(s.size) != n.info.Size() || size != n.info.Size() || !mtime.Equal(n.info.ModTime()) {
		return fileSum{}, changed()
	}
	return s, nil
}
