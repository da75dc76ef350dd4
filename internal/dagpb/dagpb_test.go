package dagpb

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"testing"

	"github.com/ipfs/go-cid"
)

// Blocks captured from Kubo v0.43.1 (`ipfs block get` after `ipfs add`):
//   - emptyDir: `ipfs object new unixfs-dir` / the empty directory
//     QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn, Data = 08 01.
//   - fileLeaf: `printf hello | ipfs add --raw-leaves=false` →
//     QmWfVY9y3xjsixTgbd9AorQxH7VtMpzfx2HaWtsoUYecaX.
var (
	emptyDir = mustHex("0a020801")
	fileLeaf = mustHex("0a0b0802120568656c6c6f1805")
)

func mustHex(s string) []byte {
	b, err := hex.DecodeString(s)
	if err != nil {
		panic(err)
	}
	return b
}

func TestKuboBlocks(t *testing.T) {
	for _, tc := range []struct {
		name  string
		block []byte
		cid   string
		typ   DataType
		data  string
		size  uint64
	}{
		{"empty dir", emptyDir, "QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn", TypeDirectory, "", 0},
		{"file leaf", fileLeaf, "QmWfVY9y3xjsixTgbd9AorQxH7VtMpzfx2HaWtsoUYecaX", TypeFile, "hello", 5},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want := cid.MustParse(tc.cid)
			got, err := want.Prefix().Sum(tc.block)
			if err != nil || !got.Equals(want) {
				t.Fatalf("test vector does not hash to %s: %v %v", want, got, err)
			}
			n, err := Decode(tc.block)
			if err != nil {
				t.Fatal(err)
			}
			u, err := DecodeUnixFS(n.Data)
			if err != nil {
				t.Fatal(err)
			}
			if u.Type != tc.typ || string(u.Data) != tc.data || u.FileSize != tc.size {
				t.Fatalf("got %+v", u)
			}
		})
	}
}

// appendBytes appends a length-delimited field, for hand-made malformed
// blocks.
func appendBytes(b []byte, tag byte, v []byte) []byte {
	b = append(b, tag)
	b = binary.AppendUvarint(b, uint64(len(v)))
	return append(b, v...)
}

// TestEncodeKubo encodes the Kubo blocks above from their parts: the
// encoder must write them byte for byte.
func TestEncodeKubo(t *testing.T) {
	if got := AppendNode(nil, nil, (&UnixFS{Type: TypeDirectory}).Append(nil)); !bytes.Equal(got, emptyDir) {
		t.Errorf("empty dir: %x, Kubo %x", got, emptyDir)
	}
	head, tail := LeafFrame(5, TypeFile)
	if got := append(append(head, "hello"...), tail...); !bytes.Equal(got, fileLeaf) {
		t.Errorf("leaf frame: %x, Kubo %x", got, fileLeaf)
	}
	u := UnixFS{Type: TypeFile, Data: []byte("hello"), FileSize: 5, HasFileSize: true}
	if got := AppendNode(nil, nil, u.Append(nil)); !bytes.Equal(got, fileLeaf) {
		t.Errorf("file leaf: %x, Kubo %x", got, fileLeaf)
	}
}

// TestEncodeRoundTrip decodes what the encoder writes, every field set.
func TestEncodeRoundTrip(t *testing.T) {
	c1 := cid.MustParse("bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku")
	links := []Link{{Hash: c1, Name: "", Tsize: 1 << 40}, {Hash: c1, Name: "é", Tsize: 0}}
	u := UnixFS{
		Type: TypeHAMTShard, Data: []byte{1, 2}, FileSize: 300, HasFileSize: true,
		BlockSizes: []uint64{1, 1 << 20}, HashType: HAMTHashMurmur3, HasHashType: true,
		Fanout: 256, HasFanout: true, Mode: 0o755, HasMode: true, Mtime: []byte{8, 1},
	}
	block := AppendNode(nil, links, u.Append(nil))
	n, err := Decode(block)
	if err != nil {
		t.Fatal(err)
	}
	size := 0
	for i, l := range n.Links {
		want := links[i]
		if !l.Hash.Equals(want.Hash) || l.Name != want.Name || l.Tsize != want.Tsize {
			t.Errorf("link %d: %+v, want %+v", i, l, want)
		}
		size += LinkSize(want.Name, want.Hash.ByteLen(), want.Tsize)
	}
	if want := len(block) - 2 - len(n.Data); size != want {
		t.Errorf("LinkSize sums to %d, links take %d bytes", size, want)
	}
	got, err := DecodeUnixFS(n.Data)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(*got) != fmt.Sprint(u) {
		t.Errorf("UnixFS round trip:\n got %+v\nwant %+v", *got, u)
	}
}

func TestDecodeLinks(t *testing.T) {
	c1 := cid.MustParse("bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku")
	c2 := cid.MustParse("QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn")
	links := []Link{{Hash: c1, Name: "a", Tsize: 0}, {Hash: c2, Name: "b", Tsize: 4}}
	block := AppendNode(nil, links, []byte{8, 1})
	n, err := Decode(block)
	if err != nil {
		t.Fatal(err)
	}
	if len(n.Links) != 2 || !n.Links[0].Hash.Equals(c1) || n.Links[1].Name != "b" || n.Links[1].Tsize != 4 || !n.HasData {
		t.Fatalf("got %+v", n)
	}
	// Data first is accepted (old encoders).
	dataFirst := append(appendBytes(nil, 0x0a, []byte{8, 1}), AppendNode(nil, links, nil)...)
	if n, err := Decode(dataFirst); err != nil || len(n.Links) != 2 {
		t.Fatalf("data-first: %v %+v", err, n)
	}
}

