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
// An OpenSSF Model Signing (OMS v1.0) bundle — a Sigstore bundle whose
// DSSE envelope holds an in-toto Statement with predicate type
// PredicateTypeOMS, listing every file of a model — is what SignOMS writes
// and VerifyOMS checks, for ECDSA keys (the key method) or an X.509 chain
// to caller-given roots (the certificate method). The files hashed follow
// model_signing's rules (see SignOMS). VerifyOMS also reads the bundles
// model_signing wrote from v0.2 on. Where the spec and model_signing v1.1
// differ, the bundles follow what model_signing verifies: a single-file
// model's resource is named "."; resources are written in code point order
// (which both accept, as the subject digest is computed over the listed
// order); unknown predicate fields are ignored. Certificate chains are
// checked at the verification time, not at the leaf's NotBefore as
// model_signing does, since OMS requires a leaf within its validity. The
// lineage manifest rides in the subject's annotations
// (OMSManifestAnnotation): model_signing reads only the subject's name
// and sha256 (and the spec's statement schema allows further subject
// fields), while its predicate schema forbids extra predicate fields.
// Keyless (sigstore) bundles parse but do not verify: ErrOMSUnsupported.
//
// Ethereum accounts sign EIP-712 typed data (ManifestAttestationType: fixed
// size fields that a registry contract verifies with ecrecover) or an
// EIP-191 personal_sign of the manifest digest; EthSignature is the file
// that holds either, with the complete eth_signTypedData_v4 object.
//
// # Strict JSON
//
// Every JSON document this package reads — envelopes, statements,
// Ethereum signature files, policies, payee bindings, OMS bundles — is
// read strictly, so that it means one thing to every reader (jq, Python,
// Node) and a co-signer approves what aiprov verifies: names are
// case-sensitive; duplicate keys, members no field names, invalid UTF-8
// and data after the value are refused, with an error naming where.
//
// # Keys
//
// Built-in keys (PrivateKey, PublicKey) are ed25519 (PKCS#8/PKIX PEM,
// OpenSSH), ECDSA P-256, P-384 and P-521 (PEM, OpenSSH) and secp256k1 (keystore v3, hex).
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
// matched. VerifyMany verifies a whole lineage on all cores, each
// signature on its own, so that no verdict depends on what else is
// verified with it.
//
// Untrusted input is bounded: envelopes by MaxEnvelopeSize and
// MaxEnvelopeSignatures, policy and key files by fixed limits, keystore
// files by their scrypt cost. Private keys print as their identity only.
package attest
