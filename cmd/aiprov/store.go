package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/aiprov/aiprov/provenance"
	"github.com/aiprov/aiprov/storage"
	"github.com/ipfs/go-cid"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

func newStoreCmd(c *cli) *cobra.Command {
	return newGroupCmd("store", "Put, get and bundle content-addressed objects",
		`A store holds blocks by CID: a directory (--store DIR, default $`+envStore+`,
else the per-user data directory: $XDG_DATA_HOME/aiprov/store or
~/.local/share/aiprov/store; on macOS ~/Library/Application Support/aiprov/store)
or a Kubo node (--api URL, default $`+envAPI+`: its RPC API, e.g.
http://127.0.0.1:5001 or /ip4/127.0.0.1/tcp/5001). A flag wins over the
environment. Every block read is verified against its CID.`,
		newStorePutCmd(c), newStoreGetCmd(c), newStoreHasCmd(c), newStoreLsCmd(c),
		newStoreRmCmd(c), newStoreCheckCmd(c), newStoreExportCARCmd(c), newStoreImportCARCmd(c))
}

// storeFlags are the flags that choose a store.
type storeFlags struct {
	dir   string
	api   string
	fs    *pflag.FlagSet
	noPin bool // store put --no-pin: the Kubo client pins nothing itself
}

func (sf *storeFlags) register(fs *pflag.FlagSet) {
	sf.fs = fs
	fs.StringVar(&sf.dir, "store", "", "store blocks in `DIR` (default: the per-user data directory, see aiprov store --help)")
	bindEnv(fs, "store", envStore)
	fs.StringVar(&sf.api, "api", "", "use the Kubo node whose RPC API is at `URL` instead of a directory, as ipfs --api (--ipfs is the same)")
	bindEnv(fs, "api", envAPI)
	// --ipfs, aiprov's first spelling, is read as --api.
	fs.SetNormalizeFunc(func(_ *pflag.FlagSet, name string) pflag.NormalizedName {
		if name == "ipfs" {
			name = "api"
		}
		return pflag.NormalizedName(name)
	})
}

// open returns the chosen store; kubo is set when it is a Kubo node. A
// flag on the command line wins over the environment; with neither, the
// per-user directory.
func (sf *storeFlags) open(c *cli) (s storage.Store, dir *storage.Dir, kubo *storage.Kubo, err error) {
	dirPath, api := sf.dir, sf.api
	dirEnv, apiEnv := flagFromEnv(c, sf.fs, "store"), flagFromEnv(c, sf.fs, "api")
	switch {
	case dirPath != "" && api != "" && !dirEnv && !apiEnv:
		return nil, nil, nil, usagef("--store and --api (--ipfs) are mutually exclusive")
	case dirPath != "" && api != "" && dirEnv && apiEnv:
		return nil, nil, nil, usagef("both $%s and $%s are set; choose one with --store or --api", envStore, envAPI)
	case dirPath != "" && api != "" && dirEnv:
		dirPath = "" // --api given: $AIPROV_STORE does not apply
	case dirPath != "" && api != "":
		api = ""
	}
	if api != "" {
		k, err := storage.NewKubo(api, &storage.KuboOptions{NoPin: sf.noPin})
		if err != nil {
			return nil, nil, nil, usagef("--api: %v", err)
		}
		return k, nil, k, nil
	}
	if dirPath == "" {
		if dirPath, err = storage.DefaultDir(c.getenv); err != nil {
			return nil, nil, nil, err
		}
	}
	d, err := storage.OpenDir(dirPath)
	if err != nil {
		return nil, nil, nil, err
	}
	return d, d, nil, nil
}

func parseCIDs(args []string) ([]cid.Cid, error) {
	out := make([]cid.Cid, 0, len(args))
	for _, a := range args {
		c, err := provenance.ParseCID(a)
		if err != nil {
			return nil, usagef("%v", err)
		}
		out = append(out, c)
	}
	return out, nil
}

type storePutFlags struct {
	store                     storeFlags
	imp                       hashFlags
	noPin, manifest, envelope bool
}