func TestDecodeRejects(t *testing.T) {
	c1 := cid.MustParse("bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku")
	link := AppendNode(nil, []Link{{Hash: c1, Name: "a"}}, nil)
	for _, tc := range []struct {
		name  string
		block []byte
		want  string
	}{
		{"truncated length", []byte{0x0a, 0x05, 1}, "runs past the end"},
		{"truncated varint", []byte{0x0a, 0x80}, "truncated varint"},
		{"non-minimal varint", []byte{0x0a, 0x80, 0x00}, "not minimally encoded"},
		{"unknown field", []byte{0x18, 0x01}, "unexpected field 3"},
		{"wrong wire type", []byte{0x08, 0x01}, "unexpected field 1"},
		{"duplicate data", []byte{0x0a, 0x00, 0x0a, 0x00}, "duplicate Data"},
		{"interleaved", append(append(append([]byte{}, link...), 0x0a, 0x00), link...), "contiguous"},
		{"link without hash", appendBytes(nil, 0x12, []byte{0x12, 0x00}), "no Hash"},
		{"link fields out of order", appendBytes(nil, 0x12, append([]byte{0x12, 0x00}, appendBytes(nil, 0x0a, c1.Bytes())...)), "out of order"},
		{"bad cid", appendBytes(nil, 0x12, appendBytes(nil, 0x0a, []byte{1, 2, 3})), "not a CID"},
		{"cid trailing bytes", appendBytes(nil, 0x12, appendBytes(nil, 0x0a, append(c1.Bytes(), 0))), "not a CID"},
		{"bad utf8 name", appendBytes(nil, 0x12, append(appendBytes(nil, 0x0a, c1.Bytes()), 0x12, 1, 0xff)), "UTF-8"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Decode(tc.block)
			if err == nil || !errors.Is(err, ErrMalformed) || !bytes.Contains([]byte(err.Error()), []byte(tc.want)) {
				t.Fatalf("Decode(%x) = %v, want error containing %q", tc.block, err, tc.want)
			}
		})
	}
}

func TestDecodeUnixFS(t *testing.T) {
	// Internal file node: Type=File, filesize=10, blocksizes 4 and 6, both
	// unpacked (as Kubo writes) and packed (as protobuf allows).
	unpacked := []byte{0x08, 0x02, 0x18, 0x0a, 0x20, 0x04, 0x20, 0x06}
	packed := []byte{0x08, 0x02, 0x18, 0x0a, 0x22, 0x02, 0x04, 0x06}
	for _, b := range [][]byte{unpacked, packed} {
		u, err := DecodeUnixFS(b)
		if err != nil {
			t.Fatal(err)
		}
		if u.Type != TypeFile || u.FileSize != 10 || len(u.BlockSizes) != 2 || u.BlockSizes[1] != 6 {
			t.Fatalf("got %+v", u)
		}
	}
	for _, tc := range []struct {
		name string
		b    []byte
		want string
	}{
		{"missing type", []byte{0x18, 0x01}, "Type is missing"},
		{"unknown type", []byte{0x08, 0x09}, "unknown UnixFS Type"},
		{"duplicate", []byte{0x08, 0x02, 0x08, 0x02}, "duplicate field 1"},
		{"unknown field", []byte{0x08, 0x02, 0x48, 0x01}, "unexpected UnixFS field 9"},
		{"mode overflow", []byte{0x08, 0x02, 0x38, 0x80, 0x80, 0x80, 0x80, 0x10}, "32 bits"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := DecodeUnixFS(tc.b); err == nil || !bytes.Contains([]byte(err.Error()), []byte(tc.want)) {
				t.Fatalf("got %v, want %q", err, tc.want)
			}
		})
	}
}

func FuzzDecode(f *testing.F) {
	c1 := cid.MustParse("bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku")
	f.Add(emptyDir)
	f.Add(fileLeaf)
	f.Add(AppendNode(nil, []Link{{Hash: c1, Name: "x", Tsize: 3}}, []byte{0x08, 0x02, 0x18, 0x03, 0x20, 0x03}))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		n, err := Decode(b)
		if err != nil {
			if !errors.Is(err, ErrMalformed) {
				t.Fatalf("error does not match ErrMalformed: %v", err)
			}
			return
		}
		// A decoded node re-encodes (links-first) to a block that decodes
		// to the same node.
		re := AppendNode(nil, n.Links, map[bool][]byte{true: n.Data}[n.HasData])
		n2, err := Decode(re)
		if err != nil {
			t.Fatalf("re-encoded node does not decode: %v", err)
		}
		if len(n2.Links) != len(n.Links) || !bytes.Equal(n2.Data, n.Data) {
			t.Fatalf("round trip changed the node")
		}
		if n.HasData {
			_, _ = DecodeUnixFS(n.Data)
		}
	})
}

func FuzzDecodeUnixFS(f *testing.F) {
	f.Add([]byte{0x08, 0x02, 0x18, 0x0a, 0x20, 0x04, 0x20, 0x06})
	f.Add([]byte{0x08, 0x05, 0x12, 0x01, 0xff, 0x28, 0x22, 0x30, 0x80, 0x02})
	f.Fuzz(func(t *testing.T, b []byte) {
		if _, err := DecodeUnixFS(b); err != nil && !errors.Is(err, ErrMalformed) {
			t.Fatalf("error does not match ErrMalformed: %v", err)
		}
	})
}
