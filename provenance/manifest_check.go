package provenance

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/aiprov/aiprov/internal/fsutil"
	"github.com/ipfs/go-cid"
)

// CheckOptions control CheckManifest. The zero value checks every file with
// DefaultParams.
type CheckOptions struct {
	// Params must be the parameters the manifest was built with; they
	// decide the CIDs (sizes and SHA-256 digests do not depend on them).
	Params Params
	// Paths, if set, limits the check to these manifest paths; a path
	// names a file or every file under a directory. Extra files are then
	// not reported, and the root CID is not recomputed.
	Paths []string
	// Cache, if set, skips re-reading files whose size, modification time
	// and inode are unchanged since it last saw them. A cache is a
	// convenience for re-checking; never use one to decide what to sign.
	// The tensor index of a file the cache vouches for is not re-checked.
	Cache *CheckCache
	// TensorPages fetches the pages of a paged tensor index (see
	// Subject.TensorIndex), from a store or IPFS. Without it, files whose
	// index is in pages are checked by their bytes only; inline indexes
	// are always checked against the files' tensors.
	TensorPages func(context.Context, cid.Cid) ([]byte, error)
	// Progress, if set, is called as bytes are hashed, with the bytes done
	// so far and the total (-1 when unknown), as Options.Progress is. It is
	// never called concurrently.
	Progress func(done, total int64)
}

// CheckReport says exactly how a directory differs from a manifest.
type CheckReport struct {
	Changed []FileChange // in the manifest and on disk, with different content
	Missing []string     // in the manifest, not on disk
	Extra   []string     // on disk, not in the manifest (full checks only)
	Refused []FileProblem
	// RootCID is the recomputed root CID, on full checks without a cache;
	// cid.Undef otherwise. RootMatches compares it with Subject.CID.
	RootCID     cid.Cid
	RootMatches bool
	Checked     int // files compared
	Cached      int // of which the cache vouched for, unread
}

// FileChange is a file whose content differs from the manifest, or whose
// tensor index does.
type FileChange struct {
	Path      string
	Want, Got File
	// Tensors, when the manifest has a tensor index for the file, says how
	// the file's tensors differ from it ("" when they agree). With equal
	// bytes it means the manifest's index is not the file's: a forged or
	// mistaken index.
	Tensors string
}

// FileProblem is a file the check refused to read, such as a symbolic link
// leaving the root.
type FileProblem struct {
	Path   string
	Reason string
}

// OK reports whether the directory matches the manifest.
func (r *CheckReport) OK() bool {
	return len(r.Changed) == 0 && len(r.Missing) == 0 && len(r.Extra) == 0 && len(r.Refused) == 0 &&
		(!r.RootCID.Defined() || r.RootMatches)
}

// Reason says how the file differs, for people: what is on disk and what
// the manifest says, for the size, the SHA-256 and the CID, in that order,
// naming only what differs ("size 6, manifest says 21; sha256 …, manifest
// says …; cid …, manifest says …").
func (c FileChange) Reason() string {
	var why []string
	if c.Want.Size != c.Got.Size {
		why = append(why, fmt.Sprintf("size %d, manifest says %d", c.Got.Size, c.Want.Size))
	}
	if c.Want.SHA256 != c.Got.SHA256 {
		why = append(why, fmt.Sprintf("sha256 %s, manifest says %s", c.Got.SHA256, c.Want.SHA256))
	}
	if !c.Want.CID.Equals(c.Got.CID) {
		cids := fmt.Sprintf("cid %s, manifest says %s", c.Got.CID, c.Want.CID)
		if len(why) == 0 {
			// Same bytes, other CID: the DAG was laid out differently.
			cids = "same bytes but " + cids + ": built with other import parameters?"
		}
		why = append(why, cids)
	}
	if c.Tensors != "" {
		if len(why) == 0 {
			why = append(why, "same bytes but the manifest's tensor index is not the file's")
		}
		why = append(why, c.Tensors)
	}
	return strings.Join(why, "; ")
}