func newStorePutCmd(c *cli) *cobra.Command {
	var f storePutFlags
	cmd := &cobra.Command{
		Use:   "put PATH...",
		Short: "Store files or directories (- for stdin); print each CID",
		Long: `Stores each PATH (a file, a directory tree, or - for standard input) as
UnixFS, with the CIDs aiprov hash prints for the same flags, and prints each
root CID. --manifest stores manifests as their canonical DAG-CBOR block,
--envelope stores signed envelopes byte for byte as raw blocks.`,
		Example: `  aiprov store put model/
  aiprov store put --manifest model.json
  aiprov store put --ipfs http://127.0.0.1:5001 model/`,
		Args: nargs(1, -1, "store put needs at least one PATH (- for standard input)"),
		RunE: func(cmd *cobra.Command, paths []string) error {
			return storePut(cmd.Context(), c, cmd.Flags(), &f, paths)
		},
	}
	fs := cmd.Flags()
	f.store.register(fs)
	registerImportFlags(fs, &f.imp)
	fs.BoolVar(&f.noPin, "no-pin", false, "with --ipfs: do not pin what was stored")
	fs.BoolVar(&f.manifest, "manifest", false, "each PATH is a manifest (DAG-JSON or DAG-CBOR): store its canonical DAG-CBOR block")
	fs.BoolVar(&f.envelope, "envelope", false, "each PATH is a signed envelope: store its exact bytes as a raw block")
	return cmd
}

func storePut(ctx context.Context, c *cli, fs *pflag.FlagSet, f *storePutFlags, paths []string) error {
	if f.manifest && f.envelope {
		return usagef("--manifest and --envelope are mutually exclusive")
	}
	if f.manifest || f.envelope {
		f.store.noPin = f.noPin
		f.store.noPin = f.noPin
		s, _, kubo, err := f.store.open(c)
		if err != nil {
			return err
		}
		for _, path := range paths {
			data, err := readInput(c, path)
			if err != nil {
				return err
			}
			var id cid.Cid
			if f.manifest {
				m, _, err := provenance.ReadManifest(data)
				if err != nil {
					return fmt.Errorf("%s: %w", path, err)
				}
				if id, err = storage.PutManifest(ctx, s, m); err != nil {
					return fmt.Errorf("%s: %w", path, err)
				}
			} else if id, err = storage.PutData(ctx, s, cid.Raw, data); err != nil {
				return fmt.Errorf("%s: %w", path, err)
			}
			if kubo != nil && !f.noPin && f.envelope {
				// A manifest links its artifact and parents, which the
				// node may not hold; only an envelope is pinned.
				if err := kubo.Pin(ctx, id); err != nil {
					return err
				}
			}
			fmt.Fprintln(c.stdout, id)
		}
		return nil
	}
	p, err := f.imp.params(fs)
	if err != nil {
		return err
	}
	s, _, kubo, err := f.store.open(c)
	if err != nil {
		return err
	}
	for _, path := range paths {
		opts := &storage.PutOptions{Params: p}
		bar := newProgressBar(c, path) // nil unless stderr is a terminal
		if bar != nil {
			opts.Progress = bar.update
		}
		var root cid.Cid
		if path == "-" {
			res, err := storage.Put(ctx, s, c.stdin, opts)
			bar.finish()
			if err != nil {
				return fmt.Errorf("standard input: %w", err)
			}
			root = res.CID
		} else {
			res, err := storage.PutPath(ctx, s, path, opts)
			bar.finish()
			if err != nil {
				return fmt.Errorf("%s: %w", path, err)
			}
			root = res.CID
		}
		if kubo != nil && !f.noPin {
			if err := kubo.Pin(ctx, root); err != nil {
				return err
			}
		}
		fmt.Fprintln(c.stdout, root)
	}
	return nil
}

