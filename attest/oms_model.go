package attest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// OMSDefaultIgnorePaths are the paths OMS leaves out of every model
// directory (matched at its top level only), unless IncludeGitPaths.
var omsDefaultIgnorePaths = []string{".git", ".gitattributes", ".github", ".gitignore"}

// OMSDefaultIgnorePaths returns the top-level paths OMS leaves out of a
// model directory by default: .git, .gitattributes, .github, .gitignore.
func OMSDefaultIgnorePaths() []string { return slices.Clone(omsDefaultIgnorePaths) }

// ErrOMSModel is matched by errors about the model on disk: a symbolic link
// where none is allowed or one leading outside the model, a special file,
// a name that is not UTF-8, an empty model.
var ErrOMSModel = errors.New("model cannot be signed or verified as it is")

// omsFileRules say which files of a model are hashed.
type omsFileRules struct {
	ignore        []string // cleaned, relative to the model root, "/"-separated
	allowSymlinks bool
}

// omsRelIgnorePath turns an ignore path into one relative to the model
// root: an absolute path (or one relative to the working directory, when
// fromCWD) must lie inside the model; a relative one is taken from the
// model root. ok is false for paths outside the model, which ignore
// nothing (model_signing drops them the same way).
func omsRelIgnorePath(modelPath, p string, fromCWD bool) (string, bool) {
	if filepath.IsAbs(p) || fromCWD {
		abs, err := filepath.Abs(p)
		if err != nil {
			return "", false
		}
		root, err := filepath.Abs(modelPath)
		if err != nil {
			return "", false
		}
		rel, err := filepath.Rel(root, abs)
		if err != nil || rel == "." || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return "", false
		}
		return filepath.ToSlash(rel), true
	}
	c := path.Clean(filepath.ToSlash(p))
	if c == "." || c == ".." || strings.HasPrefix(c, "../") || strings.HasPrefix(c, "/") {
		return "", false
	}
	return c, true
}

// newOMSFileRules gathers the ignore paths of a signing or verification:
// the defaults, the recorded ones (relative to the model already), the
// caller's and the signature file's.
func newOMSFileRules(modelPath string, allowSymlinks, includeGit bool, recorded, given []string, signaturePath string) *omsFileRules {
	rules := &omsFileRules{allowSymlinks: allowSymlinks}
	if !includeGit {
		rules.ignore = append(rules.ignore, omsDefaultIgnorePaths...)
	}
	for _, p := range recorded {
		// A recorded path outside the model ignores nothing.
		if c := path.Clean(p); !path.IsAbs(c) && c != ".." && !strings.HasPrefix(c, "../") && c != "." {
			rules.ignore = append(rules.ignore, c)
		}
	}
	for _, p := range given {
		if rel, ok := omsRelIgnorePath(modelPath, p, false); ok {
			rules.ignore = append(rules.ignore, rel)
		}
	}
	if signaturePath != "" {
		if rel, ok := omsRelIgnorePath(modelPath, signaturePath, true); ok {
			rules.ignore = append(rules.ignore, rel)
		}
	}
	slices.Sort(rules.ignore)
	rules.ignore = slices.Compact(rules.ignore)
	return rules
}

func (r *omsFileRules) ignored(name string) bool {
	for _, ig := range r.ignore {
		if name == ig || strings.HasPrefix(name, ig+"/") {
			return true
		}
	}
	return false
}