// CheckManifest compares the file or directory at root with m: it re-hashes
// the files and reports which changed, are missing or are extra. It is the
// one check of an artifact on disk against a manifest (`aiprov manifest
// check` and `aiprov verify --dir` both use it), and a full check covers
// every entry of the directory, so that no bytes ride along unsigned:
//
//   - every listed file is compared by size, SHA-256 and CID, and a
//     weight file the manifest has a tensor index for (Subject.Tensors)
//     by its tensors too: equal bytes under a false index are a change;
//   - every regular file not listed is Extra;
//   - hidden entries (names starting with ".") that Hash would skip are
//     Extra too, a hidden directory as one entry "name/" (a manifest that
//     lists hidden files was made with Params.Hidden, which is then
//     assumed);
//   - symbolic links that lead outside root or do not resolve, and special
//     files (FIFOs, devices, sockets), are Refused, never read;
//   - the root CID is recomputed, which covers what the file list does not
//     (symbolic links inside root, empty directories): for a manifest that
//     lists no files (BuildOptions.OmitFiles) it is the whole check.
//
// A partial check (Paths or Cache set) compares only the listed files in
// scope. Manifest paths that are absolute or contain ".." are an error.
//
// root may also be a single file: for a one-file manifest it is that file
// whatever its name; for a manifest of many files it must equal one of
// them (size, SHA-256 and CID), and the report then covers that file only.
func CheckManifest(ctx context.Context, m *Manifest, root string, opts *CheckOptions) (*CheckReport, error) {
	if opts == nil {
		opts = &CheckOptions{}
	}
	p := opts.Params
	if p == (Params{}) {
		p = DefaultParams()
	}
	if !p.Hidden && slices.ContainsFunc(m.Subject.Files, func(f File) bool { return hasHiddenElement(f.Path) }) {
		p.Hidden = true // only a --hidden import lists such files
	}
	if len(m.Subject.Files) == 0 {
		return checkRootOnly(ctx, m, root, p, opts)
	}
	want := make(map[string]File, len(m.Subject.Files))
	for i, f := range m.Subject.Files {
		if err := checkRelPath(f.Path); err != nil {
			return nil, &FieldError{Path: fmt.Sprintf("subject.files[%d].path", i), Offset: -1, Err: err, kind: ErrInvalidManifest}
		}
		want[f.Path] = f
	}
	for _, sp := range opts.Paths {
		if err := checkRelPath(strings.TrimSuffix(sp, "/")); err != nil {
			return nil, fmt.Errorf("check path: %w", err)
		}
	}
	inScope := func(rel string) bool {
		return len(opts.Paths) == 0 || slices.ContainsFunc(opts.Paths, func(sp string) bool { return underPath(rel, sp) })
	}

	// A subset path that names nothing in the manifest is a mistake, not
	// a successful check of zero files.
	for _, sp := range opts.Paths {
		if !slices.ContainsFunc(m.Subject.Files, func(f File) bool { return underPath(f.Path, sp) }) {
			return nil, fmt.Errorf("check path %q: no such file or directory in the manifest", sp)
		}
	}

	rootInfo, err := os.Stat(root)
	if err != nil {
		return nil, err
	}
	report := &CheckReport{}
	var disk map[string]string // manifest path → OS path of a regular file
	switch {
	case rootInfo.IsDir():
		var hidden []string
		disk, hidden, report.Refused, err = scanTree(ctx, root, p)
		if err != nil {
			return nil, err
		}
		if len(opts.Paths) == 0 {
			report.Extra = hidden
		}
	case !rootInfo.Mode().IsRegular():
		return &CheckReport{Refused: []FileProblem{{root, "special file (" + rootInfo.Mode().Type().String() + ")"}}}, nil
	case len(m.Subject.Files) == 1:
		// A single-file artifact: its one entry, whatever its name now.
		disk = map[string]string{m.Subject.Files[0].Path: root}
	default:
		return checkOneOfMany(ctx, m, root, p, opts)
	}

	wantTensors, err := manifestLayouts(ctx, &m.Subject, opts.TensorPages)
	if err != nil {
		return nil, err
	}
	got := map[string]File{}
	gotTensors := map[string]*TensorLayout{}
	full := len(opts.Paths) == 0 && opts.Cache == nil && len(report.Refused) == 0
	if full {
		hopts := &Options{Params: p, SHA256: true, Tensors: len(wantTensors) > 0, Progress: opts.Progress}
		res, err := Hash(ctx, root, hopts)
		if errors.Is(err, ErrMalformedTensors) {
			// A weight file whose header no longer parses has changed:
			// its bytes say so without the tensors.
			hopts.Tensors = false
			res, err = Hash(ctx, root, hopts)
		}
		if err != nil {
			return nil, err
		}
		report.RootCID, report.RootMatches = res.CID, res.CID.Equals(m.Subject.CID)
		files, err := manifestFiles(res.Files, m.Subject.Files[0].Path)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", root, err)
		}
		for i, f := range files {
			got[f.Path] = f
			gotTensors[f.Path] = res.Files[i].Tensors
		}
	} else {
		var progress func(int64)
		if opts.Progress != nil {
			// The total is what the manifest says the files in scope hold.
			var done, total int64
			for rel := range mapKeys(disk) {
				if f, listed := want[rel]; listed && inScope(rel) {
					total += f.Size
				}
			}
			progress = func(n int64) {
				done += n
				opts.Progress(done, max(total, done))
			}
		}
		for _, rel := range slices.Sorted(mapKeys(disk)) {
			if _, listed := want[rel]; !listed || !inScope(rel) {
				continue
			}
			_, withTensors := wantTensors[rel]
			f, layout, cached, err := hashFile(ctx, disk[rel], p, opts.Cache, withTensors, progress)
			if err != nil {
				return nil, err
			}
			f.Path = rel
			got[rel], gotTensors[rel] = f, layout
			if cached {
				report.Cached++
			}
		}
	}

	for _, f := range m.Subject.Files {
		if !inScope(f.Path) {
			continue
		}
		g, ok := got[f.Path]
		if _, onDisk := disk[f.Path]; !ok || !onDisk {
			if !slices.ContainsFunc(report.Refused, func(r FileProblem) bool { return r.Path == f.Path }) {
				report.Missing = append(report.Missing, f.Path)
			}
			continue
		}
		report.Checked++
		ch := FileChange{Path: f.Path, Want: f, Got: g}
		if wl, ok := wantTensors[f.Path]; ok && !(gotTensors[f.Path] == nil && opts.Cache != nil) {
			ch.Tensors = diffLayouts(wl, gotTensors[f.Path])
		}
		if g.Size != f.Size || g.SHA256 != f.SHA256 || !g.CID.Equals(f.CID) || ch.Tensors != "" {
			report.Changed = append(report.Changed, ch)
		}
	}
	if len(opts.Paths) == 0 {
		for _, rel := range slices.Sorted(mapKeys(disk)) {
			if _, listed := want[rel]; !listed {
				report.Extra = append(report.Extra, rel)
			}
		}
		slices.Sort(report.Extra)
	}
	return report, nil
}

