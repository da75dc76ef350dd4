package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/aiprov/aiprov/provenance"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

const hashLong = `Prints the IPFS CID of each PATH (a file, a directory tree, or - for
standard input), one per line, as ` + "`ipfs add -Q -r --only-hash`" + ` does.

--profile picks the starting values, as Kubo's repository profiles do
(` + "`ipfs init --profile`" + `); the other flags override them, as in Kubo:
  unixfs-v1-2025  CIDv1, raw leaves, size-1048576, 1024 links, HAMT above
                  256 KiB by block size (the default)
  unixfs-v0-2015  CIDv0, size-262144, 174 links (Qm… CIDs)
  kubo-default    Kubo without a profile: like unixfs-v0-2015, except that
                  --cid-version=1 or a non-sha2-256 --hash also turns raw
                  leaves on, as ` + "`ipfs add --cid-version=1`" + ` does there

--json prints, per PATH, one JSON object on one line:
  {"path", "cid", "size", "files": [{"path", "cid", "size", "sha256"}]}
with file paths relative to PATH and sha256 only with --sha256.

ipfs add's -Q/--quieter, -q/--quiet, -r/--recursive and -n/--only-hash are
accepted and change nothing: only root CIDs are printed, directories are
always walked, nothing is stored (aiprov store put stores).

Exits 1 if any PATH could not be hashed (the others are still printed).`

const hashExample = `  aiprov hash model/                          # one CID for the whole tree
  aiprov hash -Q -r --only-hash model/        # ipfs add's flags are accepted
  aiprov hash --profile unixfs-v0-2015 w.bin  # Qm… as ipfs add without a profile
  cat w.bin | aiprov hash -                   # standard input
  aiprov hash --json --sha256 model/          # per-file CIDs and digests`

// hashFlags are the `ipfs add` flags aiprov hash understands.
type hashFlags struct {
	profile           string
	cidVersion        int
	chunker           string
	rawLeaves         bool
	hash              string
	maxFileLinks      int
	maxDirectoryLinks int
	maxHAMTFanout     int
	hidden            bool
	emptyDirs         bool
	trickle           bool
	dereference       bool
	json              bool
	sha256            bool
	concurrency       int
}

func newHashCmd(c *cli) *cobra.Command {
	var f hashFlags
	cmd := &cobra.Command{
		Use:     "hash PATH...",
		Short:   "Print the IPFS CID of files and directories, like ipfs add -Q -r --only-hash",
		Long:    hashLong,
		Example: hashExample,
		Args:    nargs(1, -1, "no PATH given"),
		RunE: func(cmd *cobra.Command, paths []string) error {
			return runHash(cmd.Context(), c, cmd.Flags(), &f, paths)
		},
	}
	fs := cmd.Flags()
	registerImportFlags(fs, &f)
	fs.BoolVar(&f.json, "json", false, "print per-file detail as JSON")
	fs.BoolVar(&f.sha256, "sha256", false, "with --json, add each file's plain sha256")
	fs.IntVar(&f.concurrency, "concurrency", 0, "goroutines hashing in parallel; 0: one per CPU")
	fs.BoolVarP(&c.progress, "progress", "p", true, "draw a progress bar on stderr when it is a terminal")
	// ipfs add's output and mode flags, accepted so that its command lines
	// work unchanged: aiprov hash already prints only root CIDs (-Q), walks
	// directories (-r) and stores nothing (-n).
	var ignored bool
	fs.BoolVarP(&ignored, "quieter", "Q", false, "print only the root CIDs, as ipfs add -Q (always so)")
	fs.BoolVarP(&ignored, "quiet", "q", false, "as ipfs add -q: accepted; aiprov hash prints only the root CIDs")
	fs.BoolVarP(&ignored, "recursive", "r", false, "as ipfs add -r: accepted; directories are always hashed whole")
	fs.BoolVarP(&ignored, "only-hash", "n", false, "as ipfs add -n: accepted; aiprov hash never stores anything")
	return cmd
}

