package provenance

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/aiprov/aiprov/internal/ipld"
	"github.com/ipfs/go-cid"
)

// A manifest carries its subject's tensor index in "subject.tensors", one
// entry per weight file, sorted by path:
//
//	{"path": s, "format": s, "tensors": [T, …]}                 inline, or
//	{"path": s, "format": s, "count": int, "pages": [link, …]}  in pages
//	T = {"name": s, "dtype": s, "shape": [int, …], "offset": int, "size": int, "blake3": bytes}
//
// A page is a DAG-CBOR block holding a list of T, in file order; a file's
// pages, concatenated, are its tensors. Pages keep a manifest within one
// IPFS block however many tensors the weights have (a mixture-of-experts
// checkpoint has tens of thousands); they are stored beside the manifest
// and fetched by CID, like its parents.

// ManifestTensors is the tensor layout of one weight file of a manifest's
// subject: inline (Tensors) or in pages (Count and Pages).
type ManifestTensors struct {
	Path    string    // of the file, as in Subject.Files
	Format  string    // TensorFormatSafetensors or TensorFormatGGUF
	Tensors []Tensor  // inline, in file order; nil when paged
	Count   int       // with Pages: the tensors they hold
	Pages   []cid.Cid // DAG-CBOR blocks of tensors, in file order
}

// TensorPage is one block of a paged tensor index.
type TensorPage struct {
	CID  cid.Cid
	Data []byte // DAG-CBOR
}

// Limits of the manifest form of a tensor index.
const (
	// MaxInlineTensors: an index with more tensors than this is paged.
	MaxInlineTensors = 1024
	// maxPageBytes bounds a page's encoding, well within one IPFS block.
	maxPageBytes = 512 << 10
	// maxPageTensors bounds a page's tensors.
	maxPageTensors = 4096
)

// ManifestTensorsOf puts an index in its manifest form: inline when it has
// at most MaxInlineTensors tensors, else in pages, which it returns for
// the caller to store with the manifest.
func ManifestTensorsOf(x *TensorIndex) ([]ManifestTensors, []TensorPage, error) {
	if x == nil || len(x.Files) == 0 {
		return nil, nil, nil
	}
	paged := x.Count() > MaxInlineTensors
	var out []ManifestTensors
	var pages []TensorPage
	for _, f := range x.Files {
		mt := ManifestTensors{Path: f.Path, Format: f.Format}
		if !paged {
			mt.Tensors = f.Tensors
			if mt.Tensors == nil {
				mt.Tensors = []Tensor{}
			}
			out = append(out, mt)
			continue
		}
		mt.Count = len(f.Tensors)
		rest := f.Tensors
		for len(rest) > 0 || len(mt.Pages) == 0 {
			var list []any
			size := 0
			for len(rest) > 0 && len(list) < maxPageTensors {
				n := tensorNode(rest[0])
				b, err := ipld.EncodeCBOR(n)
				if err != nil {
					return nil, nil, err
				}
				if len(list) > 0 && size+len(b) > maxPageBytes {
					break
				}
				size += len(b)
				list = append(list, n)
				rest = rest[1:]
			}
			if list == nil {
				list = []any{}
			}
			data, err := ipld.EncodeCBOR(list)
			if err != nil {
				return nil, nil, err
			}
			if len(data) > MaxManifestSize {
				return nil, nil, fmt.Errorf("%s: a tensor page of %d bytes exceeds %d (tensor names too long?)", f.Path, len(data), MaxManifestSize)
			}
			id := manifestCID(data)
			mt.Pages = append(mt.Pages, id)
			pages = append(pages, TensorPage{CID: id, Data: data})
		}
		out = append(out, mt)
	}
	return out, pages, nil
}

