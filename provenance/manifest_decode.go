package provenance

import "github.com/aiprov/aiprov/internal/ipld"

// decodeManifestCBOR is the one manifest decoder, behind DecodeManifest,
// UnmarshalJSON (which transcodes to DAG-CBOR first), ReadManifest and
// Graph.Load: it reads canonical DAG-CBOR straight into a Manifest, field
// by field, without building the generic data model.
func decodeManifestCBOR(data []byte) (*Manifest, error) {
	m := &Manifest{}
	if err := decodeManifestInto(data, m, &ipld.CBORReader{}); err != nil {
		return nil, err
	}
	return m, nil
}

// decodeManifestInto decodes data into m with r, reusing the arrays of m's
// slices and r's memory: a Graph's Load decodes a million manifests with a
// few. On error, m holds part of the document.
func decodeManifestInto(data []byte, m *Manifest, r *ipld.CBORReader) error {
	if err := r.Reset(data, manifestLimits); err != nil {
		return fromIPLD(err)
	}
	*m = Manifest{
		Subject:      Subject{Files: m.Subject.Files[:0], Formats: m.Subject.Formats[:0]},
		Parents:      m.Parents[:0],
		Contributors: m.Contributors[:0],
	}
	d := &manifestDecoder{r: r}
	if err := d.manifest(m); err != nil {
		return fromIPLD(err)
	}
	if err := r.Done(); err != nil {
		return fromIPLD(err)
	}
	return nil
}

// resize returns s with n zero elements, in s's array if it is large
// enough.
func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

type manifestDecoder struct {
	r *ipld.CBORReader
}

func (d *manifestDecoder) unknown() error {
	return d.r.Errorf("unknown field (extra data belongs under \"extensions\")")
}

// optString reads an optional string, which must not be empty.
func (d *manifestDecoder) optString() (string, error) {
	s, err := d.r.String()
	if err == nil && s == "" {
		return "", d.r.Errorf("empty optional field must be omitted")
	}
	return s, err
}

func (d *manifestDecoder) share() (uint64, error) {
	n, err := d.r.Int()
	if err != nil {
		return 0, err
	}
	if n < 0 || n > ShareWhole {
		return 0, d.r.Errorf("share %d outside 0..%d (ShareWhole = 100%%)", n, ShareWhole)
	}
	return uint64(n), nil
}

func (d *manifestDecoder) size() (int64, error) {
	n, err := d.r.Int()
	if err == nil && n < 0 {
		return 0, d.r.Errorf("negative size %d", n)
	}
	return n, err
}

// required reports the first required field not seen, in the order the
// fields are listed.
func required(path func() string, names []string, seen uint32) error {
	for i, name := range names {
		if seen&(1<<i) == 0 {
			if p := path(); p != "" {
				name = p + "." + name
			}
			return malformed(name, "missing required field")
		}
	}
	return nil
}

func (d *manifestDecoder) manifest(m *Manifest) error {
	var seen uint32
	const (
		fSchema = 1 << iota
		fSubject
		fParents
		fContributors
		fLicense
		fCreated
	)
	_, err := d.r.Map(func(k []byte) error {
		var err error
		switch string(k) {
		case "schema":
			seen |= fSchema
			if m.Schema, err = d.r.String(); err == nil && m.Schema != ManifestSchema {
				err = d.r.Errorf("unsupported schema %q; this version reads %q", m.Schema, ManifestSchema)
			}
		case "subject":
			seen |= fSubject
			err = d.subject(&m.Subject)
		case "parents":
			seen |= fParents
			err = d.r.List(func(i, n int) error {
				if i == 0 {
					m.Parents = resize(m.Parents, n)
				}
				return d.parent(&m.Parents[i])
			})
		case "contributors":
			seen |= fContributors
			err = d.r.List(func(i, n int) error {
				if i == 0 {
					m.Contributors = resize(m.Contributors, n)
				}
				return d.contributor(&m.Contributors[i])
			})
		case "license":
			seen |= fLicense
			m.License, err = d.r.String()
		case "created":
			seen |= fCreated
			var s string
			if s, err = d.r.String(); err == nil {
				if m.Created, err = parseCreated(s); err != nil {
					err = d.r.Errorf("%v", err)
				}
			}
		case "royalty":
			var hasPolicy bool
			_, err = d.r.Map(func(k []byte) error {
				if string(k) != "policy" {
					return d.unknown()
				}
				hasPolicy = true
				p, err := d.r.String()
				if err == nil && p == "" {
					err = d.r.Errorf("empty; omit \"royalty\" instead")
				}
				m.Royalty.Policy = RoyaltyPolicy(p)
				return err
			})
			if err == nil && !hasPolicy {
				err = malformed("royalty.policy", "missing required field")
			}
		case "builder":
			b := &Builder{}
			_, err = d.r.Map(func(k []byte) error {
				var err error
				switch string(k) {
				case "pipeline":
					b.Pipeline, err = d.optString()
				case "repository":
					b.Repository, err = d.optString()
				case "commit":
					b.Commit, err = d.optString()
				default:
					return d.unknown()
				}
				return err
			})
			m.Builder = b
		case "extensions":
			var v any
			if v, err = d.r.Any(); err != nil {
				return err
			}
			ext, ok := v.(map[string]any)
			switch {
			case !ok:
				return malformed("extensions", "want a map, got %s", kindOf(v))
			case len(ext) == 0:
				return malformed("extensions", "empty optional field must be omitted")
			}
			if err := checkExtension(ext, "extensions", 0); err != nil {
				return err
			}
			m.Extensions = ext
		default:
			return d.unknown()
		}
		return err
	})
	if err != nil {
		return err
	}
	return required(func() string { return "" }, []string{"schema", "subject", "parents", "contributors", "license", "created"}, seen)
}

