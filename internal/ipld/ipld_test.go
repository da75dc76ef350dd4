package ipld

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/aiprov/aiprov/internal/testtools"
	"github.com/ipfs/go-cid"
)

func mustCID(s string) cid.Cid {
	c, err := cid.Decode(s)
	if err != nil {
		panic(err)
	}
	return c
}

// samples covers every kind of the data model and the CBOR head sizes.
func samples() []any {
	return []any{
		nil, true, false, int64(0), int64(-1), int64(23), int64(24), int64(255), int64(256), int64(65535),
		int64(65536), int64(math.MaxUint32), int64(math.MaxUint32 + 1), int64(math.MaxInt64), int64(math.MinInt64),
		1.5, -0.25, "", "a", "日本語 🚀", "esc \" \\ \n \t \x01 \x1f \x7f \u2028", strings.Repeat("x", 300),
		[]byte{}, []byte{0, 1, 255}, mustCID("bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku"),
		mustCID("QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH"),
		[]any{}, []any{int64(1), []any{"two", map[string]any{}}},
		map[string]any{"bb": int64(1), "a": int64(2), "é": nil, "aaa": []any{}, "": "empty", "A": true, "~": []byte{9}},
	}
}

func TestRoundTrip(t *testing.T) {
	for _, v := range samples() {
		cb, err := EncodeCBOR(v)
		if err != nil {
			t.Fatalf("EncodeCBOR(%#v): %v", v, err)
		}
		got, err := DecodeCBOR(cb, DefaultLimits())
		if err != nil {
			t.Fatalf("DecodeCBOR(%x): %v", cb, err)
		}
		if !equal(got, v) {
			t.Errorf("CBOR round trip of %#v gave %#v", v, got)
		}
		js, err := EncodeJSON(v)
		if err != nil {
			t.Fatalf("EncodeJSON(%#v): %v", v, err)
		}
		got, err = DecodeJSON(js, DefaultLimits())
		if err != nil {
			t.Fatalf("DecodeJSON(%s): %v", js, err)
		}
		if !equal(got, v) {
			t.Errorf("JSON round trip of %#v gave %#v (%s)", v, got, js)
		}
	}
}

func equal(a, b any) bool {
	if ca, ok := a.(cid.Cid); ok {
		cb, ok := b.(cid.Cid)
		return ok && ca.Equals(cb)
	}
	switch a := a.(type) {
	case []any:
		b, ok := b.([]any)
		if !ok || len(a) != len(b) {
			return false
		}
		for i := range a {
			if !equal(a[i], b[i]) {
				return false
			}
		}
		return true
	case map[string]any:
		b, ok := b.(map[string]any)
		if !ok || len(a) != len(b) {
			return false
		}
		for k := range a {
			if !equal(a[k], b[k]) {
				return false
			}
		}
		return true
	case []byte:
		bb, ok := b.([]byte)
		return ok && bytes.Equal(a, bb)
	}
	return reflect.DeepEqual(a, b)
}

