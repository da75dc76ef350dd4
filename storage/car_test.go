package storage

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/aiprov/aiprov/internal/ipld"
	"github.com/aiprov/aiprov/internal/testtools"
	"github.com/ipfs/go-cid"
	mh "github.com/multiformats/go-multihash"
)

func cborCID(t testing.TB, data []byte) cid.Cid {
	t.Helper()
	c, err := cid.Prefix{Version: 1, Codec: cid.DagCBOR, MhType: mh.SHA2_256, MhLength: -1}.Sum(data)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// cborDoc encodes {"name": name, "links": [links...]} in DAG-CBOR (keys in
// length-first order: "name" < "links").
func cborDoc(name string, links ...cid.Cid) []byte {
	b := []byte{0xa2, 0x64, 'n', 'a', 'm', 'e'}
	b = ipld.AppendHead(b, 3, uint64(len(name)))
	b = append(b, name...)
	b = append(b, 0x65, 'l', 'i', 'n', 'k', 's')
	b = ipld.AppendHead(b, 4, uint64(len(links)))
	for _, l := range links {
		b = append(b, 0xd8, 0x2a)
		b = ipld.AppendHead(b, 2, uint64(len(l.Bytes())+1))
		b = append(b, 0)
		b = append(b, l.Bytes()...)
	}
	return b
}

// lineage stores an artifact, a parent manifest, a child manifest linking
// the parent and the artifact, and an envelope.
func lineage(t *testing.T, s Store) (child, parent, artifact, envelope cid.Cid) {
	ctx := context.Background()
	content := randomBytes(20_000, 11)
	artifact, blocks := buildFile(t, content, 4096)
	if _, err := putDAG(ctx, s, fakeImporter(artifact, blocks)); err != nil {
		t.Fatal(err)
	}
	pdoc := cborDoc("parent")
	parent = cborCID(t, pdoc)
	cdoc := cborDoc("child", parent, artifact)
	child = cborCID(t, cdoc)
	var err error
	for _, d := range [][]byte{pdoc, cdoc} {
		if _, err = PutData(ctx, s, cid.DagCBOR, d); err != nil {
			t.Fatal(err)
		}
	}
	envelope, err = PutData(ctx, s, cid.Raw, []byte(`{"payloadType":"application/vnd.in-toto+json","payload":"e30","signatures":[]}`))
	if err != nil {
		t.Fatal(err)
	}
	return
}

func TestCARRoundTrip(t *testing.T) {
	ctx := context.Background()
	src := NewMemory()
	child, parent, artifact, envelope := lineage(t, src)
	for _, tc := range []struct {
		name      string
		artifacts bool
		blocks    int
	}{
		{"lineage only", false, 3},
		{"with artifacts", true, 3 + 6},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteCAR(ctx, &buf, src, []cid.Cid{child, envelope}, &ExportOptions{Artifacts: tc.artifacts}); err != nil {
				t.Fatal(err)
			}
			dst := NewMemory()
			res, err := ImportCAR(ctx, bytes.NewReader(buf.Bytes()), dst)
			if err != nil {
				t.Fatal(err)
			}
			if res.Blocks != tc.blocks || len(res.Roots) != 2 || !res.Roots[0].Equals(child) || !res.Roots[1].Equals(envelope) {
				t.Fatalf("import %+v", res)
			}
			for _, c := range []cid.Cid{child, parent, envelope} {
				if ok, _ := dst.Has(ctx, c); !ok {
					t.Fatalf("missing %s", c)
				}
			}
			if ok, _ := dst.Has(ctx, artifact); ok != tc.artifacts {
				t.Fatalf("artifact present = %v", ok)
			}
		})
	}
	// A missing linked manifest is an error unless SkipMissing.
	src.Delete(ctx, parent)
	if err := WriteCAR(ctx, io.Discard, src, []cid.Cid{child}, nil); !errors.Is(err, ErrNotFound) {
		t.Fatalf("export with a missing parent: %v", err)
	}
	if err := WriteCAR(ctx, io.Discard, src, []cid.Cid{child}, &ExportOptions{SkipMissing: true}); err != nil {
		t.Fatal(err)
	}
}

