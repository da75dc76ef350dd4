package provenance

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// BuildOptions control BuildManifest and NewManifest. The zero value hashes
// with DefaultParams, names the subject after the root and dates the
// manifest now.
type BuildOptions struct {
	Params Params // import parameters; zero means DefaultParams
	Name   string // subject name; default: the base name of the root
	Kind   Kind   // default: KindModel
	// Created dates the manifest; the zero value means now, to the
	// second. Reproducible builds set it (from $SOURCE_DATE_EPOCH, say),
	// since the manifest's CID depends on it.
	Created time.Time
	// OmitFiles leaves Subject.Files empty, recording only the root CID
	// and size: for artifacts with more files than one manifest block
	// holds (about 7,000). CheckManifest can then only compare the root.
	OmitFiles bool
	Progress  func(done, total int64)
	// Blocks, if set, receives every block of the artifact's DAG as it is
	// hashed (see BlockSink), so that one read both stores the artifact
	// and drafts its manifest.
	Blocks BlockSink
	// Tensors records the tensor index of the weight files (see
	// Options.Tensors) in Subject.Tensors, read in the same pass as the
	// CIDs. An index of more than MaxInlineTensors tensors is recorded in
	// pages, handed to TensorPages, which must then be set.
	Tensors     bool
	TensorPages BlockSink
}

// BuildManifest hashes the file or directory at root — every byte is read;
// no cache is consulted — and returns a draft manifest whose Subject holds
// the root CID, the size and every file with its CID, size and SHA-256, and
// whose Created is set. A single file is listed as one entry named by its
// base name. The caller completes Parents, Contributors, License and
// Royalty.
//
// It is Hash with Options.SHA256 followed by NewManifest; call those two
// when the Result is wanted too, or comes from elsewhere (storage.PutPath).
func BuildManifest(ctx context.Context, root string, opts *BuildOptions) (*Manifest, error) {
	if opts == nil {
		opts = &BuildOptions{}
	}
	res, err := Hash(ctx, root, &Options{Params: opts.Params, SHA256: true, Tensors: opts.Tensors, Progress: opts.Progress, Blocks: opts.Blocks})
	if err != nil {
		return nil, err
	}
	return NewManifest(res, opts)
}

// NewManifest drafts a manifest from res, the Result of hashing a file or
// directory with Options.SHA256 set, without reading anything again: the
// subject is named after res.Name unless opts.Name is set. A Result without
// SHA-256 digests is refused, unless opts.OmitFiles. opts.Params, Progress
// and Blocks are not used: res is already hashed. A nil opts means the
// defaults. When res has a tensor index (Options.Tensors), it is recorded,
// whatever opts.Tensors says.
func NewManifest(res *Result, opts *BuildOptions) (*Manifest, error) {
	if opts == nil {
		opts = &BuildOptions{}
	}
	if res == nil || !res.CID.Defined() {
		return nil, errors.New("provenance: NewManifest: no Result (or one without a root CID)")
	}
	created := opts.Created
	if created.IsZero() {
		created = time.Now().Truncate(time.Second)
	}
	m := &Manifest{
		Schema:  ManifestSchema,
		Subject: Subject{Name: opts.Name, Kind: opts.Kind, CID: res.CID, Size: res.Size},
		Created: created.UTC(),
	}
	if m.Subject.Name == "" {
		if res.Name == "" {
			return nil, errors.New("provenance: NewManifest: the Result names no root to name the subject after; set BuildOptions.Name")
		}
		m.Subject.Name = res.Name
	}
	if m.Subject.Kind == "" {
		m.Subject.Kind = KindModel
	}
	if opts.OmitFiles {
		return m, nil
	}
	files, err := manifestFiles(res.Files, res.Name)
	if err != nil {
		return nil, fmt.Errorf("provenance: NewManifest: %w", err)
	}
	m.Subject.Files = files
	if res.Tensors != nil {
		if err := setManifestTensors(m, res.Tensors, res.Name, opts.TensorPages); err != nil {
			return nil, fmt.Errorf("provenance: NewManifest: %w", err)
		}
	}
	return m, nil
}

// manifestFiles converts Hash's file list to a manifest's. A root that is
// a single file is listed by Hash as "."; it is named single instead.
func manifestFiles(res []FileResult, single string) ([]File, error) {
	if len(res) > MaxFiles {
		return nil, fmt.Errorf("%d files, more than a manifest may list (%d)", len(res), MaxFiles)
	}
	files := make([]File, len(res))
	for i, f := range res {
		p := f.Path
		if p == "." {
			if len(res) != 1 || single == "" {
				return nil, fmt.Errorf("unexpected file path %q", f.Path)
			}
			p = single
		}
		if f.SHA256 == "" {
			return nil, fmt.Errorf("file %q has no SHA-256 digest: hash with Options.SHA256 (storage.PutOptions.SHA256) to make a manifest that lists files", p)
		}
		files[i] = File{Path: p, CID: f.CID, Size: f.Size, SHA256: f.SHA256}
	}
	return files, nil
}