func TestDecodeCBORRefuses(t *testing.T) {
	tests := []struct {
		hex      string
		wantErr  error
		wantPath string
		wantOff  int64
	}{
		{"1817", ErrNotCanonical, "", 0},               // 23 in two bytes
		{"190017", ErrNotCanonical, "", 0},             // 23 in three bytes
		{"1b00000000ffffffff", ErrNotCanonical, "", 0}, // 32-bit value in 8 bytes
		{"1b8000000000000000", ErrUnsupported, "", 0},  // 2^63
		{"3b8000000000000000", ErrUnsupported, "", 0},  // -2^63-1
		{"9f01ff", ErrNotCanonical, "", 0},             // indefinite list
		{"bf6161 01ff", ErrNotCanonical, "", 0},        // indefinite map
		{"a2616201616101", ErrNotCanonical, "", 4},     // keys out of order
		{"a2616101616102", ErrSyntax, "", 4},           // duplicate key
		{"a2626161016162 01", ErrNotCanonical, "", 5},  // longer key first
		{"a10101", ErrUnsupported, "", 1},              // integer key
		{"f93c00", ErrNotCanonical, "", 0},             // float16
		{"fa3fc00000", ErrNotCanonical, "", 0},         // float32
		{"fb7ff8000000000000", ErrUnsupported, "", 0},  // NaN
		{"f7", ErrUnsupported, "", 0},                  // undefined
		{"c11a00000000", ErrUnsupported, "", 0},        // tag 1
		{"d82a4401551200", ErrSyntax, "", 2},           // CID without 0x00 prefix
		{"d82a450001551220", ErrSyntax, "", 2},         // truncated CID
		{"6161ff", ErrSyntax, "", 2},                   // trailing byte
		{"62c328", ErrSyntax, "", 0},                   // invalid UTF-8
		{"8201", ErrSyntax, "", 0},                     // list runs short
		{"9bffffffffffffffff", ErrLimit, "", 0},        // absurd length, no allocation
		{"a16178 a2617901", ErrSyntax, "x", 7},         // map runs short
		{"1c", ErrSyntax, "", 0},                       // reserved info
	}
	for _, tt := range tests {
		data, err := hex.DecodeString(strings.ReplaceAll(tt.hex, " ", ""))
		if err != nil {
			t.Fatal(err)
		}
		_, err = DecodeCBOR(data, DefaultLimits())
		var e *Error
		if !errors.As(err, &e) || !errors.Is(err, tt.wantErr) || e.Path != tt.wantPath || e.Offset != tt.wantOff {
			t.Errorf("DecodeCBOR(%s) = %v; want %v at path %q, offset %d", tt.hex, err, tt.wantErr, tt.wantPath, tt.wantOff)
		}
	}
}

func TestDecodeJSONRefuses(t *testing.T) {
	tests := []struct {
		in       string
		wantErr  error
		wantPath string
	}{
		{`{"a":1,"a":2}`, ErrSyntax, ""},
		{`{"a":[1,2,01]}`, ErrSyntax, "a[2]"},
		{`{"a":1}x`, ErrSyntax, ""},
		{`{"a":9223372036854775808}`, ErrUnsupported, "a"},
		{`{"a":1e400}`, ErrUnsupported, "a"},
		{`"\ud800"`, ErrUnsupported, ""},
		{"\"a\x01\"", ErrSyntax, ""},
		{`{"/":"bafy"}`, ErrSyntax, ""},
		{`{"/":"bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku","x":1}`, ErrUnsupported, ""},
		{`{"/":{"bytes":"AQ=="}}`, ErrSyntax, ""},
		{`{"/":{"bytes":"AQ","x":1}}`, ErrUnsupported, ""},
		{`{"/":1}`, ErrUnsupported, ""},
		{`{"l":{"/":"zdj7WWeQ43G6JJvLWQWZpyHuAMq6uYWRjkBXFad11vE2LHhQ7"}}`, ErrNotCanonical, "l"},
		{`[1,]`, ErrSyntax, "[1]"},
		{`{"a" 1}`, ErrSyntax, ""},
		{`tru`, ErrSyntax, ""},
		{`"\x"`, ErrSyntax, ""},
		{strings.Repeat("[", 100) + strings.Repeat("]", 100), ErrLimit, strings.Repeat("[0]", 64)},
	}
	for _, tt := range tests {
		_, err := DecodeJSON([]byte(tt.in), DefaultLimits())
		var e *Error
		if !errors.As(err, &e) || !errors.Is(err, tt.wantErr) || e.Path != tt.wantPath {
			t.Errorf("DecodeJSON(%.40s) = %v; want %v at path %q", tt.in, err, tt.wantErr, tt.wantPath)
		}
	}
}

func TestLimits(t *testing.T) {
	lim := Limits{MaxSize: 100, MaxDepth: 2, MaxListLen: 3, MaxStringLen: 4}
	for _, tt := range []struct{ v any }{
		{[]any{int64(1), int64(2), int64(3), int64(4)}},
		{"hello"},
		{[]any{[]any{[]any{}}}},
		{map[string]any{"a": int64(1), "b": int64(1), "c": int64(1), "d": int64(1)}},
		{strings.Repeat("x", 101)},
	} {
		cb, _ := EncodeCBOR(tt.v)
		if _, err := DecodeCBOR(cb, lim); !errors.Is(err, ErrLimit) {
			t.Errorf("DecodeCBOR(%#v) = %v; want ErrLimit", tt.v, err)
		}
		js, _ := EncodeJSON(tt.v)
		if _, err := DecodeJSON(js, lim); !errors.Is(err, ErrLimit) {
			t.Errorf("DecodeJSON(%s) = %v; want ErrLimit", js, err)
		}
	}
}