// TestCARInteropIPLD checks our CARv1 against @ipld/car (the JS reference
// implementation): its CarReader reads our bundle (roots and every block),
// and a bundle its CarWriter writes (blocks in reverse order, roots first
// in the header) imports here.
func TestCARInteropIPLD(t *testing.T) {
	ctx := context.Background()
	src := NewMemory()
	child, _, _, envelope := lineage(t, src)
	var buf bytes.Buffer
	if err := WriteCAR(ctx, &buf, src, []cid.Cid{child, envelope}, &ExportOptions{Artifacts: true}); err != nil {
		t.Fatal(err)
	}
	out := testtools.RunNode(t, `
import { CarReader } from '@ipld/car/reader'
import { CarWriter } from '@ipld/car/writer'
import { readFileSync } from 'node:fs'
const reader = await CarReader.fromBytes(new Uint8Array(readFileSync(0)))
const roots = (await reader.getRoots()).map(String)
const blocks = []
for await (const b of reader.blocks()) blocks.push(b)
const { writer, out } = CarWriter.create(await reader.getRoots())
const chunks = []
const done = (async () => { for await (const c of out) chunks.push(c) })()
for (const b of blocks.slice().reverse()) await writer.put(b)
await writer.close()
await done
process.stdout.write(JSON.stringify({ roots, cids: blocks.map(b => String(b.cid)), car: Buffer.concat(chunks).toString('hex') }))
`, buf.Bytes())
	var got struct {
		Roots, CIDs []string
		CAR         string
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	var ours []string
	cr, err := NewCARReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	for {
		c, _, err := cr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		ours = append(ours, c.String())
	}
	if strings.Join(got.Roots, " ") != child.String()+" "+envelope.String() || strings.Join(got.CIDs, " ") != strings.Join(ours, " ") {
		t.Fatalf("@ipld/car read roots %v blocks %v; we wrote %v", got.Roots, got.CIDs, ours)
	}
	theirs, err := hex.DecodeString(got.CAR)
	if err != nil {
		t.Fatal(err)
	}
	// Same roots, so the header bytes must be identical.
	if hdr := encodeCARHeader([]cid.Cid{child, envelope}); !bytes.HasPrefix(theirs, hdr) {
		t.Fatalf("@ipld/car header differs from ours")
	}
	dst := NewMemory()
	res, err := ImportCAR(ctx, bytes.NewReader(theirs), dst)
	if err != nil || res.Blocks != len(ours) || len(res.MissingRoots) != 0 {
		t.Fatalf("importing @ipld/car's bundle: %+v %v", res, err)
	}
}

func TestCARRejects(t *testing.T) {
	ctx := context.Background()
	root := rawCID(t, []byte("hello world"))
	hdr := encodeCARHeader([]cid.Cid{root})
	section := func(c cid.Cid, data []byte) []byte {
		b := binary.AppendUvarint(nil, uint64(len(c.Bytes())+len(data)))
		return append(append(b, c.Bytes()...), data...)
	}
	cat := func(parts ...[]byte) []byte { return bytes.Join(parts, nil) }
	for _, tc := range []struct {
		name string
		car  []byte
		is   error
		want string
	}{
		{"empty", nil, ErrMalformedCAR, "empty file"},
		{"zero header", []byte{0}, ErrMalformedCAR, "header length 0"},
		{"huge header", []byte{0xff, 0xff, 0xff, 0x7f}, ErrMalformedCAR, "header length"},
		{"truncated header", hdr[:10], ErrMalformedCAR, "truncated header"},
		{"version 2", bytes.Replace(hdr, []byte("version\x01"), []byte("version\x02"), 1), ErrMalformedCAR, "version 2"},
		{"no roots", cat([]byte{0x11, 0xa2, 0x65}, []byte("roots"), []byte{0x80, 0x67}, []byte("version"), []byte{1}), ErrMalformedCAR, "0 roots"},
		{"bad block", cat(hdr, section(root, []byte("hello worle"))), ErrCorrupt, root.String()},
		{"truncated section", cat(hdr, section(root, []byte("hello world"))[:20]), ErrMalformedCAR, "truncated section"},
		{"huge section", cat(hdr, []byte{0xff, 0xff, 0xff, 0xff, 0x0f}), ErrMalformedCAR, "section length"},
		{"bad cid", cat(hdr, []byte{3, 1, 2, 3}), ErrMalformedCAR, "bad CID"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := NewMemory()
			_, err := ImportCAR(ctx, bytes.NewReader(tc.car), m)
			if !errors.Is(err, tc.is) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want %v containing %q", err, tc.is, tc.want)
			}
			if ok, _ := m.Has(ctx, root); ok {
				t.Fatal("root stored from a bad CAR")
			}
		})
	}
	// A good one, with the root block last and first.
	good := cat(hdr, section(root, []byte("hello world")))
	m := NewMemory()
	if res, err := ImportCAR(ctx, bytes.NewReader(good), m); err != nil || res.Blocks != 1 {
		t.Fatalf("%+v %v", res, err)
	}
}

