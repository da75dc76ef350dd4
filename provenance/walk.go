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
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/aiprov/aiprov/internal/dagpb"
)

// hashedFile is a file opened for hashing (see openFile).
type hashedFile interface {
	io.ReadCloser
	stat() (size int64, mtime time.Time, regular bool, err error)
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
	realRoot string        // with DereferenceSymlinks: the root, resolved
	sem      chan struct{} // a token per extra goroutine walking
	total    atomic.Int64
	files    []FileResult
	filesMu  sync.Mutex
	// weightMaps of the sharded checkpoints' index files, with Options.Tensors.
	weightMaps []shardIndex
}

// walk lstats osPath and, for a directory, everything below it;
// subdirectories are walked on other goroutines while workers are free.
// ancestors are the resolved directories above, for cycle detection when
// following symbolic links.
func (w *walker) walk(ctx context.Context, osPath, rel string, top bool, ancestors []string) (*fsNode, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if rel != "." && strings.Count(rel, "/") >= MaxTreeDepth {
		return nil, &fs.PathError{Op: "hash", Path: osPath, Err: fmt.Errorf("%w: more than %d levels below the root", ErrTooDeep, MaxTreeDepth)}
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
			if name := e.Name(); !utf8.ValidString(name) || strings.Contains(name, `\`) {
				return nil, &fs.PathError{Op: "hash", Path: filepath.Join(osPath, name), Err: ErrUnportableName}
			}
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
					children[i], errs[i] = w.walk(ctx, childPath, childRel, false, ancestors)
					<-w.sem
				}()
				continue
			default:
			}
		}
		children[i], errs[i] = w.walk(ctx, childPath, childRel, false, ancestors)
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
func (w *walker) hashTree(ctx context.Context, n *fsNode) (dagpb.Link, error) {
	switch n.kind {
	case kindFile:
		return n.sum.link, nil
	case kindSymlink:
		u := dagpb.UnixFS{Type: dagpb.TypeSymlink, Data: []byte(n.target)}
		data := u.Append(nil)
		block := dagpb.AppendNode(nil, nil, data)
		c, err := w.im.putNode(ctx, block)
		return dagpb.Link{Hash: c, Tsize: uint64(len(block))}, err
	}
	entries := make([]dirEntry, 0, len(n.children))
	for _, c := range n.children {
		l, err := w.hashTree(ctx, c)
		if err != nil {
			return dagpb.Link{}, err
		}
		entries = append(entries, dirEntry{name: c.name, link: l})
	}
	l, err := w.im.directory(ctx, entries)
	if err != nil && !errors.As(err, new(*fs.PathError)) {
		err = &fs.PathError{Op: "hash", Path: n.osPath, Err: err}
	}
	return l, err
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
	fr := FileResult{Path: n.rel, CID: s.link.Hash, Size: int64(s.size), SHA256: s.sha256, Tensors: s.tensors}
	if fr.Tensors != nil && fr.Tensors.weightMap != nil {
		w.weightMaps = append(w.weightMaps, shardIndex{path: n.rel, weightMap: fr.Tensors.weightMap})
		fr.Tensors = nil
	}
	w.files = append(w.files, fr)
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
	if _, _, regular, err := f.stat(); err != nil {
		return fileSum{}, err
	} else if !regular {
		return fileSum{}, changed() // a regular file when walked
	}
	s, err := w.im.hashStream(ctx, f, n.info.Size(), w.im.wantSHA, w.tensorFormat(n))
	if err != nil {
		op := "hash"
		if errors.As(err, new(*readError)) {
			op = "read"
		}
		if ctx.Err() != nil && errors.Is(err, ctx.Err()) {
			return fileSum{}, err // cancelled: no file is at fault
		}
		return fileSum{}, &fs.PathError{Op: op, Path: n.osPath, Err: err}
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
