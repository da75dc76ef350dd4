package ipld

import (
	"bytes"
	"encoding/base32"
	"testing"

	"github.com/ipfs/go-cid"
)

// transcodeLimits exercise every limit of JSONToCBOR: the defaults, small
// ones that fuzzing reaches, and none at all.
var transcodeLimits = []Limits{
	DefaultLimits(),
	{MaxSize: 200, MaxDepth: 3, MaxListLen: 3, MaxStringLen: 8},
	{},
}

// slowJSONToCBOR is what JSONToCBOR must equal: decode, then encode.
func slowJSONToCBOR(data []byte, lim Limits) ([]byte, error) {
	v, err := DecodeJSON(data, lim)
	if err != nil {
		return nil, err
	}
	return EncodeCBOR(v)
}

func TestJSONToCBOR(t *testing.T) {
	tests := []struct {
		in string
		ok bool
	}{
		{`{"b":1,"a":2,"aa":[true,false,null],"/x":"y"}`, true},
		{` { "z" : { "y" : { "x" : -1 } } , "a" : 1.5 } `, true},
		{`{"a":{"/":"bafkqaaa"}}`, true},
		{`{"a":{"/":{"bytes":"AAEC"}}}`, true},
		{`{"a":{"/":{"bytes":"AA\nEC"}}}`, true}, // base64 decoders skip newlines
		{`{"a":{"/":"bafkqaaa","b":1}}`, false},
		{`{"b":1,"/":"bafkqaaa"}`, false},
		{`{"a":{"/":"BAFKQAAA"}}`, false}, // not the canonical CID string
		{`{"a":{"/":{"bytes":"AA=="}}}`, false},
		{`{"a":{"/":{"bytes":"AA","x":1}}}`, false},
		{`{"a":{"/":[]}}`, false},
		{`{"a":1,"a":2}`, false},
		{`{"a":1,"b":2,"a":3}`, false},
		{`{"\u0061":1,"a":2}`, false},
		{`"\ud800"`, false},
		{`"\ud83d\ude80 é"`, true},
		{`01`, false},
		{`-0`, true},
		{`9223372036854775807`, true},
		{`9223372036854775808`, false},
		{`-9223372036854775808`, true},
		{`1e999`, false},
		{`[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25]`, true},
		{`{"a":1} x`, false},
	}
	// 30 keys out of order, for a map head longer than one byte.
	var big bytes.Buffer
	big.WriteString("{")
	for i := 29; i >= 0; i-- {
		big.WriteString(`"k` + string(rune('a'+i%26)) + string(rune('a'+i/26)) + `":` + string(rune('0'+i%10)))
		if i > 0 {
			big.WriteString(",")
		}
	}
	big.WriteString("}")
	tests = append(tests, struct {
		in string
		ok bool
	}{big.String(), true})
	for _, tt := range tests {
		got, err := JSONToCBOR(nil, []byte(tt.in), DefaultLimits())
		want, werr := slowJSONToCBOR([]byte(tt.in), DefaultLimits())
		if (err == nil) != tt.ok || (werr == nil) != tt.ok {
			t.Errorf("%s: JSONToCBOR error %v, DecodeJSON+EncodeCBOR error %v; want ok=%v", tt.in, err, werr, tt.ok)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s:\n got %x\nwant %x", tt.in, got, want)
		}
	}
}

// FuzzJSONToCBOR holds the one-pass transcoder to the two-step path it
// replaces: the same documents accepted, the same bytes written.
func FuzzJSONToCBOR(f *testing.F) {
	for _, v := range samples() {
		b, _ := EncodeJSON(v)
		f.Add(b, uint8(0))
	}
	f.Add([]byte(` { "a" : [ 1 , -2.5e3, "\u00e9\ud83d\ude80" ] } `), uint8(0))
	f.Add([]byte(`{"b":{"/":"bafkqaaa"},"a":{"/":{"bytes":"AAEC"}},"ab":[[[1]]]}`), uint8(1))
	f.Add([]byte(`{"zz":1,"a":{"y":2,"x":"\n"}}`), uint8(2))
	f.Fuzz(func(t *testing.T, data []byte, which uint8) {
		lim := transcodeLimits[int(which)%len(transcodeLimits)]
		want, werr := slowJSONToCBOR(data, lim)
		got, err := JSONToCBOR([]byte("prefix"), data, lim)
		if (err == nil) != (werr == nil) {
			t.Fatalf("JSONToCBOR error %v, DecodeJSON+EncodeCBOR error %v", err, werr)
		}
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("error %v is not an *Error", err)
			}
			if _, derr := DecodeJSON(data, lim); derr != nil && err.Error() != derr.Error() {
				t.Fatalf("error %q, DecodeJSON's %q", err, derr)
			}
			return
		}
		if !bytes.Equal(got[len("prefix"):], want) || !bytes.HasPrefix(got, []byte("prefix")) {
			t.Fatalf("got %x\nwant prefix+%x", got, want)
		}
	})
}

func BenchmarkJSONToCBOR(b *testing.B) {
	js, _ := EncodeJSON(samples()[len(samples())-1])
	b.Run("one-pass", func(b *testing.B) {
		var buf []byte
		for b.Loop() {
			var err error
			if buf, err = JSONToCBOR(buf[:0], js, DefaultLimits()); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("decode-encode", func(b *testing.B) {
		for b.Loop() {
			if _, err := slowJSONToCBOR(js, DefaultLimits()); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// TestCanonicalCIDv1: the allocation-free check agrees with cid.Decode and
// String on canonical strings, and declines everything else.
func TestCanonicalCIDv1(t *testing.T) {
	for _, s := range []string{
		"bafkqaaa", // identity multihash of nothing
		"bafyreihq4mg3hxko2kcmi3gig57kla3tvxarbhvhxtb6ry4ofhadhwx52i",
		"bafkreiegrmujpanfrjgccrzml3rclp7femxmz3sogac6yqueam2nma7dhy",
	} {
		c, err := cid.Decode(s)
		if err != nil || c.String() != s {
			t.Fatalf("%s: not a canonical CID string (%v)", s, err)
		}
		b, ok := canonicalCIDv1(nil, []byte(s))
		if !ok || !bytes.Equal(b, c.Bytes()) {
			t.Errorf("%s: canonicalCIDv1 = %x, %v; want %x", s, b, ok, c.Bytes())
		}
	}
	for _, s := range []string{
		"",
		"b",
		"QmY7Yh4UquoXHLPFo2XbhXkhBvFoPwmQUSa92pxnxjQuPU", // CIDv0: base58btc
		"BAFKQAAA", // upper case
		"bafkqaab", // stray trailing bits
		"bafkqaa",  // length ≡ 7 mod 8 cut short
		"bafyreihq4mg3hxko2kcmi3gig57kla3tvxarbhvhxtb6ry4ofhadhwx5",    // truncated digest
		"bafyreihq4mg3hxko2kcmi3gig57kla3tvxarbhvhxtb6ry4ofhadhwx52ia", // extra byte
		v0InBase32(t), // CIDv0 bytes, which print as base58btc
	} {
		if b, ok := canonicalCIDv1(nil, []byte(s)); ok {
			t.Errorf("%q: accepted as %x", s, b)
		}
	}
}

func v0InBase32(t *testing.T) string {
	c, err := cid.Decode("QmY7Yh4UquoXHLPFo2XbhXkhBvFoPwmQUSa92pxnxjQuPU")
	if err != nil {
		t.Fatal(err)
	}
	return "b" + base32.NewEncoding("abcdefghijklmnopqrstuvwxyz234567").WithPadding(base32.NoPadding).EncodeToString(c.Bytes())
}
