// Package provenance computes IPFS content IDs for ML artifacts and records
// their lineage.
//
// # Content IDs
//
// Hash turns a file or a directory tree into the CID that Kubo's
// `ipfs add -r` prints for it, byte for byte, and returns each file's CID
// (and, with Options.SHA256, its plain SHA-256, from the same read):
//
//	res, err := provenance.Hash(ctx, "models/llama-3-8b", nil) // unixfs-v1-2025
//	if err != nil {
//		return err
//	}
//	fmt.Println(res.CID)
//	for _, f := range res.Files {
//		fmt.Println(f.Path, f.CID, f.Size)
//	}
//
// HashReader does the same for a stream (a download, a pipe).
//
// Params hold every parameter that changes a CID, named after Kubo's
// `ipfs add` flags. DefaultParams is the IPIP-499 profile unixfs-v1-2025
// (CIDv1, raw leaves, 1 MiB chunks); ProfileParams returns Kubo's others,
// such as unixfs-v0-2015 for the Qm… CIDs of older tools. Both layouts
// (balanced, trickle), sha2-256 and blake3, and HAMT-sharded directories are
// supported, and are tested against Kubo v0.43.1 at every size where a DAG
// changes shape.
//
// Files are read once, a chunk at a time: a 100 GB file needs no more memory
// than a 1 MB one (at most 3·Concurrency+2 chunks). Leaves of a large file, and
// whole small files, are hashed on Options.Concurrency goroutines; the CID
// does not depend on it. Options.Progress reports bytes hashed, the context
// cancels, and Options.Blocks receives every block, children before parents,
// so that a store can keep the DAG.
//
// # Errors
//
// A file that changes while it is read (its size or modification time moves
// between the walk and the end of the read) gives ErrFileChanged rather than
// a CID for bytes that never existed together; a file swapped for a symbolic
// link after the walk is refused when opened. Sockets, pipes and devices give ErrSpecialFile. Each
// is wrapped in an *fs.PathError naming the file, as are the operating
// system's errors (permission denied, …). Invalid Params wrap
// ErrInvalidParams and name the field.
//
// # Symbolic links
//
// Symbolic links are stored as UnixFS symlink nodes holding the target path,
// as Kubo does by default: the CID then depends on the tree alone, and a link
// to /etc/passwd hashes as the string "/etc/passwd", never as that file's
// contents. Params.DereferenceSymlinks hashes what links point to instead
// (Kubo's --dereference-symlinks), but only inside the root: a link leading
// outside it gives ErrOutsideRoot, and a loop ErrSymlinkCycle. (Kubo follows
// such links anywhere; refusing them keeps an import from reading files the
// caller did not name.)
//
// # Differences from Kubo
//
// Only fixed-size chunking (`size-N`; not rabin or buzhash, whose CIDs Kubo
// itself does not guarantee to keep), no inline CIDs, no UnixFS mode/mtime
// metadata. Kubo v0.43.1's `--only-hash` ignores --max-hamt-fanout and
// --max-directory-links for the directories named on its command line (its
// only-hash root directory is created without them) although a real
// `ipfs add` honours them; Hash follows the real add, whose CIDs are the ones
// IPFS serves.
//
// # Manifests
//
// A Manifest records what an artifact is (its Subject: root CID, size and
// every file with its CID, size and SHA-256), what it was made from
// (Parents, linked by CID, each with a Relation and a royalty Share), who
// made it (Contributors, whose shares sum to ShareWhole = 100%), its
// license (an SPDX expression), royalty policy, creation time, builder and
// namespaced Extensions. BuildManifest hashes a directory into a draft,
// dated now unless BuildOptions.Created says otherwise;
// ParseModelCard and ModelCard.ApplyTo fill one from a Hugging Face model
// card:
//
//	m, err := provenance.BuildManifest(ctx, "models/chat", &provenance.BuildOptions{Name: "acme/chat"})
//	m.Parents = []provenance.Parent{{CID: base, Relation: provenance.RelationFinetune, Share: 10_000_000}} // 10%
//	m.Contributors = …; m.License = "Apache-2.0"
//	err = m.Validate()
//	id, err := m.CID() // what `ipfs dag put` prints for m.MarshalJSON()
//
// To read an artifact's bytes only once, draft the manifest from a Result
// already computed with Options.SHA256 — by Hash, or by storage.PutPath
// while it stores the DAG — with NewManifest, or give BuildOptions.Blocks a
// BlockSink:
//
//	res, err := storage.PutPath(ctx, store, "models/chat", &storage.PutOptions{SHA256: true})
//	m, err := provenance.NewManifest(res, &provenance.BuildOptions{Name: "acme/chat"})
//
// A manifest has exactly one encoding and so exactly one CID: canonical
// DAG-CBOR (MarshalCBOR, DecodeManifest), shown to people and JSON tools as
// DAG-JSON (MarshalJSON, UnmarshalJSON); ReadManifest reads either and
// returns the CID. One decoder reads both forms. Reading is strict: bytes that
// would not re-encode identically, duplicate or unknown fields, floats and
// out-of-range integers are refused with a *FieldError naming the field
// (e.g. parents[2].share) and, where known, the byte offset. DecodeManifest
// checks form; Validate checks meaning (shares, duplicates, relations,
// identities, digests, paths, license syntax, limits) and lists every
// problem. Shares are integers in parts per hundred million; ParseShare and
// FormatShare convert exact percentages such as "2.5%".
//
// CheckManifest re-hashes a directory and reports exactly which files
// changed, are missing or are extra, refusing paths and symbolic links
// that leave the root and special files; a full check covers every entry
// (hidden ones included) and recomputes the root CID, and it is what
// attest.Verify runs for VerifyOptions.Dir. It can check a subset of
// paths, and a CheckCache keyed by size, mtime and inode speeds up
// re-checks (never use one to decide what to sign).
//
// # Tensor evidence
//
// With Options.Tensors, Hash also reads the tensor layout of every weight
// file — safetensors (a sharded checkpoint's model.safetensors.index.json is
// checked against its shards) and GGUF v2/v3 — and the BLAKE3 digest of each
// tensor's bytes, from the same stream that computes the CID: the file is
// read once. BenchmarkHashTensors measures the cost against the CID alone:
// about 1.5× the CPU time, 1.25× when the file's SHA-256 is also computed
// (as BuildManifest does; there the SHA-256 and the tensor digests run side
// by side, 1.14–1.21× the wall time on an idle 2-core machine); BLAKE3
// itself is the floor. Headers are untrusted:
// TensorLimits bound them, offsets are checked against the file size, and a
// malformed one fails with a *TensorHeaderError naming the field and byte
// offset. BuildOptions.Tensors records the index in the manifest
// (Subject.Tensors: inline, or in pages linked by CID for large
// checkpoints; Subject.TensorIndex reads it back).
//
// CompareTensors compares a child's index with a parent's and says whether
// the pattern agrees with the relation the child claims; FindSuspects finds
// artifacts sharing tensor bytes with a model that does not declare them.
// Equal digests prove shared bytes; the rest are patterns, which a cheater
// can blur (see CompareTensors).
//
// # Lineage
//
// A Graph indexes manifests by CID: Ancestors, Descendants, TopoOrder, and
// Check for cycles and missing parent manifests (naming the CIDs). AddDir
// loads a directory of .json/.cbor manifest files; Load reads any
// ManifestSource, such as a storage.Store. Both decode on GOMAXPROCS
// goroutines and add in a fixed order. A graph keeps only what walks need
// (each node's CID, subject name and kind, and its parent links: about 160
// bytes for a manifest with two parents), not the manifests; read those
// again by CID when you need them. WriteDOT renders it for Graphviz, and
// WriteJSON as nodes (parents first) and edges:
//
//	{"nodes": [{"cid": "bafy…", "manifest": true, "name": "acme/chat", "kind": "model"},
//	           {"cid": "bafk…", "manifest": false}],
//	 "edges": [{"child": "bafy…", "parent": "bafk…", "relation": "trained-on",
//	            "share": 2500000, "percent": "2.5%"}]}
//
// "manifest" is false for a parent known only by its CID (name and kind
// are then absent); "share" is in ShareWhole units and "percent" the same
// share as FormatShare writes it.
package provenance