func newStoreGetCmd(c *cli) *cobra.Command {
	var sf storeFlags
	var out string
	var limits storage.GetOptions
	cmd := &cobra.Command{
		Use:   "get CID [-o PATH]",
		Short: "Write a file to stdout, or a file or directory to PATH",
		Long: `Writes the UnixFS file CID to standard output, or the file or directory to
--output PATH (which must not exist). A manifest or other non-UnixFS block
is written as its bytes.

A DAG can reuse blocks, so a small CAR may describe terabytes or millions of
files. Before writing anything, get measures what CID declares and refuses
more than --max-bytes of content (default 256 GiB), more than --max-entries
files, directories and links (default 100000), or more than the free space
at PATH; raise the limits (-1: none) for artifacts that large.`,
		Example: `  aiprov store get bafybei… > weights.bin
  aiprov store get bafybei… -o restored/`,
		Args: nargs(1, 1, "store get takes one CID"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return storeGet(cmd.Context(), c, &sf, args, out, &limits)
		},
	}
	sf.register(cmd.Flags())
	cmd.Flags().StringVarP(&out, "output", "o", "", "write to `PATH` (a file or directory; must not exist) instead of standard output")
	cmd.Flags().Int64Var(&limits.MaxBytes, "max-bytes", storage.DefaultMaxGetBytes, "refuse to write more than `N` bytes of content (-1: no limit)")
	cmd.Flags().IntVar(&limits.MaxEntries, "max-entries", storage.DefaultMaxGetEntries, "refuse to create more than `N` files, directories and links (-1: no limit)")
	return cmd
}

func storeGet(ctx context.Context, c *cli, sf *storeFlags, args []string, output string, limits *storage.GetOptions) error {
	s, cids, err := openStoreForCIDs(c, sf, args)
	if err != nil {
		return err
	}
	if t := cids[0].Type(); t != cid.DagProtobuf && t != cid.Raw {
		// Not UnixFS (a DAG-CBOR manifest, say): the block itself.
		b, err := s.GetBlock(ctx, cids[0])
		if err != nil {
			return err
		}
		if output == "" {
			_, err = c.stdout.Write(b)
			return err
		}
		return writeFileNew(filepath.Clean(output), b, 0o644)
	}
	if output != "" {
		return storage.GetPath(ctx, s, cids[0], output, limits)
	}
	if _, err := storage.Measure(ctx, s, cids[0], limits); err != nil {
		return err
	}
	r, err := storage.Get(ctx, s, cids[0])
	if errors.Is(err, storage.ErrNotFile) {
		return fmt.Errorf("%w (use -o PATH to write a directory)", err)
	}
	if err != nil {
		return err
	}
	defer r.Close()
	w, bar := withProgress(c, cids[0].String(), c.stdout)
	_, err = io.Copy(w, r)
	bar.finish()
	return err
}

// openStoreForCIDs parses the CID arguments of a store subcommand and
// opens the store.
func openStoreForCIDs(c *cli, sf *storeFlags, args []string) (storage.Store, []cid.Cid, error) {
	cids, err := parseCIDs(args)
	if err != nil {
		return nil, nil, err
	}
	s, _, _, err := sf.open(c)
	if err != nil {
		return nil, nil, err
	}
	return s, cids, nil
}

func newStoreHasCmd(c *cli) *cobra.Command {
	var sf storeFlags
	cmd := &cobra.Command{
		Use:   "has CID...",
		Short: "Print the CIDs present; exit 1 if any is missing",
		Long: `Prints each CID the store holds; names each one it does not hold on stderr
and then exits 1.`,
		Example: "  aiprov store has bafybei… bafkrei…",
		Args:    nargs(1, -1, "store has needs at least one CID"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return storeHas(cmd.Context(), c, &sf, args)
		},
	}
	sf.register(cmd.Flags())
	return cmd
}

func storeHas(ctx context.Context, c *cli, sf *storeFlags, args []string) error {
	s, cids, err := openStoreForCIDs(c, sf, args)
	if err != nil {
		return err
	}
	missing := false
	for _, id := range cids {
		ok, err := s.Has(ctx, id)
		if err != nil {
			return err
		}
		if ok {
			fmt.Fprintln(c.stdout, id)
		} else {
			fmt.Fprintf(c.stderr, "aiprov store has: %s is not in the store\n", id)
			missing = true
		}
	}
	if missing {
		return errSilentFailure
	}
	return nil
}

func newStoreLsCmd(c *cli) *cobra.Command {
	var sf storeFlags
	var long bool
	cmd := &cobra.Command{
		Use:     "ls [-l]",
		Short:   "List the blocks in the store (-l: with sizes)",
		Long:    "Prints the CID of every block in the store, with --long its size in bytes after a tab.",
		Example: "  aiprov store ls\n  aiprov store ls -l --store /data/aiprov",
		Args:    nargs(0, 0, "store ls takes no arguments"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return storeLs(cmd.Context(), c, &sf, long)
		},
	}
	sf.register(cmd.Flags())
	cmd.Flags().BoolVarP(&long, "long", "l", false, "print each block's size after its CID")
	return cmd
}