func (d *manifestDecoder) subject(s *Subject) error {
	var seen uint32
	_, err := d.r.Map(func(k []byte) error {
		var err error
		switch string(k) {
		case "name":
			seen |= 1
			s.Name, err = d.r.String()
		case "kind":
			seen |= 2
			var kind string
			kind, err = d.r.String()
			s.Kind = Kind(kind)
		case "cid":
			seen |= 4
			s.CID, err = d.r.Link()
		case "size":
			seen |= 8
			s.Size, err = d.size()
		case "files":
			err = d.r.List(func(i, n int) error {
				if i == 0 {
					s.Files = resize(s.Files, n)
				}
				return d.file(&s.Files[i])
			})
			if err == nil && len(s.Files) == 0 {
				err = d.r.Errorf("empty optional field must be omitted")
			}
		case "formats":
			err = d.r.List(func(i, n int) error {
				if i == 0 {
					s.Formats = resize(s.Formats, n)
				}
				var err error
				s.Formats[i], err = d.r.String()
				return err
			})
			if err == nil && len(s.Formats) == 0 {
				err = d.r.Errorf("empty optional field must be omitted")
			}
		case "tensors":
			err = d.subjectTensors(s)
		default:
			return d.unknown()
		}
		return err
	})
	if err != nil {
		return err
	}
	return required(func() string { return "subject" }, []string{"name", "kind", "cid", "size"}, seen)
}

func (d *manifestDecoder) file(f *File) error {
	var seen uint32
	_, err := d.r.Map(func(k []byte) error {
		var err error
		switch string(k) {
		case "path":
			seen |= 1
			f.Path, err = d.r.String()
		case "cid":
			seen |= 2
			f.CID, err = d.r.Link()
		case "size":
			seen |= 4
			f.Size, err = d.size()
		case "sha256":
			seen |= 8
			f.SHA256, err = d.r.String()
		default:
			return d.unknown()
		}
		return err
	})
	if err != nil {
		return err
	}
	return required(d.r.Path, []string{"path", "cid", "size", "sha256"}, seen)
}

func (d *manifestDecoder) parent(p *Parent) error {
	var seen uint32
	_, err := d.r.Map(func(k []byte) error {
		var err error
		switch string(k) {
		case "cid":
			seen |= 1
			p.CID, err = d.r.Link()
		case "relation":
			seen |= 2
			var rel string
			rel, err = d.r.String()
			p.Relation = Relation(rel)
		case "share":
			seen |= 4
			p.Share, err = d.share()
		case "name":
			p.Name, err = d.optString()
		default:
			return d.unknown()
		}
		return err
	})
	if err != nil {
		return err
	}
	return required(d.r.Path, []string{"cid", "relation", "share"}, seen)
}

func (d *manifestDecoder) contributor(c *Contributor) error {
	var seen uint32
	_, err := d.r.Map(func(k []byte) error {
		var err error
		switch string(k) {
		case "id":
			seen |= 1
			c.ID, err = d.r.String()
		case "role":
			seen |= 2
			c.Role, err = d.r.String()
		case "share":
			seen |= 4
			c.Share, err = d.share()
		case "name":
			c.Name, err = d.optString()
		default:
			return d.unknown()
		}
		return err
	})
	if err != nil {
		return err
	}
	return required(d.r.Path, []string{"id", "role", "share"}, seen)
}
