package provenance

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
)

// BuildOptions control BuildManifest. The zero value hashes with
// DefaultParams and names the subject after root.
type BuildOptions struct {
	Params Params // import parameters; zero means DefaultParams
	Name   string // subject name; default: the base name of root
	Kind   Kind   // default: KindModel
	// OmitFiles leaves Subject.Files empty, recording only the root CID
	// and size: for artifacts with more files than one manifest block
	// holds (about 7,000). CheckManifest can then only compare the root.
	OmitFiles bool
	Progress  func(done, total int64)
}

// BuildManifest hashes the file or directory at root — every byte is read;
// no cache is consulted — and returns a draft manifest whose Subject holds
// the root CID, the size and every file with its CID, size and SHA-256. A
// single file is listed as one entry named by its base name. The caller
// completes Parents, Contributors, License, Royalty and Created.
func BuildManifest(ctx context.Context, root string, opts *BuildOptions) (*Manifest, error) {
	if opts == nil {
		opts = &BuildOptions{}
	}
	res, err := Hash(ctx, root, &Options{Params: opts.Params, SHA256: true, Progress: opts.Progress})
	if err != nil {
		return nil, err
	}
	m := &Manifest{
		Schema: ManifestSchema,
		Subject: Subject{
			Name: opts.Name,
			Kind: opts.Kind,
			CID:  res.CID,
			Size: res.Size,
		},
	}
	if m.Subject.Name == "" {
		abs, err := filepath.Abs(root)
		if err != nil {
			return nil, err
		}
		m.Subject.Name = filepath.Base(abs)
	}
	if m.Subject.Kind == "" {
		m.Subject.Kind = KindModel
	}
	if opts.OmitFiles {
		return m, nil
	}
	if len(res.Files) > MaxFiles {
		return nil, fmt.Errorf("%s: %d files, more than a manifest may list (%d)", root, len(res.Files), MaxFiles)
	}
	m.Subject.Files = make([]File, len(res.Files))
	for i, f := range res.Files {
		p := f.Path
		if p == "." {
			p = filepath.Base(root)
			if st, err := os.Stat(root); err == nil && st.IsDir() {
				return nil, fmt.Errorf("%s: unexpected file path %q", root, f.Path)
			}
		}
		m.Subject.Files[i] = File{Path: p, CID: f.CID, Size: f.Size, SHA256: f.SHA256}
	}
	return m, nil
}
