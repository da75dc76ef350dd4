// Package storage keeps artifacts, manifests and envelopes by CID and
// gives them back exactly: every block is checked against its CID when it
// is written and again when it is read, so a store never hands on bytes
// that do not hash to the CID asked for.
//
// # Stores
//
// A Store holds blocks. Four backends implement or fill it:
//
//   - Dir, a local directory: the embedded default (see DefaultDir for
//     where it lives). Atomic, crash-safe writes; Check finds corrupt
//     objects and moves them to quarantine.
//   - Memory, for tests and small tools.
//   - Kubo, a Kubo (go-ipfs) node over its RPC API, with timeouts,
//     bounded retries and errors that name the URL; it also offers Kubo's
//     own importer (Add, whose CID is checked against aiprov's), Cat,
//     DagPut/DagGet and pinning.
//   - CAR bundles: WriteCAR exports roots and what they link to as a
//     CARv1 file, ImportCAR verifies and stores one.
//
// # Files and directories
//
// Put and PutPath import a stream or a file tree as a UnixFS DAG with
// package provenance's importer, so an artifact stored here has the CID
// that `ipfs add` gives with the same parameters, and can be fetched from
// IPFS by it. What Put means for a DAG: blocks are stored children first
// and the root last, after every other block is durable, so a put that
// fails or is killed never leaves a root whose DAG is incomplete; it only
// leaves unreferenced blocks, which the next put of the same content
// reuses. Get streams a file back, verifying every block before any of its
// bytes are returned; GetPath writes a file or directory (plain or
// HAMT-sharded) to disk under a temporary name and renames it when
// complete; ReadDir lists a directory.
//
// # Speed
//
// Both directions are bounded by SHA-256, which verification cannot skip.
// Dir writes a put's blocks from a pool of writers while the importer
// hashes, starts each block's writeback as it is written (on Linux) and
// fsyncs them all together before it writes the root. Get reads leaves
// ahead of the reader and verifies a file's equal-length sha2-256 leaves
// two at a time, which hashes them in little more time than one. On a
// shared 2-core VM a verified get of 1 GiB takes about as long as hashing
// it on both cores (0.33–0.40 s; cat 0.15 s), and a verified, durable put
// 1.0–1.2 s (cp 0.29 s, cp then sync 0.69 s); go run
// ./internal/bench/storebench measures both against cp and cat.
//
// # Manifests and envelopes
//
// PutManifest stores a manifest's canonical DAG-CBOR block (its CID is the
// one `ipfs dag put` gives); a signed envelope is stored with
// PutData(ctx, s, cid.Raw, envelope), as a raw block (codec 0x55), because
// its exact bytes are what was signed.
// WriteCAR follows manifests' links to their parents, and with
// ExportOptions.Artifacts into the artifacts themselves, so a lineage
// travels as one file that `ipfs dag import` accepts.
//
// # Errors
//
// A missing block is a *NotFoundError (errors.Is ErrNotFound); bytes that
// do not match their CID a *CorruptError (ErrCorrupt) naming the CID and
// where the bytes came from; a malformed CAR a *CARError (ErrMalformedCAR)
// naming the byte offset; a malformed DAG a *DAGError naming the block; an
// unreachable Kubo node a *KuboError matching ErrUnavailable.
package storage
