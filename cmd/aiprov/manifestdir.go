package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/aiprov/aiprov/attest"
	"github.com/aiprov/aiprov/provenance"
	"github.com/aiprov/aiprov/royalty"
	"github.com/ipfs/go-cid"
)

// maxManifestFiles bounds how many manifests a directory may hold.
const maxManifestFiles = 10_000_000

// manifestDir is what `lineage DIR` and `royalty --manifests DIR` read: the
// *.json and *.cbor files under DIR (hidden ones skipped) that are
// manifests. A model folder also holds config.json, tokenizer.json and the
// like; a file that does not claim to be a manifest (no top-level
// "schema") is skipped and listed, while one that claims to be and does not
// decode is broken, and reported.
type manifestDir struct {
	manifests map[cid.Cid]*provenance.Manifest
	files     map[cid.Cid]string
	order     []cid.Cid     // in the lexical order of the walk
	skipped   []string      // files that are not manifests
	broken    []error       // files that claim to be manifests but do not decode
	payees    attest.Payees // the verified payee bindings (aiprov royalty bind) among the *.json files
}

func readManifestDir(ctx context.Context, dir string) (*manifestDir, error) {
	md := &manifestDir{manifests: map[cid.Cid]*provenance.Manifest{}, files: map[cid.Cid]string{}}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if path != dir && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		ext := filepath.Ext(path)
		if !d.Type().IsRegular() || (ext != ".cbor" && ext != ".json") {
			return nil
		}
		if len(md.manifests) >= maxManifestFiles {
			return fmt.Errorf("%s: more than %d manifests", dir, maxManifestFiles)
		}
		if ext == ".json" {
			if info, err := d.Info(); err == nil && info.Size() <= attest.MaxPayeeBindingSize {
				if data, err := os.ReadFile(path); err == nil && attest.IsPayeeBinding(data) {
					return addPayeeBinding(&md.payees, path, data)
				}
			}
		}
		claims, err := claimsManifest(path)
		if err != nil {
			return err
		}
		if !claims {
			md.skipped = append(md.skipped, path)
			return nil
		}
		m, c, err := provenance.ReadManifestFile(path)
		if err != nil {
			md.broken = append(md.broken, err)
			return nil
		}
		if _, dup := md.manifests[c]; !dup {
			md.order = append(md.order, c)
		}
		md.manifests[c], md.files[c] = m, path
		return nil
	})
	if err != nil {
		return nil, err
	}
	return md, nil
}

// claimsManifest says whether a file has a top-level "schema" key, as
// every manifest does: as a JSON member or as a DAG-CBOR text key (0x66 is
// the head of a 6-byte string). A false positive is only a file reported
// as a broken manifest.
func claimsManifest(path string) (bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	head, err := io.ReadAll(io.LimitReader(f, 64<<10))
	if err != nil {
		return false, fmt.Errorf("%s: %w", path, err)
	}
	return bytes.Contains(head, []byte(`"schema"`)) || bytes.Contains(head, []byte("\x66schema")), nil
}

// inOrder lists the manifests that keep accepts (all, if keep is nil) in
// the order of the walk, so that what is built from them does not depend
// on map order.
func (md *manifestDir) inOrder(keep func(*provenance.Manifest) bool) []*provenance.Manifest {
	var ms []*provenance.Manifest
	for _, id := range md.order {
		if m := md.manifests[id]; keep == nil || keep(m) {
			ms = append(ms, m)
		}
	}
	return ms
}

// requireValid fails, naming each file, if any file claiming to be a
// manifest does not decode or any manifest is invalid: what moves money
// (aiprov royalty publish, claim, audit) takes the whole directory as the
// lineage.
func (md *manifestDir) requireValid() error {
	problems := slices.Clone(md.broken)
	for _, id := range md.order {
		if err := md.manifests[id].Validate(); err != nil {
			problems = append(problems, fmt.Errorf("%s: %w", md.files[id], err))
		}
	}
	return errors.Join(problems...)
}

// noteSkipped tells, on stderr, which files were not read as manifests.
func (md *manifestDir) noteSkipped(c *cli, cmd string) {
	for _, p := range md.skipped {
		fmt.Fprintf(c.stderr, "aiprov %s: skipped %s: not a lineage manifest (no \"schema\")\n", cmd, p)
	}
}

// validManifestNodes returns the royalty graph nodes of every manifest in
// dir that passes validation (the others are left out).
func validManifestNodes(ctx context.Context, dir string) ([]royalty.Node, error) {
	md, err := readManifestDir(ctx, dir)
	if err != nil {
		return nil, err
	}
	return royalty.ManifestNodes(md.inOrder(func(m *provenance.Manifest) bool { return m.Validate() == nil })...)
}
