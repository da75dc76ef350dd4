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
package provenance
