package provenance

import (
	"time"

	"github.com/ipfs/go-cid"
)

// ManifestSchema is the schema identifier written in every manifest this
// version of the library produces.
const ManifestSchema = "aiprov/manifest/v1"

// ShareWhole is 100% in the share unit used throughout aiprov: shares are
// integers in parts per hundred million, Story Protocol's unit, so that a
// percentage with up to six decimals ("2.5%", "0.000001%") is exact.
const ShareWhole = 100_000_000

// Kind says what an artifact is.
type Kind string

const (
	KindModel   Kind = "model"
	KindDataset Kind = "dataset"
	KindCode    Kind = "code"
	KindConfig  Kind = "config"
	KindOther   Kind = "other"
)

// Relation says how an artifact was derived from a parent. The first four are
// Hugging Face's base_model_relation values.
type Relation string

const (
	RelationFinetune    Relation = "finetune"
	RelationAdapter     Relation = "adapter"
	RelationMerge       Relation = "merge"
	RelationQuantized   Relation = "quantized"
	RelationDistilled   Relation = "distilled"
	RelationTrainedOn   Relation = "trained-on"
	RelationEvaluatedOn Relation = "evaluated-on"
	RelationCode        Relation = "code"
	RelationOther       Relation = "other"
)

// RoyaltyPolicy names how royalties flow up a lineage; see package royalty.
type RoyaltyPolicy string

const (
	// PolicyAbsolute is Story Protocol's LAP: an ancestor receives, summed
	// over every path, the share on the last edge into it.
	PolicyAbsolute RoyaltyPolicy = "absolute"
	// PolicyRelative is Story Protocol's LRP: the product of the shares
	// along each path, summed over paths.
	PolicyRelative RoyaltyPolicy = "relative"
)

// Manifest is a lineage manifest: what an artifact is, what it was made from,
// by whom and on which terms. Its canonical encoding is DAG-CBOR, so a
// manifest has exactly one CID.
//
// The encoded form, in DAG-JSON notation (DAG-CBOR holds the
// same data model). Fields marked ? are omitted when empty, and an empty
// value written explicitly is refused, so that every Manifest has exactly
// one encoding:
//
//	{
//	  "schema": "aiprov/manifest/v1",
//	  "subject": {"name": s, "kind": s, "cid": link, "size": int,
//	              "files"?: [{"path": s, "cid": link, "size": int, "sha256": s}],
//	              "formats"?: [s],
//	              "tensors"?: [{"path": s, "format": s, "tensors": [tensor]} |
//	                           {"path": s, "format": s, "count": int, "pages": [link]}]},
//	  "parents": [{"cid": link, "relation": s, "share": int, "name"?: s}],
//	  "contributors": [{"id": s, "role": s, "share": int, "name"?: s}],
//	  "license": s,
//	  "royalty"?: {"policy": s},
//	  "created": s,
//	  "builder"?: {"pipeline"?: s, "repository"?: s, "commit"?: s},
//	  "extensions"?: {"namespace/key": any IPLD value except floats}
//	}
//
// where tensor = {"name": s, "dtype": s, "shape": [int], "offset": int,
// "size": int, "blake3": bytes}, and a page is a DAG-CBOR list of them.
// Unknown fields are refused at every level; extra data goes under
// "extensions".
type Manifest struct {
	Schema       string        // ManifestSchema
	Subject      Subject       // the artifact itself
	Parents      []Parent      // what it was derived from
	Contributors []Contributor // who made it, with shares summing to ShareWhole
	License      string        // an SPDX license expression
	Royalty      RoyaltyTerms  // how royalties flow to Parents
	// Created is when the artifact was made. It is encoded in UTC as RFC
	// 3339 with as many fractional digits as it has ("2026-11-25T17:00:00Z");
	// BuildManifest and NewManifest set it (BuildOptions.Created).
	Created time.Time
	Builder *Builder // optional: what built it
	// Extensions holds namespaced extra data ("org.example/key"). Values are
	// IPLD data model values: nil, bool, int64, string, []byte, cid.Cid,
	// []any and map[string]any.
	Extensions map[string]any
}

// Subject is the artifact a manifest describes.
type Subject struct {
	Name string  // human name, e.g. "acme/llama-7b-chat"
	Kind Kind    // model, dataset, code, config, other
	CID  cid.Cid // UnixFS root CID of the artifact (file or directory)
	Size int64   // content bytes
	// Files lists every file, sorted by Path. A single-file artifact has one
	// entry, named by its base name, whose CID equals the Subject's.
	Files   []File
	Formats []string // optional format hints: "safetensors", "gguf", "parquet", …
	// Tensors is the tensor index of the weight files, sorted by Path (see
	// ManifestTensorsOf and Subject.TensorIndex); optional.
	Tensors []ManifestTensors
}

// File is one file of an artifact.
type File struct {
	Path   string  // slash-separated, relative to the artifact root
	CID    cid.Cid // the file's UnixFS CID
	Size   int64   // bytes
	SHA256 string  // lowercase hex sha256 of the file's bytes (Hugging Face's LFS oid)
}

// Parent links an artifact to what it was derived from.
type Parent struct {
	// CID is the parent's manifest CID (codec dag-cbor) or, for a parent with
	// no manifest, its content CID.
	CID      cid.Cid
	Relation Relation
	// Share is the royalty share, in ShareWhole units, that flows to this
	// parent from what the artifact earns.
	Share uint64
	Name  string // optional human name
}

// Contributor is someone credited for an artifact.
type Contributor struct {
	// ID is an Ethereum address ("0x" + 40 hex), an ed25519 public key
	// ("ed25519:" + base64url of the 32-byte key, unpadded), a P-256 public
	// key ("p256:" + base64url of the 33-byte compressed point) or a
	// registry token ("token:" + a registered manifest's CID; see
	// TokenContributorPrefix). Keys are paid through payee bindings (package
	// attest), tokens through their current owner.
	ID    string
	Role  string // weights, data, compute, code, curation, …
	Share uint64 // in ShareWhole units; a manifest's contributors sum to ShareWhole
	Name  string // optional
}

// RoyaltyTerms says how royalties flow to the manifest's parents.
type RoyaltyTerms struct {
	Policy RoyaltyPolicy
}

// Builder records what produced the artifact.
type Builder struct {
	Pipeline   string // e.g. a CI workflow name
	Repository string // source repository URL
	Commit     string // source commit
}