func runHash(ctx context.Context, c *cli, fs *pflag.FlagSet, f *hashFlags, paths []string) error {
	params, err := f.params(fs)
	if err != nil {
		return err
	}
	if f.sha256 && !f.json {
		return usagef("--sha256 adds digests to the --json output; use it with --json")
	}
	if f.concurrency < 0 {
		return usagef("--concurrency must not be negative")
	}

	failed := false
	for _, p := range paths {
		opts := &provenance.Options{Params: params, SHA256: f.sha256, Concurrency: f.concurrency}
		bar := newProgressBar(c, p)
		if bar != nil {
			opts.Progress = bar.update
		}
		res, err := hashPath(ctx, c, p, opts)
		bar.finish()
		if err != nil {
			fmt.Fprintf(c.stderr, "aiprov hash: %v\n", err)
			failed = true
			if ctx.Err() != nil {
				break
			}
			continue
		}
		if err := printHash(c.stdout, p, res, f.json); err != nil {
			return err
		}
	}
	if failed {
		return errSilentFailure
	}
	return nil
}

// params resolves --profile and the flags set on the command line the way
// Kubo resolves its repository config and `ipfs add` flags.
func (f *hashFlags) params(fs *pflag.FlagSet) (provenance.Params, error) {
	set := func(name string) bool { return fs.Changed(name) }
	p, err := provenance.ProfileParams(f.profile)
	if err != nil {
		return p, usagef("--profile: %v", err)
	}
	implicit := f.profile == provenance.ProfileKuboDefault
	if set("hash") {
		switch strings.ToLower(f.hash) {
		case "sha2-256":
			p.HashFunction = provenance.SHA2_256
		case "blake3":
			p.HashFunction = provenance.BLAKE3
		default:
			return p, usagef("--hash: unsupported hash function %q (want sha2-256 or blake3)", f.hash)
		}
	}
	if set("cid-version") {
		if f.cidVersion != 0 && f.cidVersion != 1 {
			return p, usagef("--cid-version must be 0 or 1, got %d", f.cidVersion)
		}
		p.CIDVersion = f.cidVersion
	}
	if p.HashFunction != provenance.SHA2_256 {
		// Kubo: a hash other than sha2-256 implies CIDv1, unless CIDv0 was
		// asked for (by the flag or, with a profile, by the profile).
		if p.CIDVersion == 0 && (set("cid-version") || !implicit) {
			return p, usagef("--hash %s needs --cid-version=1 (CIDv0 supports only sha2-256)", f.hash)
		}
		p.CIDVersion = 1
	}
	if implicit && p.CIDVersion == 1 {
		// Without a profile Kubo's config leaves raw leaves unset, and
		// CIDv1 then turns them on.
		p.RawLeaves = true
	}
	if set("raw-leaves") {
		p.RawLeaves = f.rawLeaves
	}
	if set("chunker") {
		n, ok := strings.CutPrefix(f.chunker, "size-")
		size, err := strconv.Atoi(n)
		if !ok || err != nil || size < 1 {
			return p, usagef("--chunker: want size-BYTES (rabin and buzhash are not supported), got %q", f.chunker)
		}
		p.ChunkSize = size
	}
	if set("max-file-links") {
		p.MaxLinks = f.maxFileLinks
	}
	if set("max-directory-links") {
		p.MaxDirectoryLinks = f.maxDirectoryLinks
	}
	if set("max-hamt-fanout") {
		p.HAMTFanout = f.maxHAMTFanout
	}
	p.Hidden = f.hidden
	p.EmptyDirs = f.emptyDirs
	p.Trickle = f.trickle
	p.DereferenceSymlinks = f.dereference
	if err := p.Validate(); err != nil {
		return p, usageError{err.Error()}
	}
	return p, nil
}

// hashPath hashes a path, or standard input for "-".
func hashPath(ctx context.Context, c *cli, path string, opts *provenance.Options) (*provenance.Result, error) {
	if path != "-" {
		return provenance.Hash(ctx, path, opts)
	}
	f, err := provenance.HashReader(ctx, c.stdin, opts)
	if err != nil {
		return nil, fmt.Errorf("standard input: %w", err)
	}
	f.Path = "."
	return &provenance.Result{CID: f.CID, Size: f.Size, Files: []provenance.FileResult{*f}}, nil
}