// omsListFiles lists the files of the model at modelPath that the rules
// hash, as "/"-separated paths relative to the model root, sorted; a
// single-file model lists as ".", the name model_signing v1.1 gives it.
// When only is not nil, files not in it are skipped without a look (the
// --ignore-unsigned-files case). root is nil for a single-file model.
func omsListFiles(ctx context.Context, modelPath string, rules *omsFileRules, only map[string]bool) (*os.Root, []string, error) {
	fi, err := os.Lstat(modelPath)
	if err != nil {
		return nil, nil, err
	}
	if fi.Mode()&fs.ModeSymlink != 0 {
		if !rules.allowSymlinks {
			return nil, nil, fmt.Errorf("%w: %s is a symbolic link (links are refused unless allowed)", ErrOMSModel, modelPath)
		}
		if fi, err = os.Stat(modelPath); err != nil {
			return nil, nil, err
		}
	}
	if fi.Mode().IsRegular() {
		return nil, []string{"."}, nil
	}
	if !fi.IsDir() {
		return nil, nil, fmt.Errorf("%w: %s is neither a regular file nor a directory", ErrOMSModel, modelPath)
	}
	root, err := os.OpenRoot(modelPath)
	if err != nil {
		return nil, nil, err
	}
	var files []string
	err = fs.WalkDir(root.FS(), ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if name == "." {
			return nil
		}
		if cerr := ctx.Err(); cerr != nil {
			return cerr
		}
		if rules.ignored(name) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !utf8.ValidString(name) {
			return fmt.Errorf("%w: %q: the file name is not UTF-8 and cannot be named in a bundle", ErrOMSModel, name)
		}
		if d.IsDir() {
			return nil
		}
		if only != nil && !only[name] {
			return nil
		}
		mode := d.Type()
		if mode&fs.ModeSymlink != 0 {
			if !rules.allowSymlinks {
				return fmt.Errorf("%w: %s is a symbolic link (links are refused unless allowed)", ErrOMSModel, name)
			}
			// os.Root follows links only while they stay inside the model.
			target, err := root.Stat(filepath.FromSlash(name))
			if err != nil {
				return fmt.Errorf("%w: symbolic link %s leads outside the model or nowhere: %v", ErrOMSModel, name, err)
			}
			if !target.Mode().IsRegular() {
				return fmt.Errorf("%w: symbolic link %s does not lead to a regular file (links to directories are not followed)", ErrOMSModel, name)
			}
			files = append(files, name)
			return nil
		}
		if !mode.IsRegular() {
			return fmt.Errorf("%w: %s is not a regular file (%s)", ErrOMSModel, name, mode.Type())
		}
		files = append(files, name)
		return nil
	})
	if err != nil {
		root.Close()
		return nil, nil, err
	}
	slices.Sort(files)
	return root, files, nil
}

// omsHashFiles hashes the listed files with SHA-256 on all cores. A
// single-file model (root nil) is modelPath itself. progress, if set, is
// called as bytes are hashed, never concurrently, with the bytes done and
// the files' total size when hashing began.
func omsHashFiles(ctx context.Context, modelPath string, root *os.Root, names []string, progress func(done, total int64)) ([]string, []error) {
	digests := make([]string, len(names))
	errs := make([]error, len(names))
	var count func(int) // adds bytes hashed; reports them
	if progress != nil {
		var total int64
		for _, name := range names {
			var fi os.FileInfo
			var err error
			if root == nil {
				fi, err = os.Stat(modelPath)
			} else {
				fi, err = root.Stat(filepath.FromSlash(name))
			}
			if err == nil {
				total += fi.Size()
			}
		}
		var mu sync.Mutex
		var done int64
		count = func(n int) {
			mu.Lock()
			defer mu.Unlock()
			done += int64(n)
			progress(done, max(total, done))
		}
	}
	open := func(name string) (io.ReadCloser, error) {
		if root == nil {
			return os.Open(modelPath)
		}
		f, err := root.Open(filepath.FromSlash(name))
		if err != nil {
			return nil, err
		}
		if fi, err := f.Stat(); err != nil || !fi.Mode().IsRegular() {
			f.Close()
			return nil, fmt.Errorf("%w: %s is not a regular file", ErrOMSModel, name)
		}
		return f, nil
	}
	work := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(names)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			buf := make([]byte, 1<<20)
			for i := range work {
				if err := ctx.Err(); err != nil {
					errs[i] = err
					continue
				}
				f, err := open(names[i])
				if err != nil {
					errs[i] = err
					continue
				}
				h := sha256.New()
				var r io.Reader = f
				if count != nil {
					r = countingReader{f, count}
				}
				_, err = io.CopyBuffer(h, r, buf)
				f.Close()
				if err != nil {
					errs[i] = err
					continue
				}
				digests[i] = hex.EncodeToString(h.Sum(nil))
			}
		}()
	}
	for i := range names {
		work <- i
	}
	close(work)
	wg.Wait()
	return digests, errs
}

// countingReader reports how many bytes each Read returned.
type countingReader struct {
	r     io.Reader
	count func(int)
}

func (c countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	if n > 0 {
		c.count(n)
	}
	return n, err
}