// TensorIndex returns the subject's tensor index, fetching pages with get
// (from a store, a directory, IPFS) and checking each against its CID and
// the count the manifest gives. It returns nil when the manifest has none.
func (s *Subject) TensorIndex(ctx context.Context, get func(context.Context, cid.Cid) ([]byte, error)) (*TensorIndex, error) {
	if len(s.Tensors) == 0 {
		return nil, nil
	}
	x := &TensorIndex{}
	for i, mt := range s.Tensors {
		f := TensorFile{Path: mt.Path, TensorLayout: TensorLayout{Format: mt.Format, Tensors: mt.Tensors}}
		if mt.Pages != nil {
			if get == nil {
				return nil, fmt.Errorf("subject.tensors[%d] (%s): the index is in pages, and nothing was given to fetch them", i, mt.Path)
			}
			for j, id := range mt.Pages {
				data, err := get(ctx, id)
				if err != nil {
					return nil, fmt.Errorf("subject.tensors[%d].pages[%d] %s: %w", i, j, id, err)
				}
				if got, err := id.Prefix().Sum(data); err != nil || !got.Equals(id) {
					return nil, fmt.Errorf("subject.tensors[%d].pages[%d]: the block fetched for %s has other content", i, j, id)
				}
				ts, err := DecodeTensorPage(data)
				if err != nil {
					return nil, fmt.Errorf("subject.tensors[%d].pages[%d] %s: %w", i, j, id, err)
				}
				if len(f.Tensors)+len(ts) > mt.Count {
					break
				}
				f.Tensors = append(f.Tensors, ts...)
			}
			if len(f.Tensors) != mt.Count {
				return nil, fmt.Errorf("subject.tensors[%d] (%s): the pages hold %d tensors or more, the manifest says %d", i, mt.Path, len(f.Tensors), mt.Count)
			}
		}
		x.Files = append(x.Files, f)
	}
	return x, nil
}

func tensorNode(t Tensor) map[string]any {
	shape := make([]any, len(t.Shape))
	for i, d := range t.Shape {
		shape[i] = int64(d)
	}
	return map[string]any{
		"name": t.Name, "dtype": t.DType, "shape": shape,
		"offset": int64(t.Offset), "size": int64(t.Size),
		"blake3": bytes.Clone(t.Digest[:]),
	}
}

// tensorsToNode is subject.tensors in the data model.
func tensorsToNode(ts []ManifestTensors) ([]any, error) {
	out := make([]any, len(ts))
	for i, mt := range ts {
		n := map[string]any{"path": mt.Path, "format": mt.Format}
		at := fmt.Sprintf("subject.tensors[%d]", i)
		switch {
		case mt.Pages != nil && mt.Tensors != nil:
			return nil, malformed(at, "both inline tensors and pages")
		case mt.Pages != nil:
			if len(mt.Pages) == 0 {
				return nil, malformed(at+".pages", "empty")
			}
			pages := make([]any, len(mt.Pages))
			for j, p := range mt.Pages {
				if !p.Defined() {
					return nil, malformed(fmt.Sprintf("%s.pages[%d]", at, j), "not set")
				}
				pages[j] = p
			}
			n["pages"], n["count"] = pages, int64(mt.Count)
		default:
			list := make([]any, len(mt.Tensors))
			for j, t := range mt.Tensors {
				for _, d := range t.Shape {
					if d > 1<<63-1 {
						return nil, malformed(fmt.Sprintf("%s.tensors[%d].shape", at, j), "dimension %d does not fit an int64", d)
					}
				}
				if t.Offset > 1<<63-1 || t.Size > 1<<63-1 {
					return nil, malformed(fmt.Sprintf("%s.tensors[%d]", at, j), "offset or size does not fit an int64")
				}
				list[j] = tensorNode(t)
			}
			n["tensors"] = list
		}
		out[i] = n
	}
	return out, nil
}

var tensorLimits = ipld.Limits{MaxSize: MaxManifestSize, MaxDepth: 4, MaxListLen: 1 << 20, MaxStringLen: maxStringLen}

// DecodeTensorPage decodes one page of a paged tensor index, as strictly as
// DecodeManifest decodes a manifest.
func DecodeTensorPage(data []byte) ([]Tensor, error) {
	r, err := ipld.NewCBORReader(data, tensorLimits)
	if err != nil {
		return nil, fromIPLD(err)
	}
	d := &manifestDecoder{r: r}
	var ts []Tensor
	err = r.List(func(i, n int) error {
		if i == 0 {
			ts = make([]Tensor, n)
		}
		return d.tensor(&ts[i])
	})
	if err == nil {
		err = r.Done()
	}
	if err != nil {
		return nil, fromIPLD(err)
	}
	return ts, nil
}

// subjectTensors reads subject.tensors.
func (d *manifestDecoder) subjectTensors(s *Subject) error {
	err := d.r.List(func(i, n int) error {
		if i == 0 {
			s.Tensors = make([]ManifestTensors, n)
		}
		return d.manifestTensors(&s.Tensors[i])
	})
	if err == nil && len(s.Tensors) == 0 {
		err = d.r.Errorf("empty optional field must be omitted")
	}
	return err
}

