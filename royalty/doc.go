// Package royalty splits an amount paid to one artifact across everyone it
// came from, exactly, and publishes the result in the forms payout
// contracts take.
//
// # Graphs
//
// A contributor graph is a DAG of artifacts (Node). Each node has parent
// edges, each carrying the share of what the node receives that flows to
// that parent, and contributors, who divide what the node keeps. Shares are
// integers in provenance.ShareWhole units (100,000,000 = 100%), Story Protocol's unit.
// Build a Graph with NewGraph from nodes of your own, with ManifestNodes
// from lineage manifests, or with ReadGraph from a JSON description:
//
//	{"nodes": [
//	  {"id": "app", "policy": "relative",
//	   "parents": [{"id": "chat", "share": "50%"}],
//	   "contributors": [{"id": "0x…", "share": "100%"}]},
//	  {"id": "chat",
//	   "parents": [{"id": "base", "share": 10000000}, {"id": "data", "share": "20%"}],
//	   "contributors": [{"id": "0x…", "share": "100%", "role": "weights"}]},
//	  {"id": "base", "contributors": [{"id": "0x…", "share": "100%"}]},
//	  {"id": "data", "contributors": [{"id": "0x…", "share": "60%"}, {"id": "0x…", "share": "40%"}]}]}
//
// "id" names a node (for manifests, the manifest CID); "policy" is
// "relative" or "absolute" and optional; a share is a JSON integer in
// provenance.ShareWhole units or a percentage string that
// provenance.ParseShare accepts ("2.5%", at most six decimals). A
// node's parent shares sum to at most 100%, its contributors' to exactly
// 100%. Contributor IDs are Ethereum addresses (any case; mixed case must
// be a valid EIP-55 checksum) or "scheme:value" IDs such as ed25519 keys,
// which payout tables carry but Merkle trees and 0xSplits refuse. Unknown
// fields, cycles (named in a *CycleError), missing parents, stacks over
// 100%, repeated contributors and input past Limits are errors that name
// the node and field.
//
// # Policies
//
// Graph.Split pays amount to one node. Worked example (the graph above,
// 1000 paid to app):
//
// Relative, Story Protocol's LRP: each node passes received × share to each
// parent and keeps the rest. app keeps 50% (500) and passes 50% to chat;
// chat passes 10% of its 50% (5%) to base and 20% of it (10%) to data, and
// keeps 35% (350); base's contributor gets 50, data's 60 and 40. An
// ancestor receives the product of the shares along each path, summed over
// paths.
//
// Absolute, Story Protocol's LAP: an ancestor receives the share on the
// last edge into it, once for each path from the paid node, and keeps it;
// the paid node keeps 100% minus the sum. chat gets 50% (500), base 10%
// (100), data 20% (120 and 80), app keeps 20% (200). In a diamond — d
// derives from b and c, both from a — a receives its share twice. If the
// ancestors' total passes 100%, Split fails with ErrStackOverflow.
//
// Both walk each edge once in topological order, so the time is linear in
// the edges however many paths there are (a chain of diamonds has 2^n).
//
// # Exactness
//
// Amounts are big integers up to 2^256−1 and payouts always sum exactly to
// the amount. Under the absolute policy every fraction is an exact integer
// in provenance.ShareWhole units. Under the relative policy fractions multiply along
// paths, so exact rationals would grow with depth; they are 128-bit fixed
// point instead (1.0 = 2^127, each edge rounds down), and a recipient's
// weight falls short of the exact value by less than E × 2^-127 of the
// payment for E edges. Rounding to whole units happens once, at the end,
// by largest remainder with ties to the lower address, so no payout is off
// the exact rational share by more than one unit for amounts below 2^90
// (and graphs below 2^32 edges), and nothing depends on the order of
// nodes, edges or contributors. SplitOptions.MinPayout rolls payouts below
// a minimum into a named dust recipient.
//
// Split.Explain says why a recipient gets what it does: the nodes it is
// credited at, the fraction reaching each, and the per-edge terms of that
// fraction (Flow), which chain back to the paid node without listing paths.
//
// # Outputs
//
// Payout recipients are canonical IDs (EIP-55 for addresses), so look a
// contributor's payout up with Split.Index, which takes any spelling a
// contributor ID may have, rather than comparing strings; Split.Fraction
// gives a payout's exact fraction of the payment, for FormatFraction. A
// graph from ManifestNodes names each node by its manifest CID's String().
//
// Split.WriteJSON and Split.WriteCSV write the payout table; the CSV is
// "address,amount" lines, which ReadPayouts reads back. NewMerkleTree builds
// the OpenZeppelin StandardMerkleTree over (address, uint256) leaves that a
// distributor contract checks with MerkleProof: Root, Proof, VerifyProof,
// and WriteDump/ReadDump for @openzeppelin/merkle-tree's "standard-v1"
// JSON. NewSplitsV2 turns payouts into a 0xSplits v2 split configuration
// with its hash; Split.RoyaltyInfo gives EIP-2981 single-receiver
// information for marketplaces that pay one address.
//
// Contributors named by keys or registry tokens are paid at addresses:
// ResolvePayees turns a split's payouts into payouts to addresses through
// a PayeeResolver (package attest verifies payee bindings, package
// attest/chain resolves tokens to their owners), naming every unbound
// contributor in an *UnboundError unless ResolveOptions.Unbound routes
// their shares.
//
// The package depends on provenance only for its types; it does not import
// go-ethereum.
package royalty