func storeLs(ctx context.Context, c *cli, sf *storeFlags, long bool) error {
	s, _, _, err := sf.open(c)
	if err != nil {
		return err
	}
	failed := false
	for id, err := range s.List(ctx) {
		if err != nil {
			fmt.Fprintf(c.stderr, "aiprov store ls: %v\n", err)
			failed = true
			continue
		}
		if !long {
			fmt.Fprintln(c.stdout, id)
			continue
		}
		st, err := s.Stat(ctx, id)
		if err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "%s\t%d\n", id, st.Size)
	}
	if failed {
		return errSilentFailure
	}
	return nil
}

func newStoreRmCmd(c *cli) *cobra.Command {
	var sf storeFlags
	cmd := &cobra.Command{
		Use:   "rm CID...",
		Short: "Delete blocks (only those named, not what they link to)",
		Long: `Deletes the named blocks from the store; blocks they link to stay. A block
the store does not hold is not an error (as with rm -f); a Kubo node refuses
to delete a pinned block, and the command then exits 1.`,
		Example: "  aiprov store rm bafkrei…",
		Args:    nargs(1, -1, "store rm needs at least one CID"),
		RunE: func(cmd *cobra.Command, args []string) error {
			s, cids, err := openStoreForCIDs(c, &sf, args)
			if err != nil {
				return err
			}
			return storeRm(cmd.Context(), s, cids)
		},
	}
	sf.register(cmd.Flags())
	return cmd
}

func storeRm(ctx context.Context, s storage.Store, cids []cid.Cid) error {
	for _, id := range cids {
		if err := s.Delete(ctx, id); err != nil {
			return err
		}
	}
	return nil
}

func newStoreCheckCmd(c *cli) *cobra.Command {
	var sf storeFlags
	var dry bool
	cmd := &cobra.Command{
		Use:   "check [--dry-run]",
		Short: "Verify every block of a directory store, quarantine corrupt ones",
		Long: `Re-hashes every block of a directory store, moves corrupt ones aside
(unless --dry-run) and removes stale temporary files; exits 1 if any block
is corrupt.`,
		Example: "  aiprov store check\n  aiprov store check --dry-run --store /data/aiprov",
		Args:    nargs(0, 0, "store check takes no arguments"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return storeCheck(cmd.Context(), c, &sf, dry)
		},
	}
	sf.register(cmd.Flags())
	cmd.Flags().BoolVar(&dry, "dry-run", false, "report problems without moving anything")
	return cmd
}

func storeCheck(ctx context.Context, c *cli, sf *storeFlags, dry bool) error {
	_, dir, _, err := sf.open(c)
	if err != nil {
		return err
	}
	if dir == nil {
		return usagef("store check works on a directory store (Kubo has `ipfs repo verify`)")
	}
	rep, err := dir.Check(ctx, &storage.CheckOptions{DryRun: dry})
	if err != nil {
		return err
	}
	for i, bad := range rep.Corrupt {
		if i < len(rep.Quarantined) {
			fmt.Fprintf(c.stdout, "corrupt: %s (moved to %s)\n", bad, rep.Quarantined[i])
		} else {
			fmt.Fprintf(c.stdout, "corrupt: %s\n", bad)
		}
	}
	fmt.Fprintf(c.stdout, "%d blocks checked, %d corrupt, %d stale temporary files removed\n", rep.Checked, len(rep.Corrupt), rep.TempRemoved)
	if len(rep.Corrupt) > 0 {
		return errSilentFailure
	}
	return nil
}

type storeExportFlags struct {
	store                  storeFlags
	out                    string
	artifacts, skipMissing bool
	force                  bool
}