// checkOneOfMany checks a single file against a manifest of many: it must
// be one of them.
func checkOneOfMany(ctx context.Context, m *Manifest, file string, p Params, opts *CheckOptions) (*CheckReport, error) {
	if len(opts.Paths) > 0 {
		return nil, errors.New("a single file is checked whole; --path selects inside a directory")
	}
	var progress func(int64)
	if opts.Progress != nil {
		var done int64
		progress = func(n int64) { done += n; opts.Progress(done, -1) }
	}
	got, _, _, err := hashFile(ctx, file, p, opts.Cache, false, progress)
	if err != nil {
		return nil, err
	}
	for _, f := range m.Subject.Files {
		if f.Size == got.Size && f.SHA256 == got.SHA256 && f.CID.Equals(got.CID) {
			return &CheckReport{Checked: 1}, nil
		}
	}
	return &CheckReport{Extra: []string{filepath.Base(file)}}, nil
}

// hasHiddenElement reports whether a slash-separated path has an element
// starting with ".".
func hasHiddenElement(p string) bool {
	for _, e := range strings.Split(p, "/") {
		if strings.HasPrefix(e, ".") {
			return true
		}
	}
	return false
}

// underPath reports whether the manifest path rel is sel, or lies under
// the directory sel (written with or without a trailing slash).
func underPath(rel, sel string) bool {
	sel = strings.TrimSuffix(sel, "/")
	return rel == sel || strings.HasPrefix(rel, sel+"/")
}

