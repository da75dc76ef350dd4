package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/aiprov/aiprov/provenance"
	"github.com/aiprov/aiprov/storage"
	"github.com/ipfs/go-cid"
)

const storeUsage = `usage: aiprov store SUBCOMMAND [flags] [args]

subcommands:
  put PATH...               store files or directories (- for stdin); print each CID
                            (--manifest: manifests as DAG-CBOR; --envelope: envelopes raw)
  get CID [-o PATH]         write a file to stdout, or a file or directory to PATH
                            (a manifest or other non-UnixFS block: its bytes)
  has CID...                print the CIDs present; exit 1 if any is missing
  ls [-l]                   list the blocks in the store (-l: with sizes)
  rm CID...                 delete blocks (only those named, not what they link to)
  check [--dry-run]         verify every block of a directory store, quarantine corrupt ones
  export-car ROOT... -o FILE.car [--artifacts]
                            bundle roots and what they link to as a CARv1 file
  import-car FILE.car       store every block of a CARv1 file, verified; print its roots

Every subcommand takes --store DIR (default $AIPROV_STORE, else the per-user
data directory) or --ipfs URL (a Kubo node's RPC API, e.g.
http://127.0.0.1:5001 or /ip4/127.0.0.1/tcp/5001). Every block read is
verified against its CID.
`

func runStore(ctx context.Context, c *cli, args []string) error {
	if err := needSubcommand(c, storeUsage, args); err != nil {
		return err
	}
	sub, rest := args[0], args[1:]
	switch sub {
	case "put":
		return storePut(ctx, c, rest)
	case "get":
		return storeGet(ctx, c, rest)
	case "has":
		return storeHas(ctx, c, rest)
	case "ls":
		return storeLs(ctx, c, rest)
	case "rm":
		return storeRm(ctx, c, rest)
	case "check":
		return storeCheck(ctx, c, rest)
	case "export-car":
		return storeExportCAR(ctx, c, rest)
	case "import-car":
		return storeImportCAR(ctx, c, rest)
	case "-h", "-help", "--help", "help":
		fmt.Fprint(c.stdout, storeUsage)
		return nil
	}
	fmt.Fprint(c.stderr, storeUsage)
	return usagef("unknown subcommand %q", sub)
}

// storeFlags are the flags that choose a store.
type storeFlags struct {
	dir  string
	ipfs string
}

func (sf *storeFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&sf.dir, "store", "", "store directory (default $AIPROV_STORE or the per-user data directory)")
	fs.StringVar(&sf.ipfs, "ipfs", "", "use the Kubo node whose RPC API is at `URL` instead of a directory")
}

// open returns the chosen store; kubo is set when it is a Kubo node.
func (sf *storeFlags) open(c *cli) (s storage.Store, dir *storage.Dir, kubo *storage.Kubo, err error) {
	if sf.dir != "" && sf.ipfs != "" {
		return nil, nil, nil, usagef("--store and --ipfs are mutually exclusive")
	}
	if sf.ipfs != "" {
		k, err := storage.NewKubo(sf.ipfs, nil)
		if err != nil {
			return nil, nil, nil, usagef("%v", err)
		}
		return k, nil, k, nil
	}
	path := sf.dir
	if path == "" {
		if path, err = storage.DefaultDir(c.getenv); err != nil {
			return nil, nil, nil, err
		}
	}
	d, err := storage.OpenDir(path)
	if err != nil {
		return nil, nil, nil, err
	}
	return d, d, nil, nil
}

func parseCIDs(args []string) ([]cid.Cid, error) {
	out := make([]cid.Cid, 0, len(args))
	for _, a := range args {
		c, err := cid.Decode(a)
		if err != nil {
			return nil, usagef("%q is not a CID: %v", a, err)
		}
		out = append(out, c)
	}
	return out, nil
}