type hashJSON struct {
	Path  string         `json:"path"`
	CID   string         `json:"cid"`
	Size  int64          `json:"size"`
	Files []fileHashJSON `json:"files"`
}

type fileHashJSON struct {
	Path   string `json:"path"`
	CID    string `json:"cid"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256,omitempty"`
}

func printHash(w io.Writer, path string, res *provenance.Result, asJSON bool) error {
	if !asJSON {
		_, err := fmt.Fprintln(w, res.CID)
		return err
	}
	files := make([]fileHashJSON, len(res.Files))
	for i, f := range res.Files {
		files[i] = fileHashJSON{Path: f.Path, CID: f.CID.String(), Size: f.Size, SHA256: f.SHA256}
	}
	b, err := json.Marshal(hashJSON{Path: path, CID: res.CID.String(), Size: res.Size, Files: files})
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", b)
	return err
}

// progressBar draws "PATH [=====>     ] 45% 1.2 GiB/2.6 GiB" on a terminal,
// at most ten times a second.
type progressBar struct {
	c     *cli
	label string
	mu    sync.Mutex
	last  time.Time
	drawn bool
}

func newProgressBar(c *cli, label string) *progressBar {
	if !c.stderrIsTerminal || !c.progress {
		return nil
	}
	return &progressBar{c: c, label: label}
}

func (b *progressBar) update(done, total int64) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if now := time.Now(); now.Sub(b.last) >= 100*time.Millisecond || done == total {
		b.last = now
		b.drawn = true
		const width = 30
		if total <= 0 {
			fmt.Fprintf(b.c.stderr, "\r%s %s", b.label, humanBytes(done))
			return
		}
		fill := int(float64(width) * float64(done) / float64(total))
		bar := strings.Repeat("=", fill) + strings.Repeat(" ", width-fill)
		fmt.Fprintf(b.c.stderr, "\r%s [%s] %3d%% %s/%s", b.label, bar, done*100/total, humanBytes(done), humanBytes(total))
	}
}

func (b *progressBar) finish() {
	if b == nil {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.drawn {
		fmt.Fprint(b.c.stderr, "\r\033[K")
	}
}

func humanBytes(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit; m /= unit {
		div *= unit
		exp++
	}
	return fmt.Sprintf("%.1f %ciB", float64(n)/float64(div), "KMGTPE"[exp])
}

// registerImportFlags registers the flags that determine a CID — `ipfs
// add`'s names — on f, so that `hash` and `store put` resolve them the same
// way (hashFlags.params).
func registerImportFlags(fs *pflag.FlagSet, f *hashFlags) {
	fs.StringVar(&f.profile, "profile", provenance.ProfileUnixFSv1_2025, "import profile: unixfs-v1-2025, unixfs-v0-2015 or kubo-default")
	fs.IntVar(&f.cidVersion, "cid-version", 0, "CID version, 0 or 1 (default from --profile)")
	fs.StringVarP(&f.chunker, "chunker", "s", "", "chunker, size-BYTES (default from --profile)")
	fs.BoolVar(&f.rawLeaves, "raw-leaves", false, "store leaves as raw blocks (default from --profile)")
	fs.StringVar(&f.hash, "hash", "", "hash function: sha2-256 or blake3 (default sha2-256)")
	fs.IntVar(&f.maxFileLinks, "max-file-links", 0, "maximum links per file node (default from --profile)")
	fs.IntVar(&f.maxDirectoryLinks, "max-directory-links", 0, "shard directories with more entries than this; 0: no limit")
	fs.IntVar(&f.maxHAMTFanout, "max-hamt-fanout", 0, "HAMT shard width, a power of 2 from 8 to 1024 (default 256)")
	fs.BoolVarP(&f.hidden, "hidden", "H", false, "include files whose names start with '.'")
	fs.BoolVarP(&f.emptyDirs, "empty-dirs", "E", true, "include empty directories")
	fs.BoolVar(&f.trickle, "trickle", false, "use the trickle DAG layout instead of balanced")
	fs.BoolVar(&f.dereference, "dereference-symlinks", false, "follow symbolic links (inside PATH only) instead of recording the links")
}
