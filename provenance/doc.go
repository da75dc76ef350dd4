// Package provenance computes IPFS content IDs for ML artifacts and records
// their lineage.
//
// # Content IDs
//
// Hash turns a file or a directory tree into the CID that Kubo's
// `ipfs add -r` prints for it, byte for byte, and returns each file's CID
// (and, with Options.SHA256, its plain SHA-256 from the same read):
//
//	res, err := provenance.Hash(ctx, "models/llama-3-8b", nil) // unixfs-v1-2025
//	fmt.Println(res.CID)
//	for _, f := range res.Files {
//		fmt.Println(f.Path, f.CID, f.Size)
//	}
//
// HashReader does the same for a stream. Params hold every parameter that
// changes a CID, named after Kubo's flags; DefaultParams is the IPIP-499
// profile unixfs-v1-2025 and ProfileParams returns Kubo's others
// (unixfs-v0-2015 gives the Qm… CIDs of older tools). Files are read once,
// a chunk at a time, so memory does not grow with file size; leaves are
// hashed on Options.Concurrency goroutines. A BlockSink receives every block
// for storage.
//
// Symbolic links are stored as UnixFS symlink nodes, as Kubo does, because
// that is the only way the CID stays a function of the tree itself: a link
// to /etc/passwd hashes as the string "/etc/passwd", never as the file's
// contents. Params.DereferenceSymlinks follows links instead (Kubo's
// --dereference-symlinks) but refuses links that leave the root.
//
// Differences from Kubo: only fixed-size chunking (`size-N`, not rabin or
// buzhash), no inline CIDs, no UnixFS mode/mtime metadata. Kubo v0.43.1's `--only-hash` ignores --max-hamt-fanout and
// --max-directory-links for the directories named on its command line;
// Hash follows what a real `ipfs add` stores.
//
// # Manifests
//
// A Manifest records what an artifact is (its Subject: root CID, size and
// every file with its CID, size and SHA-256), what it was made from
// (Parents, linked by CID, each with a Relation and a royalty Share), who
// made it (Contributors, whose shares sum to ShareWhole = 100%), its
// license (an SPDX expression), royalty policy, creation time, builder and
// namespaced Extensions. BuildManifest hashes a directory into a draft;
// ParseModelCard and ModelCard.ApplyTo fill one from a Hugging Face model
// card:
//
//	m, err := provenance.BuildManifest(ctx, "models/chat", &provenance.BuildOptions{Name: "acme/chat"})
//	m.Parents = []provenance.Parent{{CID: base, Relation: provenance.RelationFinetune, Share: 10_000_000}} // 10%
//	m.Contributors = …; m.License = "Apache-2.0"; m.Created = "2026-11-25T17:00:00Z"
//	err = m.Validate()
//	id, err := m.CID() // what `ipfs dag put` prints for m.MarshalJSON()
//
// A manifest has exactly one encoding and so exactly one CID: canonical
// DAG-CBOR (MarshalCBOR, DecodeManifest), shown to people and JSON tools as
// DAG-JSON (MarshalJSON, ParseManifestJSON). Reading is strict: bytes that
// would not re-encode identically, duplicate or unknown fields, floats and
// out-of-range integers are refused with a *FieldError naming the field
// (e.g. parents[2].share) and, where known, the byte offset. DecodeManifest
// checks form; Validate checks meaning (shares, duplicates, relations,
// identities, digests, paths, license syntax, limits) and lists every
// problem. Shares are integers in parts per hundred million; ParseShare and
// FormatShare convert exact percentages such as "2.5%".
//
// CheckManifest re-hashes a directory and reports exactly which files
// changed, are missing or are extra, refusing paths that leave the root; it
// can check a subset of paths, and a CheckCache keyed by size, mtime and
// inode speeds up re-checks (never use one to decide what to sign).
//
// # Lineage
//
// A Graph indexes manifests by CID: Ancestors, Descendants, TopoOrder, and
// Check for cycles and missing parent manifests (naming the CIDs). AddDir
// loads a directory of .json/.cbor manifest files; Load reads any
// ManifestSource, such as a storage.Store. WriteDOT and WriteJSON render it.
package provenance