func storePut(ctx context.Context, c *cli, args []string) error {
	fs := newFlagSet(c, "store put", "PATH...")
	var sf storeFlags
	var imp hashFlags
	sf.register(fs)
	registerImportFlags(fs, &imp)
	noPin := fs.Bool("no-pin", false, "with --ipfs: do not pin what was stored")
	asManifest := fs.Bool("manifest", false, "each PATH is a manifest (DAG-JSON or DAG-CBOR): store its canonical DAG-CBOR block")
	asEnvelope := fs.Bool("envelope", false, "each PATH is a signed envelope: store its exact bytes as a raw block")
	paths, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		return usagef("store put needs at least one PATH (- for standard input)")
	}
	if *asManifest && *asEnvelope {
		return usagef("--manifest and --envelope are mutually exclusive")
	}
	if *asManifest || *asEnvelope {
		s, _, kubo, err := sf.open(c)
		if err != nil {
			return err
		}
		for _, path := range paths {
			data, err := readInput(c, path)
			if err != nil {
				return err
			}
			var id cid.Cid
			if *asManifest {
				m, _, err := provenance.ReadManifest(data)
				if err != nil {
					return fmt.Errorf("%s: %w", path, err)
				}
				if id, err = storage.PutManifest(ctx, s, m); err != nil {
					return fmt.Errorf("%s: %w", path, err)
				}
			} else if id, err = storage.PutEnvelope(ctx, s, data); err != nil {
				return fmt.Errorf("%s: %w", path, err)
			}
			if kubo != nil && !*noPin && *asEnvelope {
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
	set := map[string]bool{}
	fs.Visit(func(fl *flag.Flag) { set[fl.Name] = true })
	p, err := imp.params(set)
	if err != nil {
		return err
	}
	s, _, kubo, err := sf.open(c)
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
		if kubo != nil && !*noPin {
			if err := kubo.Pin(ctx, root); err != nil {
				return err
			}
		}
		fmt.Fprintln(c.stdout, root)
	}
	return nil
}

func storeGet(ctx context.Context, c *cli, args []string) error {
	fs := newFlagSet(c, "store get", "CID [-o PATH]")
	var sf storeFlags
	sf.register(fs)
	out := fs.String("o", "", "write to `PATH` (a file or directory; must not exist) instead of standard output")
	s, cids, err := openStoreForCIDs(c, fs, &sf, args, true)
	if err != nil {
		return err
	}
	if t := cids[0].Type(); t != cid.DagProtobuf && t != cid.Raw {
		// Not UnixFS (a DAG-CBOR manifest, say): the block itself.
		b, err := s.GetBlock(ctx, cids[0])
		if err != nil {
			return err
		}
		if *out == "" {
			_, err = c.stdout.Write(b)
			return err
		}
		f, err := os.OpenFile(*out, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return err
		}
		if _, err := f.Write(b); err != nil {
			f.Close()
			os.Remove(*out)
			return err
		}
		return f.Close()
	}
	if *out != "" {
		return storage.GetPath(ctx, s, cids[0], *out)
	}
	r, err := storage.Get(ctx, s, cids[0])
	if errors.Is(err, storage.ErrNotFile) {
		return fmt.Errorf("%w (use -o PATH to write a directory)", err)
	}
	if err != nil {
		return err
	}
	defer r.Close()
	_, err = io.Copy(c.stdout, r)
	return err
}

// openStoreForCIDs parses the flags and CID arguments of a store subcommand
// (exactly one CID when one is set, else at least one) and opens the store.
func openStoreForCIDs(c *cli, fs *flag.FlagSet, sf *storeFlags, args []string, one bool) (storage.Store, []cid.Cid, error) {
	rest, err := parseFlags(fs, args)
	if err != nil {
		return nil, nil, err
	}
	switch {
	case one && len(rest) != 1:
		return nil, nil, usagef("%s takes one CID", fs.Name())
	case len(rest) == 0:
		return nil, nil, usagef("%s needs at least one CID", fs.Name())
	}
	cids, err := parseCIDs(rest)
	if err != nil {
		return nil, nil, err
	}
	s, _, _, err := sf.open(c)
	if err != nil {
		return nil, nil, err
	}
	return s, cids, nil
}

func storeHas(ctx context.Context, c *cli, args []string) error {
	fs := newFlagSet(c, "store has", "CID...")
	var sf storeFlags
	sf.register(fs)
	s, cids, err := openStoreForCIDs(c, fs, &sf, args, false)
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

func storeLs(ctx context.Context, c *cli, args []string) error {
	fs := newFlagSet(c, "store ls", "")
	var sf storeFlags
	sf.register(fs)
	long := fs.Bool("l", false, "print each block's size after its CID")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 0 {
		return usagef("store ls takes no arguments")
	}
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
		if !*long {
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

func storeRm(ctx context.Context, c *cli, args []string) error {
	fs := newFlagSet(c, "store rm", "CID...")
	var sf storeFlags
	sf.register(fs)
	s, cids, err := openStoreForCIDs(c, fs, &sf, args, false)
	if err != nil {
		return err
	}
	for _, id := range cids {
		if err := s.Delete(ctx, id); err != nil {
			return err
		}
	}
	return nil
}

func storeCheck(ctx context.Context, c *cli, args []string) error {
	fs := newFlagSet(c, "store check", "")
	var sf storeFlags
	sf.register(fs)
	dry := fs.Bool("dry-run", false, "report problems without moving anything")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 0 {
		return usagef("store check takes no arguments")
	}
	_, dir, _, err := sf.open(c)
	if err != nil {
		return err
	}
	if dir == nil {
		return usagef("store check works on a directory store (Kubo has `ipfs repo verify`)")
	}
	rep, err := dir.Check(ctx, &storage.CheckOptions{DryRun: *dry})
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

func storeExportCAR(ctx context.Context, c *cli, args []string) error {
	fs := newFlagSet(c, "store export-car", "ROOT... -o FILE.car")
	var sf storeFlags
	sf.register(fs)
	out := fs.String("o", "", "write the CAR to `FILE` (- for standard output)")
	artifacts := fs.Bool("artifacts", false, "also bundle the artifacts manifests link to (their UnixFS DAGs)")
	skipMissing := fs.Bool("skip-missing", false, "leave out linked blocks the store does not have instead of failing")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) == 0 {
		return usagef("store export-car needs at least one ROOT CID")
	}
	if *out == "" {
		return usagef("store export-car needs -o FILE.car")
	}
	roots, err := parseCIDs(rest)
	if err != nil {
		return err
	}
	s, _, _, err := sf.open(c)
	if err != nil {
		return err
	}
	opts := &storage.ExportOptions{Artifacts: *artifacts, SkipMissing: *skipMissing}
	if *out == "-" {
		return storage.WriteCAR(ctx, c.stdout, s, roots, opts)
	}
	// Written beside the target and renamed, so a failed export leaves
	// no partial CAR under the requested name.
	f, err := os.CreateTemp(filepath.Dir(*out), "."+filepath.Base(*out)+".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	if err := storage.WriteCAR(ctx, f, s, roots, opts); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), *out)
}

func storeImportCAR(ctx context.Context, c *cli, args []string) error {
	fs := newFlagSet(c, "store import-car", "FILE.car")
	var sf storeFlags
	sf.register(fs)
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return usagef("store import-car takes one FILE.car (- for standard input)")
	}
	s, _, _, err := sf.open(c)
	if err != nil {
		return err
	}
	var r io.Reader = c.stdin
	if rest[0] != "-" {
		f, err := os.Open(rest[0])
		if err != nil {
			return err
		}
		defer f.Close()
		r = f
	}
	res, err := storage.ImportCAR(ctx, r, s)
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