func (d *manifestDecoder) manifestTensors(mt *ManifestTensors) error {
	var seen uint32
	_, err := d.r.Map(func(k []byte) error {
		var err error
		switch string(k) {
		case "path":
			seen |= 1
			mt.Path, err = d.r.String()
		case "format":
			seen |= 2
			if mt.Format, err = d.r.String(); err == nil && mt.Format != TensorFormatSafetensors && mt.Format != TensorFormatGGUF {
				err = d.r.Errorf("unknown format %q (want %q or %q)", mt.Format, TensorFormatSafetensors, TensorFormatGGUF)
			}
		case "count":
			seen |= 4
			var n int64
			if n, err = d.r.Int(); err == nil && (n < 0 || n > 1<<40) {
				err = d.r.Errorf("count %d out of range", n)
			}
			mt.Count = int(n)
		case "pages":
			seen |= 8
			err = d.r.List(func(i, n int) error {
				if i == 0 {
					mt.Pages = make([]cid.Cid, n)
				}
				var err error
				mt.Pages[i], err = d.r.Link()
				return err
			})
			if err == nil && len(mt.Pages) == 0 {
				err = d.r.Errorf("empty: omit a file without tensors")
			}
		case "tensors":
			seen |= 16
			mt.Tensors = []Tensor{}
			err = d.r.List(func(i, n int) error {
				if i == 0 {
					mt.Tensors = make([]Tensor, n)
				}
				return d.tensor(&mt.Tensors[i])
			})
		default:
			return d.unknown()
		}
		return err
	})
	if err != nil {
		return err
	}
	switch seen &^ 3 {
	case 16, 4 | 8:
	case 0:
		return malformed(d.r.Path(), "want \"tensors\", or \"count\" and \"pages\"")
	default:
		return malformed(d.r.Path(), "\"tensors\" goes without \"count\" and \"pages\", and \"count\" with \"pages\"")
	}
	return required(d.r.Path, []string{"path", "format"}, seen)
}

func (d *manifestDecoder) tensor(t *Tensor) error {
	var seen uint32
	_, err := d.r.Map(func(k []byte) error {
		var err error
		switch string(k) {
		case "name":
			seen |= 1
			t.Name, err = d.r.String()
		case "size":
			seen |= 2
			var n int64
			n, err = d.size()
			t.Size = uint64(n)
		case "dtype":
			seen |= 4
			t.DType, err = d.r.String()
		case "shape":
			seen |= 8
			t.Shape = []uint64{}
			err = d.r.List(func(i, n int) error {
				if n > 64 {
					return d.r.Errorf("%d dimensions, more than 64", n)
				}
				v, err := d.size()
				t.Shape = append(t.Shape, uint64(v))
				return err
			})
		case "blake3":
			seen |= 16
			var v any
			if v, err = d.r.Any(); err != nil {
				return err
			}
			b, ok := v.([]byte)
			if !ok || len(b) != len(t.Digest) {
				return d.r.Errorf("want %d bytes, got %s", len(t.Digest), kindOf(v))
			}
			copy(t.Digest[:], b)
		case "offset":
			seen |= 32
			var n int64
			n, err = d.size()
			t.Offset = uint64(n)
		default:
			return d.unknown()
		}
		return err
	})
	if err != nil {
		return err
	}
	return required(d.r.Path, []string{"name", "size", "dtype", "shape", "blake3", "offset"}, seen)
}

// tensors checks subject.tensors: files sorted by path, each one of the
// subject's files (when it lists them); inline tensors named, in offset
// order without overlaps, and within the file.
func (v *validator) tensors(s *Subject) {
	sizes := map[string]int64{}
	for _, f := range s.Files {
		sizes[f.Path] = f.Size
	}
	for i, mt := range s.Tensors {
		at := fmt.Sprintf("subject.tensors[%d]", i)
		if err := checkRelPath(mt.Path); err != nil {
			v.add(at+".path", "%v", err)
		}
		if i > 0 && mt.Path <= s.Tensors[i-1].Path {
			v.add(at+".path", "%q after %q; files must be sorted by path, once each", mt.Path, s.Tensors[i-1].Path)
		}
		size, listed := sizes[mt.Path]
		if len(s.Files) > 0 && !listed {
			v.add(at+".path", "%q is not one of subject.files", mt.Path)
		}
		if mt.Pages != nil && mt.Count == 0 {
			v.add(at+".count", "pages holding no tensors")
		}
		names := map[string]bool{}
		var end uint64
		for j, t := range mt.Tensors {
			tat := fmt.Sprintf("%s.tensors[%d]", at, j)
			v.text(tat+".name", t.Name, true, maxStringLen)
			v.text(tat+".dtype", t.DType, true, maxNameLen)
			if names[t.Name] {
				v.add(tat+".name", "duplicate tensor %q", t.Name)
			}
			names[t.Name] = true
			if t.Offset < end {
				v.add(tat+".offset", "%d overlaps the tensor before, which ends at %d; tensors go in file order", t.Offset, end)
			}
			end = t.Offset + t.Size
			if listed && end > uint64(size) {
				v.add(tat+".size", "ends at byte %d of a %d-byte file", end, size)
			}
		}
	}
}

