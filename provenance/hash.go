package provenance

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"sort"
	"sync"

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
	// Tensors also reads the tensor layout of each weight file (named
	// *.safetensors or *.gguf; for HashReader, recognised by its first
	// bytes) and the BLAKE3 digest of each tensor's bytes, in the same read,
	// into FileResult.Tensors and Result.Tensors. Sharded checkpoints'
	// *.safetensors.index.json files are checked against their shards. A
	// malformed header fails the import with a *TensorHeaderError.
	Tensors bool
	// TensorLimits bound the work of reading tensor headers; nil means the
	// defaults (see TensorLimits).
	TensorLimits *TensorLimits
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
	// Tensors is the file's tensor layout, with Options.Tensors, for weight
	// files; nil otherwise.
	Tensors *TensorLayout `json:"tensors,omitempty"`
}

// Result is the content ID of a file or a directory tree.
type Result struct {
	// Name is the base name of the root given to Hash ("" for HashReader):
	// what NewManifest names the subject and a single file after.
	Name string
	CID  cid.Cid
	// Size is the total content size of the regular files imported.
	Size int64
	// Files lists every regular file imported, sorted by Path. Symbolic
	// links stored as links, and directories, are not listed.
	Files []FileResult
	// Tensors gathers the files' tensor layouts, with Options.Tensors; nil
	// when no file has one.
	Tensors *TensorIndex
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
	// ErrUnportableName: an entry name that is not valid UTF-8 or holds a
	// backslash. Kubo would hash it, but dag-pb link names are UTF-8
	// strings and a backslash is a path separator on Windows, so readers
	// (aiprov's included) refuse such a DAG: it is refused before it is
	// hashed or stored.
	ErrUnportableName = errors.New("name is not valid UTF-8 or holds a backslash")
	// ErrTooDeep: directories nested deeper than MaxTreeDepth, which
	// readers refuse.
	ErrTooDeep = errors.New("directory tree too deep")
)

// MaxTreeDepth is how many directory levels below the root Hash accepts
// and storage reads back.
const MaxTreeDepth = 64

// importer is one import in progress.
type importer struct {
	p       Params
	wantSHA bool
	workers int

	wantTensors  bool
	tensorLimits *TensorLimits

	sink   BlockSink
	sinkMu sync.Mutex

	chunks sync.Pool // *[]byte of ChunkSize, see chunkBuf

	progressFn func(done, total int64)
	progMu     sync.Mutex
	done       int64
	total      int64
}

func newImporter(opts *Options) (*importer, error) {
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
	return &importer{p: p, wantSHA: opts.SHA256, wantTensors: opts.Tensors, tensorLimits: opts.TensorLimits, workers: w, sink: opts.Blocks, progressFn: opts.Progress, total: -1}, nil
}

// put hands a block to the sink, one call at a time.
func (im *importer) put(ctx context.Context, c cid.Cid, block []byte) error {
	if im.sink == nil {
		return nil
	}
	im.sinkMu.Lock()
	defer im.sinkMu.Unlock()
	if err := im.sink.PutBlock(ctx, c, block); err != nil {
		return fmt.Errorf("storing block %s: %w", c, err)
	}
	return nil
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
	im, err := newImporter(opts)
	if err != nil {
		return nil, err
	}
	format := ""
	if im.wantTensors {
		if r, format, err = sniffTensorStream(r); err != nil {
			return nil, err
		}
	}
	s, err := im.hashStream(ctx, r, -1, im.wantSHA, format)
	if err != nil {
		return nil, err
	}
	return &FileResult{CID: s.link.Hash, Size: int64(s.size), SHA256: s.sha256, Tensors: s.tensors}, nil
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
	im, err := newImporter(opts)
	if err != nil {
		return nil, err
	}
	w := &walker{im: im, sem: make(chan struct{}, im.workers-1)}
	if im.p.DereferenceSymlinks {
		real, err := filepath.EvalSymlinks(root)
		if err != nil {
			return nil, err
		}
		if w.realRoot, err = filepath.Abs(real); err != nil {
			return nil, err
		}
	}
	top, err := w.walk(ctx, root, ".", true, nil)
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
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	res := &Result{Name: filepath.Base(abs), CID: link.Hash, Size: im.total, Files: w.files}
	sort.Slice(res.Files, func(i, j int) bool { return res.Files[i].Path < res.Files[j].Path })
	if im.wantTensors {
		if res.Tensors, err = w.tensorIndex(res.Files); err != nil {
			return nil, err
		}
	}
	return res, nil
}
