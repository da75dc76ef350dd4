// Package aiprov is tokenized AI provenance: verifiable credit, and a share
// of what a derivative earns, for the people who made the base model, the
// data and the compute it came from.
//
// aiprov is a set of small packages, each usable on its own:
//
//   - [github.com/aiprov/aiprov/provenance] turns model weights, datasets and
//     code into IPFS content IDs byte-identical to Kubo's `ipfs add`, records
//     lineage in content-addressed manifests that link their parents by CID,
//     and checks files against a manifest.
//   - [github.com/aiprov/aiprov/attest] signs manifests: ed25519 and ECDSA in
//     DSSE envelopes holding in-toto Statements (verifiable with cosign), and
//     Ethereum keys with EIP-712 typed data (verifiable by wallets, ethers,
//     viem and ecrecover on chain); trust policies with co-signing thresholds.
//   - [github.com/aiprov/aiprov/royalty] splits an amount paid to one
//     artifact across its whole contributor graph, exactly, in integers, and
//     publishes the result as a payout table, an OpenZeppelin-compatible
//     Merkle distribution, and split configurations.
//   - [github.com/aiprov/aiprov/storage] puts and gets artifacts, manifests
//     and envelopes by CID in memory, a local directory, a Kubo IPFS node or a
//     CAR bundle, verifying every read against its CID.
//
// Importing one package never pulls in the heavy dependencies of another: a
// service that only wants CIDs does not link go-ethereum.
//
// The aiprov command (cmd/aiprov) exposes the same functions to ML pipelines
// and shell scripts.
//
// This package itself holds only this overview.
package aiprov
