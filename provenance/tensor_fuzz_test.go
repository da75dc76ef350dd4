package provenance

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"testing"

	"github.com/aiprov/aiprov/internal/ipld"
)

// fuzzTensorLayout reads data as a weight file of format, whole with its
// size known and in two pieces with the size unknown. A layout both
// readers accept must lie inside the file without overlaps, and digest
// what it says; errors must be TensorHeaderErrors, and the same either way.
func fuzzTensorLayout(t *testing.T, format string, data []byte, split uint16) {
	lim := &TensorLimits{MaxHeaderSize: 1 << 20, MaxTensors: 1000}
	whole, err1 := ReadTensorLayout(context.Background(), bytes.NewReader(data), format, int64(len(data)), lim)
	tr := newTensorTracker(format, -1, lim)
	cut := int(split) % (len(data) + 1)
	var err2 error
	if _, err2 = tr.Write(data[:cut]); err2 == nil {
		if _, err2 = tr.Write(data[cut:]); err2 == nil {
			var l *TensorLayout
			if l, err2 = tr.finish(); err2 == nil && err1 == nil && !equalLayouts(whole, l) {
				t.Fatalf("layouts differ between one read and two pieces")
			}
		}
	}
	if (err1 == nil) != (err2 == nil) {
		t.Fatalf("size known: %v; size unknown, in two pieces: %v", err1, err2)
	}
	for _, err := range []error{err1, err2} {
		if err != nil && !errors.Is(err, ErrMalformedTensors) {
			t.Fatalf("error is not ErrMalformedTensors: %v", err)
		}
	}
	if err1 != nil {
		return
	}
	var end uint64
	for _, tn := range whole.Tensors {
		if tn.Offset < end {
			t.Fatalf("%q overlaps the tensor before it", tn.Name)
		}
		end = tn.Offset + tn.Size
	}
	checkDigests(t, data, whole)
}

func FuzzSafetensorsLayout(f *testing.F) {
	f.Add(writeSafetensors(allSafetensorsTensors(), map[string]string{"format": "pt"}), uint16(20))
	f.Add(writeSafetensors([]testTensor{{name: "a", dtype: "F4", shape: []uint64{2, 3}}}, nil), uint16(9))
	f.Add(append(binary.LittleEndian.AppendUint64(nil, 2), "{}"...), uint16(3))
	f.Add(append(binary.LittleEndian.AppendUint64(nil, 60), `{"a":{"dtype":"U8","shape":[2],"data_offsets":[0,2]}}`...), uint16(0))
	f.Fuzz(func(t *testing.T, data []byte, split uint16) {
		fuzzTensorLayout(t, TensorFormatSafetensors, data, split)
	})
}

func FuzzGGUFLayout(f *testing.F) {
	f.Add(writeGGUF(3, 0, testGGUFMetadata(), allGGUFTensors()[:6]), uint16(100))
	f.Add(writeGGUF(2, 64, nil, []testTensor{{name: "w", dtype: "Q4_K", shape: []uint64{256}}}), uint16(7))
	f.Add([]byte("GGUF\x03\x00\x00\x00"), uint16(4))
	f.Fuzz(func(t *testing.T, data []byte, split uint16) {
		fuzzTensorLayout(t, TensorFormatGGUF, data, split)
	})
}

// FuzzDecodeTensorPage: a page of a paged tensor index comes from whoever
// wrote the manifest. DecodeTensorPage must refuse what is not canonical:
// a page it accepts re-encodes to the same bytes.
func FuzzDecodeTensorPage(f *testing.F) {
	// A small page as ManifestTensorsOf writes them (its pages hold
	// hundreds of tensors: too large a seed to mutate quickly).
	var list []any
	for _, tn := range tensorIndexOf(3).Files[0].Tensors {
		list = append(list, tensorNode(tn))
	}
	seed, err := ipld.EncodeCBOR(list)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Add([]byte{0x80})                                       // an empty list
	f.Add([]byte{0x81, 0xa1, 0x64, 'n', 'a', 'm', 'e', 0x60}) // a tensor without most fields
	f.Fuzz(func(t *testing.T, data []byte) {
		ts, err := DecodeTensorPage(data)
		if err != nil {
			if !errors.Is(err, ErrMalformedManifest) {
				t.Fatalf("error is not ErrMalformedManifest: %v", err)
			}
			return
		}
		list := make([]any, len(ts))
		for i, tn := range ts {
			list[i] = tensorNode(tn)
		}
		again, err := ipld.EncodeCBOR(list)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(again, data) {
			t.Fatalf("accepted a page that re-encodes differently")
		}
	})
}