// setManifestTensors records x in m, its single file "." named single,
// handing any pages to sink.
func setManifestTensors(m *Manifest, x *TensorIndex, single string, sink BlockSink) error {
	named := &TensorIndex{Files: append([]TensorFile(nil), x.Files...)}
	for i := range named.Files {
		if named.Files[i].Path == "." {
			named.Files[i].Path = single
		}
	}
	ts, pages, err := ManifestTensorsOf(named)
	if err != nil {
		return err
	}
	if len(pages) > 0 {
		if sink == nil {
			return fmt.Errorf("%d tensors need a paged index (more than %d): set BuildOptions.TensorPages to keep its %d pages", x.Count(), MaxInlineTensors, len(pages))
		}
		for _, p := range pages {
			if err := sink.PutBlock(context.Background(), p.CID, p.Data); err != nil {
				return fmt.Errorf("storing tensor page %s: %w", p.CID, err)
			}
		}
	}
	m.Subject.Tensors = ts
	return nil
}

// manifestLayouts returns the tensor layouts s records, by file path:
// inline ones, and paged ones when get is given to fetch their pages.
func manifestLayouts(ctx context.Context, s *Subject, get func(context.Context, cid.Cid) ([]byte, error)) (map[string]*TensorLayout, error) {
	out := map[string]*TensorLayout{}
	for _, mt := range s.Tensors {
		if mt.Pages != nil && get == nil {
			continue
		}
		one := &Subject{Tensors: []ManifestTensors{mt}}
		x, err := one.TensorIndex(ctx, get)
		if err != nil {
			return nil, err
		}
		out[mt.Path] = &x.Files[0].TensorLayout
	}
	return out, nil
}

// diffLayouts says how a file's tensor layout (got; nil when the file's
// header does not parse) differs from the manifest's (want): "" when they
// agree, else a count and the first few tensors that differ.
func diffLayouts(want, got *TensorLayout) string {
	if got == nil {
		return fmt.Sprintf("the manifest lists %d %s tensors, and the file's header does not parse", len(want.Tensors), want.Format)
	}
	if got.Format != want.Format {
		return fmt.Sprintf("tensors: a %s file, the manifest says %s", got.Format, want.Format)
	}
	have := make(map[string]Tensor, len(got.Tensors))
	for _, t := range got.Tensors {
		have[t.Name] = t
	}
	var diff []string
	for _, w := range want.Tensors {
		g, ok := have[w.Name]
		switch {
		case !ok:
			diff = append(diff, strconv.Quote(w.Name)+" missing")
		case g.DType != w.DType || !slices.Equal(g.Shape, w.Shape):
			diff = append(diff, fmt.Sprintf("%q is %s %v, the manifest says %s %v", w.Name, g.DType, g.Shape, w.DType, w.Shape))
		case g.Digest != w.Digest:
			diff = append(diff, strconv.Quote(w.Name)+" has other bytes")
		case g.Offset != w.Offset || g.Size != w.Size:
			diff = append(diff, fmt.Sprintf("%q at bytes %d+%d, the manifest says %d+%d", w.Name, g.Offset, g.Size, w.Offset, w.Size))
		}
		delete(have, w.Name)
	}
	for _, t := range got.Tensors {
		if _, extra := have[t.Name]; extra {
			diff = append(diff, strconv.Quote(t.Name)+" not in the manifest")
		}
	}
	if len(diff) == 0 {
		return ""
	}
	const show = 3
	s := fmt.Sprintf("%d of %d tensors differ from the manifest's index: %s", len(diff), len(want.Tensors), strings.Join(diff[:min(show, len(diff))], ", "))
	if len(diff) > show {
		s += ", …"
	}
	return s
}