func newStoreExportCARCmd(c *cli) *cobra.Command {
	var f storeExportFlags
	cmd := &cobra.Command{
		Use:   "export-car ROOT... -o FILE.car",
		Short: "Bundle roots and what they link to as a CARv1 file",
		Long: `Writes the ROOT CIDs and every block they link to as a CARv1 file (what
ipfs dag export writes); with --artifacts also the artifacts that
manifests link to.`,
		Example: `  aiprov store export-car bafyrei… -o lineage.car --artifacts
  aiprov store export-car bafyrei… -o - | ipfs dag import`,
		Args: nargs(1, -1, "store export-car needs at least one ROOT CID"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return storeExportCAR(cmd.Context(), c, &f, args)
		},
	}
	fs := cmd.Flags()
	f.store.register(fs)
	fs.StringVarP(&f.out, "output", "o", "", "write the CAR to `FILE` (- for standard output)")
	fs.BoolVar(&f.artifacts, "artifacts", false, "also bundle the artifacts manifests link to (their UnixFS DAGs)")
	fs.BoolVar(&f.skipMissing, "skip-missing", false, "leave out linked blocks the store does not have instead of failing")
	fs.BoolVarP(&f.force, "force", "f", false, "replace an existing FILE (a symbolic link is replaced, not followed)")
	return cmd
}

func storeExportCAR(ctx context.Context, c *cli, ef *storeExportFlags, rest []string) error {
	if ef.out == "" {
		return usagef("store export-car needs -o FILE.car")
	}
	roots, err := parseCIDs(rest)
	if err != nil {
		return err
	}
	s, _, _, err := ef.store.open(c)
	if err != nil {
		return err
	}
	opts := &storage.ExportOptions{Artifacts: ef.artifacts, SkipMissing: ef.skipMissing}
	if ef.out == "-" {
		w, bar := withProgress(c, "export-car", c.stdout)
		defer bar.finish()
		return storage.WriteCAR(ctx, w, s, roots, opts)
	}
	// Written beside the target and renamed, so a failed export leaves
	// no partial CAR under the requested name; without --force nothing
	// already there (a file, a symbolic link) is replaced.
	write := writeFileNoReplace
	if ef.force {
		write = writeFileAtomic
	}
	return write(ef.out, 0o644, func(w io.Writer) error {
		w, bar := withProgress(c, ef.out, w)
		defer bar.finish()
		return storage.WriteCAR(ctx, w, s, roots, opts)
	})
}

func newStoreImportCARCmd(c *cli) *cobra.Command {
	var sf storeFlags
	cmd := &cobra.Command{
		Use:   "import-car FILE.car",
		Short: "Store every block of a CARv1 file, verified; print its roots",
		Long: `Stores every block of a CARv1 file (- for standard input), each verified
against its CID, and prints the CAR's roots.`,
		Example: "  aiprov store import-car lineage.car\n  ipfs dag export bafyrei… | aiprov store import-car -",
		Args:    nargs(1, 1, "store import-car takes one FILE.car (- for standard input)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return storeImportCAR(cmd.Context(), c, &sf, args)
		},
	}
	sf.register(cmd.Flags())
	return cmd
}

func storeImportCAR(ctx context.Context, c *cli, sf *storeFlags, rest []string) error {
	s, _, _, err := sf.open(c)
	if err != nil {
		return err
	}
	var r io.Reader = c.stdin
	total := int64(-1)
	if rest[0] != "-" {
		f, err := os.Open(rest[0])
		if err != nil {
			return err
		}
		defer f.Close()
		r = f
		if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
			total = st.Size()
		}
	}
	bar := newProgressBar(c, rest[0])
	if bar != nil {
		r = &progressReader{r: r, progressCount: progressCount{bar: bar, total: total}}
	}
	res, err := storage.ImportCAR(ctx, r, s)
	bar.finish() // before the roots are printed, on the same terminal
	if err != nil {
		return fmt.Errorf("%s: %w", rest[0], err)
	}
	for _, root := range res.Roots {
		fmt.Fprintln(c.stdout, root)
	}
	for _, m := range res.MissingRoots {
		fmt.Fprintf(c.stderr, "aiprov store import-car: note: root %s is not in the CAR\n", m)
	}
	return nil
}

// readInput reads a small input file (a manifest, an envelope), or
// standard input for "-", refusing anything over 64 MiB.
func readInput(c *cli, path string) ([]byte, error) {
	const limit = 64 << 20
	var r io.Reader = c.stdin
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	b, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if len(b) > limit {
		return nil, fmt.Errorf("%s: larger than %d bytes", path, limit)
	}
	return b, nil
}