// checkRootOnly checks a manifest that lists no files: only the root CID
// can be compared.
func checkRootOnly(ctx context.Context, m *Manifest, root string, p Params, opts *CheckOptions) (*CheckReport, error) {
	if len(opts.Paths) > 0 {
		return nil, errors.New("the manifest lists no files, so no subset of them can be checked")
	}
	report := &CheckReport{}
	info, err := os.Stat(root)
	if err != nil {
		return nil, err
	}
	switch {
	case info.IsDir():
		// The root CID covers what Hash reads; what it would skip or must
		// not read is reported, as in a full check.
		if _, report.Extra, report.Refused, err = scanTree(ctx, root, p); err != nil {
			return nil, err
		}
	case !info.Mode().IsRegular():
		report.Refused = []FileProblem{{root, "special file (" + info.Mode().Type().String() + ")"}}
	}
	if len(report.Refused) > 0 {
		return report, nil
	}
	res, err := Hash(ctx, root, &Options{Params: p, Progress: opts.Progress})
	if err != nil {
		return nil, err
	}
	report.RootCID, report.RootMatches, report.Checked = res.CID, res.CID.Equals(m.Subject.CID), len(res.Files)
	return report, nil
}

func mapKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// scanTree lists the regular files under root as Hash sees them, refusing
// symbolic links that resolve outside root and special files. Hidden names
// are listed apart unless p.Hidden (a hidden directory as "name/", not
// entered): Hash skips them, so no digest covers them. With
// p.DereferenceSymlinks, links to files inside root count as files.
func scanTree(ctx context.Context, root string, p Params) (files map[string]string, hidden []string, refused []FileProblem, err error) {
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		return nil, nil, nil, err
	}
	if realRoot, err = filepath.Abs(realRoot); err != nil {
		return nil, nil, nil, err
	}
	files = map[string]string{}
	err = filepath.WalkDir(root, func(osPath string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if osPath == root {
			return nil
		}
		relOS, err := filepath.Rel(root, osPath)
		if err != nil {
			return err
		}
		rel := filepath.ToSlash(relOS)
		if !p.Hidden && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				hidden = append(hidden, rel+"/")
				return filepath.SkipDir
			}
			hidden = append(hidden, rel)
			return nil
		}
		switch t := d.Type(); {
		case t.IsDir():
			return nil
		case t.IsRegular():
			files[rel] = osPath
		case t&fs.ModeSymlink != 0:
			target, err := filepath.EvalSymlinks(osPath)
			if err != nil {
				refused = append(refused, FileProblem{rel, fmt.Sprintf("symbolic link that does not resolve: %v", err)})
				return nil
			}
			if target, err = filepath.Abs(target); err != nil {
				return err
			}
			if r, err := filepath.Rel(realRoot, target); err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
				refused = append(refused, FileProblem{rel, "symbolic link leaves the root (to " + target + ")"})
				return nil
			}
			if p.DereferenceSymlinks {
				if st, err := os.Stat(target); err == nil && st.Mode().IsRegular() {
					files[rel] = target
				}
			}
		default:
			refused = append(refused, FileProblem{rel, "special file (" + t.String() + ")"})
		}
		return nil
	})
	return files, hidden, refused, err
}

// hashFile hashes one file, or takes its digests from the cache when its
// size, modification time and inode are unchanged. With tensors it also
// reads the file's tensor layout (nil when cached, or when the header does
// not parse: the file has then changed, which its digests show). progress,
// if set, is called with the bytes hashed since its last call.
func hashFile(ctx context.Context, osPath string, p Params, cache *CheckCache, tensors bool, progress func(n int64)) (File, *TensorLayout, bool, error) {
	before, err := os.Stat(osPath)
	if err != nil {
		return File{}, nil, false, err
	}
	key, keyOK := fileKey(osPath, before)
	if cache != nil && keyOK {
		if f, ok := cache.get(p, key); ok {
			return f, nil, true, nil
		}
	}
	fh, err := fsutil.OpenRegular(osPath)
	if err != nil {
		return File{}, nil, false, err
	}
	defer fh.Close()
	hopts := &Options{Params: p, SHA256: true, Tensors: tensors}
	if progress != nil {
		var last int64
		hopts.Progress = func(done, _ int64) { progress(done - last); last = done }
	}
	res, err := HashReader(ctx, fh, hopts)
	if tensors && errors.Is(err, ErrMalformedTensors) {
		// Read again without tensors (and without progress: the bytes
		// were counted once).
		if _, err = fh.Seek(0, io.SeekStart); err == nil {
			res, err = HashReader(ctx, fh, &Options{Params: p, SHA256: true})
		}
	}
	if err != nil {
		return File{}, nil, false, &fs.PathError{Op: "hash", Path: osPath, Err: err}
	}
	after, err := fh.Stat()
	if err != nil {
		return File{}, nil, false, err
	}
	if after.Size() != before.Size() || !after.ModTime().Equal(before.ModTime()) || res.Size != before.Size() {
		return File{}, nil, false, &fs.PathError{Op: "hash", Path: osPath, Err: ErrFileChanged}
	}
	f := File{CID: res.CID, Size: res.Size, SHA256: res.SHA256}
	if cache != nil && keyOK {
		cache.put(p, key, f)
	}
	return f, res.Tensors, false, nil
}

