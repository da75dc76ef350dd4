package provenance

import (
	"encoding/hex"
	"encoding/json"
	"strings"
	"testing"

	"github.com/aiprov/aiprov/internal/testtools"
)

// TestManifestAgreesWithJS has @ipld/dag-json and @ipld/dag-cbor (with
// multiformats' sha256) re-encode each manifest: JS must produce our
// DAG-CBOR bytes from our DAG-JSON, our DAG-JSON from our DAG-CBOR, and the
// same CID.
func TestManifestAgreesWithJS(t *testing.T) {
	type doc struct {
		CBOR string `json:"cbor"`
		JSON string `json:"json"`
		CID  string `json:"cid"`
	}
	var in []doc
	for _, m := range append(variedManifests(), randomManifests(200)...) {
		cb, err := m.MarshalCBOR()
		if err != nil {
			t.Fatal(err)
		}
		js, _ := m.MarshalJSON()
		// cborg decodes strings with TextDecoder, which drops a leading
		// U+FEFF: a string starting with one does not survive the JS
		// round trip (Kubo keeps it; see TestManifestCIDMatchesKubo).
		if strings.Contains(string(js), "\"\ufeff") {
			continue
		}
		id, _ := m.CID()
		in = append(in, doc{hex.EncodeToString(cb), string(js), id.String()})
	}
	stdin, _ := json.Marshal(in)
	out := testtools.RunNode(t, `
import * as dagCbor from '@ipld/dag-cbor'
import * as dagJson from '@ipld/dag-json'
import { CID } from 'multiformats/cid'
import { sha256 } from 'multiformats/hashes/sha2'
const chunks = []
for await (const c of process.stdin) chunks.push(c)
const docs = JSON.parse(Buffer.concat(chunks).toString())
const out = []
for (const { cbor, json } of docs) {
  const bytes = dagCbor.encode(dagJson.decode(new TextEncoder().encode(json)))
  const cid = CID.create(1, dagCbor.code, await sha256.digest(bytes))
  out.push({
    cbor: Buffer.from(bytes).toString('hex'),
    json: new TextDecoder().decode(dagJson.encode(dagCbor.decode(Buffer.from(cbor, 'hex')))),
    cid: cid.toString(),
  })
}
process.stdout.write(JSON.stringify(out))
`, stdin)
	var got []doc
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("node output: %v\n%.500s", err, out)
	}
	if len(got) != len(in) {
		t.Fatalf("node returned %d documents for %d", len(got), len(in))
	}
	for i := range in {
		if got[i].CID != in[i].CID {
			t.Errorf("manifest %d: JS CID %s, ours %s", i, got[i].CID, in[i].CID)
		}
		if got[i].CBOR != in[i].CBOR {
			t.Errorf("manifest %d: @ipld/dag-cbor bytes differ", i)
		}
		if got[i].JSON != in[i].JSON {
			t.Errorf("manifest %d: @ipld/dag-json wrote\n%.300s\nwe wrote\n%.300s", i, got[i].JSON, in[i].JSON)
		}
	}
}