// TestAgreesWithJS checks both encodings byte for byte against
// @ipld/dag-cbor and @ipld/dag-json: JS decodes our DAG-JSON and encodes it
// as DAG-CBOR, and decodes our DAG-CBOR and encodes it as DAG-JSON.
func TestAgreesWithJS(t *testing.T) {
	type pair struct {
		CBOR string `json:"cbor"`
		JSON string `json:"json"`
	}
	var in []pair
	for _, v := range samples() {
		cb, err := EncodeCBOR(v)
		if err != nil {
			t.Fatal(err)
		}
		js, err := EncodeJSON(v)
		if err != nil {
			t.Fatal(err)
		}
		in = append(in, pair{hex.EncodeToString(cb), string(js)})
	}
	stdin, _ := json.Marshal(in)
	out := testtools.RunNode(t, `
import * as dagCbor from '@ipld/dag-cbor'
import * as dagJson from '@ipld/dag-json'
const chunks = []
for await (const c of process.stdin) chunks.push(c)
const pairs = JSON.parse(Buffer.concat(chunks).toString())
const out = pairs.map(({cbor, json}) => ({
  cbor: Buffer.from(dagCbor.encode(dagJson.decode(new TextEncoder().encode(json)))).toString('hex'),
  json: new TextDecoder().decode(dagJson.encode(dagCbor.decode(Buffer.from(cbor, 'hex')))),
}))
process.stdout.write(JSON.stringify(out))
`, stdin)
	var got []pair
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("node output: %v\n%s", err, out)
	}
	for i := range in {
		if got[i].CBOR != in[i].CBOR {
			t.Errorf("sample %d: @ipld/dag-cbor wrote %s, we wrote %s", i, got[i].CBOR, in[i].CBOR)
		}
		if got[i].JSON != in[i].JSON {
			t.Errorf("sample %d: @ipld/dag-json wrote %s, we wrote %s", i, got[i].JSON, in[i].JSON)
		}
	}
}

func FuzzDecodeCBOR(f *testing.F) {
	for _, v := range samples() {
		b, _ := EncodeCBOR(v)
		f.Add(b)
	}
	f.Add([]byte{0x9f, 0x01, 0xff})
	f.Fuzz(func(t *testing.T, data []byte) {
		v, err := DecodeCBOR(data, DefaultLimits())
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %v is not an *Error", err)
			}
			return
		}
		// Whatever the strict decoder accepts is canonical.
		again, err := EncodeCBOR(v)
		if err != nil {
			t.Fatalf("re-encoding an accepted document: %v", err)
		}
		if !bytes.Equal(again, data) {
			t.Fatalf("accepted non-canonical %x (canonical %x)", data, again)
		}
		js, err := EncodeJSON(v)
		if err != nil {
			if errors.Is(err, ErrUnsupported) {
				return // maps with the key "/" have no DAG-JSON form
			}
			t.Fatal(err)
		}
		back, err := DecodeJSON(js, DefaultLimits())
		if err != nil || !equal(back, v) {
			t.Fatalf("DAG-JSON round trip of %x: %v", data, err)
		}
	})
}

func FuzzDecodeJSON(f *testing.F) {
	for _, v := range samples() {
		b, _ := EncodeJSON(v)
		f.Add(b)
	}
	f.Add([]byte(` { "a" : [ 1 , -2.5e3, "\u00e9\ud83d\ude80" ] } `))
	f.Fuzz(func(t *testing.T, data []byte) {
		v, err := DecodeJSON(data, DefaultLimits())
		if err != nil {
			return
		}
		cb, err := EncodeCBOR(v)
		if err != nil {
			t.Fatalf("EncodeCBOR of accepted JSON: %v", err)
		}
		back, err := DecodeCBOR(cb, DefaultLimits())
		if err != nil || !equal(back, v) {
			t.Fatalf("CBOR round trip: %v", err)
		}
	})
}