// CheckCache remembers the digests of files CheckManifest has read, keyed
// by path, size, modification time and inode (and the import parameters),
// so that a re-check reads only what changed. It trusts the file system's
// metadata: something that rewrites a file and restores its mtime defeats
// it. Use it to re-check quickly, never to decide what to sign.
//
// The zero value is empty and ready; it is safe for concurrent use.
type CheckCache struct {
	mu      sync.Mutex
	entries map[string]cacheEntry
}

type cacheEntry struct {
	Params string `json:"params"`
	Key    string `json:"key"`
	CID    string `json:"cid"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
}

const maxCacheFile = 256 << 20

// ReadCheckCache reads a cache written by WriteTo. An unreadable cache is
// an error; callers may start afresh with a zero CheckCache.
func ReadCheckCache(r io.Reader) (*CheckCache, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxCacheFile+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxCacheFile {
		return nil, errors.New("check cache larger than 256 MiB")
	}
	var file struct {
		Version int                   `json:"version"`
		Entries map[string]cacheEntry `json:"entries"`
	}
	if err := json.Unmarshal(data, &file); err != nil {
		return nil, fmt.Errorf("check cache: %w", err)
	}
	if file.Version != 1 {
		return nil, fmt.Errorf("check cache: unknown version %d", file.Version)
	}
	return &CheckCache{entries: file.Entries}, nil
}

// WriteTo writes the cache as JSON.
func (c *CheckCache) WriteTo(w io.Writer) (int64, error) {
	c.mu.Lock()
	data, err := json.Marshal(struct {
		Version int                   `json:"version"`
		Entries map[string]cacheEntry `json:"entries"`
	}{1, c.entries})
	c.mu.Unlock()
	if err != nil {
		return 0, err
	}
	n, err := w.Write(data)
	return int64(n), err
}

func paramsKey(p Params) string { return fmt.Sprintf("%+v", p) }

func (c *CheckCache) get(p Params, k cacheKey) (File, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[k.path]
	if !ok || e.Key != k.meta || e.Params != paramsKey(p) {
		return File{}, false
	}
	id, err := cid.Decode(e.CID)
	if err != nil || CheckCID(id) != nil {
		return File{}, false
	}
	return File{CID: id, Size: e.Size, SHA256: e.SHA256}, true
}

func (c *CheckCache) put(p Params, k cacheKey, f File) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.entries == nil {
		c.entries = map[string]cacheEntry{}
	}
	c.entries[k.path] = cacheEntry{Params: paramsKey(p), Key: k.meta, CID: f.CID.String(), Size: f.Size, SHA256: f.SHA256}
}

type cacheKey struct {
	path string // absolute
	meta string // size, mtime, device, inode
}

func fileKey(osPath string, st fs.FileInfo) (cacheKey, bool) {
	abs, err := filepath.Abs(osPath)
	if err != nil {
		return cacheKey{}, false
	}
	dev, ino, ok := inode(st)
	if !ok {
		return cacheKey{}, false // without inodes, size and mtime alone are too weak
	}
	return cacheKey{abs, fmt.Sprintf("%d/%d/%d/%d", st.Size(), st.ModTime().UnixNano(), dev, ino)}, true
}
