// Package attest signs and verifies lineage manifests, in the formats the
// tools people already trust can check.
//
// # Formats
//
// A DSSE envelope (payloadType application/vnd.in-toto+json) carries an
// in-toto Statement v1 whose subjects are the artifact's files (name = path,
// digest sha256 and cid) and its root (name = the manifest's Subject.Name;
// digest cid, plus dirHash over the files), and whose predicate, of type
// PredicateTypeLineage, is the manifest's DAG-JSON and CID. cosign checks
// it without aiprov:
//
//	cosign verify-blob-attestation --key ed25519.pub --signature env.json \
//	    --type https://aiprov.dev/lineage/v1 --insecure-ignore-tlog=true model.safetensors
//
// Ethereum accounts sign EIP-712 typed data (ManifestAttestationType: fixed
// size fields that a registry contract verifies with ecrecover) or an
// EIP-191 personal_sign of the manifest digest; EthSignature is the file
// that holds either, with the complete eth_signTypedData_v4 object.
//
// # Keys
//
// Built-in keys (PrivateKey, PublicKey) are ed25519 (PKCS#8/PKIX PEM,
// OpenSSH), ECDSA P-256 (PEM, OpenSSH) and secp256k1 (keystore v3, hex).
// Keys held elsewhere — a KMS, an HSM, a hardware wallet — plug in through
// the Signer, EthSigner and Verifier interfaces, as age's recipients do:
// Sign takes Signers, SignEIP712 and SignEIP191 take an EthSigner, and
// there is no other way in. An identity is a key's string form: "ed25519:<base64url>", "p256:<base64url>" or an 0x address;
// DSSE key IDs, policies, reports and manifest contributors all use it.
//
// In a DSSE envelope each scheme signs the PAE bytes its own way: ed25519
// directly, P-256 over their SHA-256 (as cosign does), secp256k1 as an
// EIP-191 message (so a wallet can co-sign an envelope).
//
// # Verification
//
// Verify checks a Bundle — an envelope and/or Ethereum signatures over one
// manifest — against trusted keys or a Policy (roles and thresholds, for
// co-signing), that the manifest in the envelope has the CID it claims and
// implies exactly the statement's subjects, and, given the artifact on disk,
// that its files match. The Report says, for each signature, who verified
// it or why not; for each rule, who counted; for each file, whether it
// matched. VerifyMany verifies a whole lineage on all cores, checking
// ed25519 signatures in batches.
//
// Untrusted input is bounded: envelopes by MaxEnvelopeSize and
// MaxEnvelopeSignatures, policy and key files by fixed limits, keystore
// files by their scrypt cost. Private keys print as their identity only.
package attest
