package royalty

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
)

// graphJSONSeeds are inputs on which graphParser must agree with
// encoding/json, including its corners: nulls, escapes, key case,
// percentage and integer shares, invalid UTF-8.
var graphJSONSeeds = []string{
	exampleGraphJSON,
	`{}`,
	`{"nodes":null}`,
	`{"nodes":[]}`,
	`{"nodes":[null,{"id":null,"parents":null,"contributors":[null]}]}`,
	`{"Nodes":[{"ID":"a","POLICY":"relative","Parents":[{"Id":"b","Share":"2.5%"}]}]}`,
	`{"nodes":[{"id":"\u0061\n\"x\"","parents":[{"id":"\ud83d\ude00","share":"10%"}]}]}`,
	"{\"nodes\":[{\"id\":\"caf\xc3\xa9 \xff\"}]}",
	` { "nodes" : [ { "id" : "a" , "contributors" : [ { "id" : "ed25519:x" , "share" : 100000000 , "role" : "data" } ] } ] } `,
	`{"nodes":[{"id":"a","parents":[{"id":"b","share":"100%"},{"id":"c","share":0}]}]}`,
	`{"nodes":[{"id":"a","parents":[{"id":"b","share":-0}]}]}`,
	`{"nodes":[{"id":"a","parents":[{"id":"b","share":18446744073709551616}]}]}`,
	`{"nodes":[{"id":"a","parents":[{"id":"b","share":1e3}]}]}`,
	`{"nodes":[{"id":"a","id":"b"}]}`,
	`{"nodes":[{"id":"a","parents":[{"id":"b","share":1}],"parents":[{"id":"c"}]}]}`,
	`{"nodes":[{"id":5}]}`,
	`{"nodes":[{"id":"a","policy":true}]}`,
	`{"nodes":{}}`,
	`{"nodes":[]}]`,
	`null`,
	`{"nodes":[{"id":"a"}]} x`,
}

// FuzzGraphParser checks graphParser against encoding/json: what it
// accepts, encoding/json accepts too, with the same nodes. It may be
// stricter (repeated keys, data after the top-level object, a top-level
// null), never more lenient.
func FuzzGraphParser(f *testing.F) {
	for _, s := range graphJSONSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := parseGraphJSON(data)
		if err != nil {
			return
		}
		want, werr := readGraphNodesJSON(data)
		if werr != nil {
			t.Fatalf("graphParser accepts what encoding/json rejects (%v): %q", werr, data)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%q:\ngraphParser  %+v\nencoding/json %+v", data, got, want)
		}
	})
}

// TestGraphParserAgrees runs the seeds and random documented-format graphs
// (encoded by encoding/json) through both decoders: both accept or both
// reject, and accepted graphs decode the same.
func TestGraphParserAgrees(t *testing.T) {
	stricter := map[string]bool{ // rejected here, accepted by encoding/json
		`{"nodes":[{"id":"a","id":"b"}]}`:                                                true,
		`{"nodes":[{"id":"a","parents":[{"id":"b","share":1}],"parents":[{"id":"c"}]}]}`: true,
		`{"nodes":[]}]`: true,
		`null`:          true,
	}
	inputs := slicesClone(graphJSONSeeds)
	r := rand.New(rand.NewPCG(7, 7))
	for range 50 {
		inputs = append(inputs, string(randomGraphJSON(r, 1+r.IntN(30))))
	}
	for _, in := range inputs {
		got, err := parseGraphJSON([]byte(in))
		want, werr := readGraphNodesJSON([]byte(in))
		switch {
		case stricter[in]:
			if err == nil || werr != nil {
				t.Errorf("%s: graphParser %v, encoding/json %v; want only graphParser to reject", in, err, werr)
			}
		case (err == nil) != (werr == nil):
			t.Errorf("%s: graphParser %v, encoding/json %v", in, err, werr)
		case err == nil && !reflect.DeepEqual(got, want):
			t.Errorf("%s:\ngraphParser  %+v\nencoding/json %+v", in, got, want)
		}
	}
}

func slicesClone(s []string) []string { return append([]string(nil), s...) }

// randomGraphJSON writes a graph of n nodes in the documented format,
// shares as integers or percentage strings, with encoding/json.
func randomGraphJSON(r *rand.Rand, n int) []byte {
	type obj = map[string]any
	share := func() any {
		if r.IntN(2) == 0 {
			return r.Uint64N(shareWhole / 4)
		}
		return fmt.Sprintf("%d.%d%%", r.IntN(25), r.IntN(1000))
	}
	var nodes []any
	for i := range n {
		node := obj{"id": fmt.Sprintf("n%d é\t\"%d\"", i, i)}
		if r.IntN(3) == 0 {
			node["policy"] = []string{"relative", "absolute"}[r.IntN(2)]
		}
		var parents []any
		for k := i + 1; k < n && len(parents) < 3; k += 1 + r.IntN(3) {
			parents = append(parents, obj{"id": fmt.Sprintf("n%d é\t\"%d\"", k, k), "share": share()})
		}
		if len(parents) > 0 || r.IntN(2) == 0 {
			node["parents"] = parents
		}
		node["contributors"] = []any{obj{"id": fmt.Sprintf("0x%040x", r.Uint64()), "share": "100%", "role": "weights"}}
		nodes = append(nodes, node)
	}
	b, err := json.Marshal(obj{"nodes": nodes})
	if err != nil {
		panic(err)
	}
	return b
}

// BenchmarkReadGraph decodes benchGraph's 1,000,000 nodes (and 10k, 100k)
// written as JSON, with graphParser (ReadGraphNodes) and, in the same run,
// with the encoding/json decoder it replaced.
func BenchmarkReadGraph(b *testing.B) {
	for _, n := range benchSizes {
		data := benchGraphJSON(n)
		for _, dec := range []struct {
			name string
			f    func([]byte) ([]Node, error)
		}{{"parser", parseGraphJSON}, {"encoding-json", readGraphNodesJSON}} {
			b.Run(fmt.Sprintf("%s/nodes=%d", dec.name, n), func(b *testing.B) {
				b.SetBytes(int64(len(data)))
				for b.Loop() {
					if _, err := dec.f(data); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

func benchGraphJSON(n int) []byte {
	var buf bytes.Buffer
	buf.WriteString(`{"nodes": [`)
	for i, nd := range benchGraph(n, Relative) {
		if i > 0 {
			buf.WriteString(",\n")
		}
		fmt.Fprintf(&buf, `{"id": %q, "policy": "relative", "parents": [`, nd.ID)
		for k, e := range nd.Parents {
			if k > 0 {
				buf.WriteString(", ")
			}
			fmt.Fprintf(&buf, `{"id": %q, "share": "%d%%"}`, e.Parent, e.Share/(shareWhole/100))
		}
		buf.WriteString(`], "contributors": [`)
		for k, c := range nd.Contributors {
			if k > 0 {
				buf.WriteString(", ")
			}
			fmt.Fprintf(&buf, `{"id": %q, "share": %d}`, c.ID, c.Share)
		}
		buf.WriteString("]}")
	}
	buf.WriteString("]}\n")
	return buf.Bytes()
}