func FuzzImportCAR(f *testing.F) {
	m := NewMemory()
	child, _, _, envelope := lineage(&testing.T{}, m)
	var buf bytes.Buffer
	if err := WriteCAR(context.Background(), &buf, m, []cid.Cid{child, envelope}, &ExportOptions{Artifacts: true}); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add(encodeCARHeader([]cid.Cid{child}))
	f.Fuzz(func(t *testing.T, car []byte) {
		dst := NewMemory()
		res, err := ImportCAR(context.Background(), bytes.NewReader(car), dst)
		if err != nil {
			return
		}
		// Everything stored verifies and came from the CAR.
		for c, err := range dst.List(context.Background()) {
			if err != nil {
				t.Fatal(err)
			}
			if _, err := dst.GetBlock(context.Background(), c); err != nil {
				t.Fatal(err)
			}
		}
		_ = res
	})
}

func TestCBORLinks(t *testing.T) {
	a := rawCID(t, []byte("a"))
	b := cborCID(t, []byte{0xa0})
	doc := cborDoc("x", a, b)
	links, err := cborLinks(doc)
	if err != nil || len(links) != 2 || !links[0].Equals(a) || !links[1].Equals(b) {
		t.Fatalf("%v %v", links, err)
	}
	for _, tc := range []struct {
		name string
		doc  []byte
		want string
	}{
		{"indefinite", []byte{0x9f, 0xff}, "indefinite"},
		{"other tag", []byte{0xc1, 0x00}, "tag 1"},
		{"float32", []byte{0xfa, 0, 0, 0, 0}, "float"},
		{"trailing", []byte{0x01, 0x02}, "after the end"},
		{"huge array", []byte{0x9b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}, "runs past the end"},
		{"deep", bytes.Repeat([]byte{0x81}, 1000), "deeper"},
		{"unsorted keys", []byte{0xa2, 0x61, 'b', 0x01, 0x61, 'a', 0x01}, "sorted"},
		{"non-minimal", []byte{0x18, 0x01}, "shortest form"},
		{"tag 42 no prefix", append([]byte{0xd8, 0x2a, 0x58, byte(len(a.Bytes()))}, a.Bytes()...), "0x00"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := cborLinks(tc.doc); !errors.Is(err, ErrMalformedCBOR) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want %q", err, tc.want)
			}
		})
	}
}

func FuzzCBORLinks(f *testing.F) {
	f.Add(cborDoc("x", rawCID(f, []byte("a"))))
	f.Add([]byte{0xa1, 0x61, 'a', 0xfb, 0, 0, 0, 0, 0, 0, 0, 0})
	f.Fuzz(func(t *testing.T, b []byte) {
		if _, err := cborLinks(b); err != nil && !errors.Is(err, ErrMalformedCBOR) {
			t.Fatal(err)
		}
	})
}

// TestImportCARCorruptBlockKeepsRootOut: the root comes first in the file
// (as `ipfs dag export` writes it) but is stored last, so a corrupt block
// later in the file leaves no root behind, into a directory store too.
func TestImportCARCorruptBlockKeepsRootOut(t *testing.T) {
	ctx := context.Background()
	src := NewMemory()
	child, _, artifact, _ := lineage(t, src)
	var buf bytes.Buffer
	if err := WriteCAR(ctx, &buf, src, []cid.Cid{child}, &ExportOptions{Artifacts: true}); err != nil {
		t.Fatal(err)
	}
	car := buf.Bytes()
	car[len(car)-1] ^= 0xff // inside the last block's data
	for _, dst := range []Store{NewMemory(), openTestDir(t)} {
		_, err := ImportCAR(ctx, bytes.NewReader(car), dst)
		if !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), "CAR section at byte") {
			t.Fatalf("import of a CAR with a corrupt block: %v", err)
		}
		if ok, _ := dst.Has(ctx, child); ok {
			t.Fatal("root stored from a CAR that failed")
		}
		if ok, _ := dst.Has(ctx, artifact); !ok {
			t.Fatal("valid blocks before the corrupt one were not kept")
		}
	}
}
