// Package chain puts lineage manifests on an EVM chain: a provenance
// registry contract records each manifest and mints an ERC-721 token for
// it to its owner, links it to its parents' records, and pays EIP-2981
// royalties at the rate its owner set.
//
// # The registry
//
// A record's token id is the manifest's dag-cbor sha2-256 digest, so the
// same manifest has the same id on every chain, and tokenURI returns
// ipfs://<manifest CID>. The owner signs attest's EIP-712
// ManifestAttestation under the registry's Domain (chain id and contract
// address included: a signature registers nothing on another chain or
// registry); anyone can send it, so a relayer or CI service can pay the
// gas. The attestation names the parents' manifest digests, which must be
// registered first, so the graph on chain is acyclic and matches what the
// owner signed. A manifest registers once; a second attempt reverts with
// AlreadyRegistered, which Register turns into the existing record.
//
// Batches anchor many manifests in one transaction: the root of an
// OpenZeppelin StandardMerkleTree over (owner, hashStruct(attestation))
// leaves (Batch). Each manifest proves its inclusion later with its
// Inclusion, and gets its record and token then.
//
// # Backends
//
// Chain is the interface the library needs. *Registry implements it over
// any node's JSON-RPC endpoint (Dial), sending transactions signed by an
// TxSigner — an attest key file, AIPROV_KEY, or a KMS behind the same
// interface. It estimates gas, takes nonces from the node one transaction
// at a time, waits for a configurable number of confirmations, honours
// context cancellation, and retries connection failures for
// TxOptions.RetryFor, checking before every send whether the work is
// already on chain, so a dropped connection or a restarted node neither
// registers twice nor loses a registration. A node's replies are
// untrusted: Dial (DialBackend) reads each through a MaxReplySize limit
// and bounds every call by Config.Timeout, over HTTP, websockets and IPC
// alike, and log lists and events are bounded and checked before use
// (ErrReplyTooLarge).
//
//	reg, err := chain.Dial(ctx, "http://127.0.0.1:8545", chain.Config{
//		Registry: addr, ChainID: 1337, TxOptions: chain.TxOptions{Signer: key}})
//	a, _ := attest.NewManifestAttestation(m, manifestCID)
//	sig, _ := reg.Sign(ctx, key, a)
//	anchor, err := reg.Register(ctx, a, sig)
//
// Package attest/chain/simulated is the embedded chain (go-ethereum's
// simulated backend, deployed in-process); this package does not import it,
// so a service that talks to a real node does not link an EVM.
//
// # Royalties
//
// The Distributor contract pays registered artifacts: anyone pays one by
// its token id (Distributor.Pay, native currency or any ERC-20); a payout
// epoch publishes the root of package royalty's StandardMerkleTree over
// the split of what the artifact holds, taking its total from the
// artifact's unallocated balance, and every payee claims its leaf once
// (Claim; anyone may send it). The total is published split into the
// budgets of claim words (ClaimBudgets: what the leaves of each word of
// 128 add up to), so that a claim reads and writes one storage slot yet
// never takes more than its epoch holds. Epochs are published with EIP-712
// EpochApprovals from voters holding more than half of the artifact's
// contributor shares (NewVoters, from its manifest), or by a publisher the
// owner named (Configure, once). Payees resolves contributors: keys
// through attest's payee bindings, "token:<manifest CID>" through the
// token's current owner. PlanEpoch computes the epoch a voter approves,
// AuditEpoch recomputes a published one, ClaimFor finds a payee's proof.
//
//	d, _ := chain.NewDistributor(ctx, backend, addrs.Distributor, chainID, chain.TxOptions{Signer: key})
//	plan, _ := d.PlanEpoch(ctx, graph, artifact, chain.Payees{Bindings: &bindings, Chain: reg}, chain.PlanOptions{})
//	approval, _ := chain.SignApproval(ctx, voterKey, d.Domain(), plan.EpochApproval)
//
// # Contracts
//
// The Solidity sources, their compiled ABI and bytecode, and the abigen v2
// bindings (package bindings) are committed; contracts/generate.sh
// regenerates them with the pinned solc-js and OpenZeppelin Contracts, and
// `generate.sh --check` (run by CI) fails when they differ.
package chain
