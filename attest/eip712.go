package attest

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/aiprov/aiprov/provenance"
	"github.com/ethereum/go-ethereum/common"
	"github.com/go-json-experiment/json/jsontext"
	"github.com/ipfs/go-cid"
	mh "github.com/multiformats/go-multihash"
)

// ManifestAttestationType is the EIP-712 type string of the message signed
// for a manifest, off chain and by the provenance registry (attest/chain),
// which hashes it with a few keccak256 calls and checks it with ecrecover:
//
//	ManifestAttestation(bytes32 manifestDigest,bytes32 subjectDigest,uint64 subjectSize,uint64 created,bytes32[] parents,uint32 royaltyShare)
//
// manifestDigest is the 32-byte sha2-256 digest inside the manifest's CID
// (CIDv1, dag-cbor): the contract rebuilds the CID bytes as
// 0x01 0x71 0x12 0x20 ‖ manifestDigest. subjectDigest is the 32-byte digest
// inside the artifact's root CID; subjectSize its content bytes; created
// the manifest's creation time in Unix seconds (0 if unset). parents are the
// digests of the manifest's parents that are manifests (dag-cbor sha2-256
// CIDs; a parent named by its content CID has no record), in ascending byte
// order, so that the registry links exactly the parents the manifest names.
// royaltyShare is the EIP-2981 royalty rate, in provenance.ShareWhole parts,
// that the signer sets for the artifact's token: the one field that is the
// signer's choice rather than a fact of the manifest.
//
// The domain holds the fields of Domain that are set, in EIP-712's order
// (name, version, chainId, verifyingContract), so that a signature for one
// chain or registry cannot be replayed on another.
const ManifestAttestationType = "ManifestAttestation(bytes32 manifestDigest,bytes32 subjectDigest,uint64 subjectSize,uint64 created,bytes32[] parents,uint32 royaltyShare)"

// ManifestAttestationPrimaryType is the EIP-712 primaryType name.
const ManifestAttestationPrimaryType = "ManifestAttestation"

var manifestAttestationFields = []TypedField{
	{Name: "manifestDigest", Type: "bytes32"},
	{Name: "subjectDigest", Type: "bytes32"},
	{Name: "subjectSize", Type: "uint64"},
	{Name: "created", Type: "uint64"},
	{Name: "parents", Type: "bytes32[]"},
	{Name: "royaltyShare", Type: "uint32"},
}

var manifestAttestationTypeHash = keccak([]byte(ManifestAttestationType))

// Domain is an EIP-712 domain. Zero fields are left out of the domain type,
// as ethers and viem do.
type Domain struct {
	Name    string // DefaultDomain uses "aiprov"
	Version string // DefaultDomain uses "1"
	ChainID uint64 // 0: not part of the domain
	// VerifyingContract is the registry's address; zero: not part of the
	// domain. A common.Address or a royalty.Address assigns to it as is.
	VerifyingContract [20]byte
}

// String describes the domain for people: its fields that are set.
func (d Domain) String() string {
	var f []string
	if d.Name != "" {
		f = append(f, "name "+strconv.Quote(d.Name))
	}
	if d.Version != "" {
		f = append(f, "version "+strconv.Quote(d.Version))
	}
	if d.ChainID != 0 {
		f = append(f, "chainId "+strconv.FormatUint(d.ChainID, 10))
	}
	if d.VerifyingContract != [20]byte{} {
		f = append(f, "verifyingContract "+common.Address(d.VerifyingContract).Hex())
	}
	if len(f) == 0 {
		return "the empty EIP-712 domain"
	}
	return "EIP-712 domain {" + strings.Join(f, ", ") + "}"
}

// DefaultDomain returns the domain for off-chain attestations: name
// "aiprov", version "1", no chain and no contract. A registry sets ChainID
// and VerifyingContract. (A function, not a variable, so that no package
// can change what everyone else signs under.)
func DefaultDomain() Domain { return Domain{Name: "aiprov", Version: "1"} }

// ManifestAttestation is the EIP-712 message signed for a manifest.
type ManifestAttestation struct {
	ManifestDigest [32]byte
	SubjectDigest  [32]byte
	SubjectSize    uint64
	Created        uint64
	Parents        [][32]byte // manifest parents' digests, ascending
	RoyaltyShare   uint32     // EIP-2981 rate in provenance.ShareWhole parts
}

// Equal reports whether a and b are the same message.
func (a ManifestAttestation) Equal(b ManifestAttestation) bool {
	return a.ManifestDigest == b.ManifestDigest && a.SubjectDigest == b.SubjectDigest &&
		a.SubjectSize == b.SubjectSize && a.Created == b.Created &&
		slices.Equal(a.Parents, b.Parents) && a.RoyaltyShare == b.RoyaltyShare
}

// NewManifestAttestation derives the EIP-712 message for manifest m whose
// CID is manifestCID, with RoyaltyShare 0: set it before signing to give the
// token a royalty rate.
func NewManifestAttestation(m *provenance.Manifest, manifestCID cid.Cid) (ManifestAttestation, error) {
	var a ManifestAttestation
	var err error
	if a.ManifestDigest, err = digest32(manifestCID); err != nil {
		return a, fmt.Errorf("attest: manifest CID: %w", err)
	}
	if a.SubjectDigest, err = digest32(m.Subject.CID); err != nil {
		return a, fmt.Errorf("attest: manifest Subject.CID: %w", err)
	}
	if m.Subject.Size < 0 {
		return a, fmt.Errorf("attest: manifest Subject.Size is negative (%d)", m.Subject.Size)
	}
	a.SubjectSize = uint64(m.Subject.Size)
	if !m.Created.IsZero() {
		if m.Created.Unix() < 0 {
			return a, fmt.Errorf("attest: manifest Created %s is before 1970", m.Created.UTC().Format(time.RFC3339))
		}
		a.Created = uint64(m.Created.Unix())
	}
	a.Parents = manifestParents(m)
	return a, nil
}

// manifestParents returns the digests of m's parents that are manifests
// (CIDv1, dag-cbor, sha2-256), ascending and without repeats: the parents a
// ManifestAttestation names.
func manifestParents(m *provenance.Manifest) [][32]byte {
	var ps [][32]byte
	for _, p := range m.Parents {
		if !p.CID.Defined() || p.CID.Prefix().Codec != cid.DagCBOR || p.CID.Prefix().MhType != mh.SHA2_256 {
			continue
		}
		if d, err := digest32(p.CID); err == nil {
			ps = append(ps, d)
		}
	}
	slices.SortFunc(ps, func(a, b [32]byte) int { return bytes.Compare(a[:], b[:]) })
	return slices.Compact(ps)
}

// digest32 returns the 32-byte digest inside a CID's multihash.
func digest32(c cid.Cid) ([32]byte, error) {
	var out [32]byte
	if !c.Defined() {
		return out, errors.New("undefined CID")
	}
	d, err := mh.Decode(c.Hash())
	if err != nil {
		return out, err
	}
	if len(d.Digest) != 32 {
		return out, fmt.Errorf("CID %s has a %d-byte %s digest, want 32 bytes", c, len(d.Digest), d.Name)
	}
	return [32]byte(d.Digest), nil
}

// types returns the EIP712Domain field list for the fields set.
func (d Domain) types() []TypedField {
	var f []TypedField
	if d.Name != "" {
		f = append(f, TypedField{"name", "string"})
	}
	if d.Version != "" {
		f = append(f, TypedField{"version", "string"})
	}
	if d.ChainID != 0 {
		f = append(f, TypedField{"chainId", "uint256"})
	}
	if d.VerifyingContract != [20]byte{} {
		f = append(f, TypedField{"verifyingContract", "address"})
	}
	return f
}

// separators memoises Domain.Separator: a verifier sees few domains, and
// their four keccak256 calls would otherwise be a tenth of the cost of
// checking an EIP-712 signature. It caches a pure function, so it never
// changes a result.
var separators sync.Map // Domain → [32]byte

// Separator returns the EIP-712 domain separator, hashStruct(domain).
func (d Domain) Separator() [32]byte {
	if v, ok := separators.Load(d); ok {
		return v.([32]byte)
	}
	sep := d.separator()
	separators.Store(d, sep)
	return sep
}

func (d Domain) separator() [32]byte {
	fields := d.types()
	names := make([]string, len(fields))
	for i, f := range fields {
		names[i] = f.Type + " " + f.Name
	}
	typeHash := keccak([]byte("EIP712Domain(" + strings.Join(names, ",") + ")"))
	enc := append([]byte(nil), typeHash[:]...)
	if d.Name != "" {
		h := keccak([]byte(d.Name))
		enc = append(enc, h[:]...)
	}
	if d.Version != "" {
		h := keccak([]byte(d.Version))
		enc = append(enc, h[:]...)
	}
	if d.ChainID != 0 {
		enc = append(enc, uint256Word(d.ChainID)...)
	}
	if d.VerifyingContract != [20]byte{} {
		enc = append(enc, make([]byte, 12)...)
		enc = append(enc, d.VerifyingContract[:]...)
	}
	return keccak(enc)
}

func uint256Word(v uint64) []byte {
	w := make([]byte, 32)
	binary.BigEndian.PutUint64(w[24:], v)
	return w
}

// StructHash returns hashStruct(message). The parents array is encoded,
// as EIP-712 encodes arrays, as keccak256 of its elements concatenated.
func (a ManifestAttestation) StructHash() [32]byte {
	var enc [7 * 32]byte
	copy(enc[0:], manifestAttestationTypeHash[:])
	copy(enc[32:], a.ManifestDigest[:])
	copy(enc[64:], a.SubjectDigest[:])
	binary.BigEndian.PutUint64(enc[96+24:], a.SubjectSize)
	binary.BigEndian.PutUint64(enc[128+24:], a.Created)
	parents := make([]byte, 0, 32*len(a.Parents))
	for _, p := range a.Parents {
		parents = append(parents, p[:]...)
	}
	ph := keccak(parents)
	copy(enc[160:], ph[:])
	binary.BigEndian.PutUint32(enc[192+28:], a.RoyaltyShare)
	return keccak(enc[:])
}

// TypedDataHash returns the EIP-712 digest that is signed:
// keccak256(0x19 0x01 ‖ domainSeparator ‖ hashStruct(message)).
func TypedDataHash(domain Domain, a ManifestAttestation) [32]byte {
	sep := domain.Separator()
	sh := a.StructHash()
	return keccak([]byte{0x19, 0x01}, sep[:], sh[:])
}

// TypedField is one member of an EIP-712 struct type.
type TypedField struct {
	Name string `json:"name"`
	Type string `json:"type"`
}

// TypedData is the eth_signTypedData_v4 JSON object for a manifest
// attestation: give it to a wallet, or to ethers' verifyTypedData (with
// Types minus "EIP712Domain") or viem's verifyTypedData.
type TypedData struct {
	Types       map[string][]TypedField `json:"types"`
	PrimaryType string                  `json:"primaryType"`
	Domain      TypedDomain             `json:"domain"`
	Message     TypedMessage            `json:"message"`
}

// TypedDomain is the JSON form of Domain.
type TypedDomain struct {
	Name              string          `json:"name,omitempty"`
	Version           string          `json:"version,omitempty"`
	ChainID           *json.Number    `json:"chainId,omitempty"`
	VerifyingContract *common.Address `json:"verifyingContract,omitempty"`
}

// TypedMessage is the JSON form of ManifestAttestation. Integers are decimal
// strings, which every EIP-712 implementation accepts.
type TypedMessage struct {
	ManifestDigest string   `json:"manifestDigest"`
	SubjectDigest  string   `json:"subjectDigest"`
	SubjectSize    string   `json:"subjectSize"`
	Created        string   `json:"created"`
	Parents        []string `json:"parents"`
	RoyaltyShare   string   `json:"royaltyShare"`
}

// NewTypedData returns the eth_signTypedData_v4 object for a.
func NewTypedData(domain Domain, a ManifestAttestation) *TypedData {
	td := &TypedData{
		Types: map[string][]TypedField{
			"EIP712Domain":                 domain.types(),
			ManifestAttestationPrimaryType: slices.Clone(manifestAttestationFields),
		},
		PrimaryType: ManifestAttestationPrimaryType,
		Domain:      TypedDomain{Name: domain.Name, Version: domain.Version},
		Message: TypedMessage{
			ManifestDigest: "0x" + hex.EncodeToString(a.ManifestDigest[:]),
			SubjectDigest:  "0x" + hex.EncodeToString(a.SubjectDigest[:]),
			SubjectSize:    strconv.FormatUint(a.SubjectSize, 10),
			Created:        strconv.FormatUint(a.Created, 10),
			Parents:        make([]string, len(a.Parents)),
			RoyaltyShare:   strconv.FormatUint(uint64(a.RoyaltyShare), 10),
		},
	}
	for i, p := range a.Parents {
		td.Message.Parents[i] = "0x" + hex.EncodeToString(p[:])
	}
	if domain.ChainID != 0 {
		n := json.Number(strconv.FormatUint(domain.ChainID, 10))
		td.Domain.ChainID = &n
	}
	if domain.VerifyingContract != [20]byte{} {
		addr := common.Address(domain.VerifyingContract)
		td.Domain.VerifyingContract = &addr
	}
	return td
}

// Parse checks that td is a manifest attestation, exactly the type this
// package defines, and returns its domain and message. It accepts the
// EIP712Domain type being absent (ethers leaves it out) but, when present,
// it must list exactly the domain fields set, in order.
func (td *TypedData) Parse() (Domain, ManifestAttestation, error) {
	var d Domain
	var a ManifestAttestation
	if td.PrimaryType != ManifestAttestationPrimaryType {
		return d, a, fmt.Errorf("attest: typed data primaryType is %q, want %q", td.PrimaryType, ManifestAttestationPrimaryType)
	}
	for name, fields := range td.Types {
		switch name {
		case "EIP712Domain":
		case ManifestAttestationPrimaryType:
			if !slices.Equal(fields, manifestAttestationFields) {
				return d, a, fmt.Errorf("attest: typed data types.%s differs from %s", name, ManifestAttestationType)
			}
		default:
			return d, a, fmt.Errorf("attest: typed data declares an unexpected type %q", name)
		}
	}
	if _, ok := td.Types[ManifestAttestationPrimaryType]; !ok {
		return d, a, fmt.Errorf("attest: typed data lacks types.%s", ManifestAttestationPrimaryType)
	}
	d, err := td.Domain.domain()
	if err != nil {
		return d, a, fmt.Errorf("attest: typed data %w", err)
	}
	if dt, ok := td.Types["EIP712Domain"]; ok && !slices.Equal(dt, d.types()) {
		return d, a, errors.New("attest: typed data types.EIP712Domain does not list exactly the domain fields present, in the order name, version, chainId, verifyingContract")
	}
	if a.ManifestDigest, err = parseBytes32(td.Message.ManifestDigest); err != nil {
		return d, a, fmt.Errorf("attest: typed data message.manifestDigest: %w", err)
	}
	if a.SubjectDigest, err = parseBytes32(td.Message.SubjectDigest); err != nil {
		return d, a, fmt.Errorf("attest: typed data message.subjectDigest: %w", err)
	}
	if a.SubjectSize, err = parseUint64(td.Message.SubjectSize); err != nil {
		return d, a, fmt.Errorf("attest: typed data message.subjectSize: %w", err)
	}
	if a.Created, err = parseUint64(td.Message.Created); err != nil {
		return d, a, fmt.Errorf("attest: typed data message.created: %w", err)
	}
	if len(td.Message.Parents) > provenance.MaxParents {
		return d, a, fmt.Errorf("attest: typed data message.parents has %d entries, more than %d", len(td.Message.Parents), provenance.MaxParents)
	}
	if td.Message.Parents == nil {
		return d, a, errors.New("attest: typed data message.parents is missing (an empty list is [])")
	}
	a.Parents = make([][32]byte, len(td.Message.Parents))
	for i, p := range td.Message.Parents {
		if a.Parents[i], err = parseBytes32(p); err != nil {
			return d, a, fmt.Errorf("attest: typed data message.parents[%d]: %w", i, err)
		}
	}
	share, err := parseUint64(td.Message.RoyaltyShare)
	if err != nil || share > provenance.ShareWhole {
		return d, a, fmt.Errorf("attest: typed data message.royaltyShare %q: want an integer in [0, %d]", td.Message.RoyaltyShare, provenance.ShareWhole)
	}
	a.RoyaltyShare = uint32(share)
	return d, a, nil
}

// UnmarshalJSON accepts integers in the message as JSON numbers or strings
// (decimal or 0x hex), as wallets do. Keys are read strictly (see
// unmarshalStrict).
func (m *TypedMessage) UnmarshalJSON(data []byte) error {
	var raw struct {
		ManifestDigest string         `json:"manifestDigest"`
		SubjectDigest  string         `json:"subjectDigest"`
		SubjectSize    jsontext.Value `json:"subjectSize"`
		Created        jsontext.Value `json:"created"`
		Parents        []string       `json:"parents"`
		RoyaltyShare   jsontext.Value `json:"royaltyShare"`
	}
	if err := unmarshalStrict(data, &raw); err != nil {
		return fmt.Errorf("typed data message: %s", describeJSONError(err))
	}
	size, err := numberOrString(raw.SubjectSize)
	if err != nil {
		return fmt.Errorf("typed data message.subjectSize: %w", err)
	}
	created, err := numberOrString(raw.Created)
	if err != nil {
		return fmt.Errorf("typed data message.created: %w", err)
	}
	share, err := numberOrString(raw.RoyaltyShare)
	if err != nil {
		return fmt.Errorf("typed data message.royaltyShare: %w", err)
	}
	*m = TypedMessage{raw.ManifestDigest, raw.SubjectDigest, size, created, raw.Parents, share}
	return nil
}

// UnmarshalJSON accepts chainId as a JSON number or string. Keys are read
// strictly (see Strict JSON in the package doc).
func (d *TypedDomain) UnmarshalJSON(data []byte) error {
	var raw struct {
		Name              string          `json:"name"`
		Version           string          `json:"version"`
		ChainID           jsontext.Value  `json:"chainId"`
		VerifyingContract *common.Address `json:"verifyingContract"`
	}
	if err := unmarshalStrict(data, &raw); err != nil {
		return fmt.Errorf("typed data domain: %s", describeJSONError(err))
	}
	*d = TypedDomain{Name: raw.Name, Version: raw.Version, VerifyingContract: raw.VerifyingContract}
	if len(raw.ChainID) > 0 && string(raw.ChainID) != "null" {
		s, err := numberOrString(raw.ChainID)
		if err != nil {
			return fmt.Errorf("typed data domain.chainId: %w", err)
		}
		n := json.Number(s)
		d.ChainID = &n
	}
	return nil
}

// domain converts the JSON form to a Domain, checking its fields.
func (td TypedDomain) domain() (Domain, error) {
	d := Domain{Name: td.Name, Version: td.Version}
	if td.ChainID != nil {
		id, err := parseUint64(string(*td.ChainID))
		if err != nil || id == 0 {
			return d, fmt.Errorf("domain.chainId %q: want a positive integer below 2^64", *td.ChainID)
		}
		d.ChainID = id
	}
	if td.VerifyingContract != nil {
		if *td.VerifyingContract == (common.Address{}) {
			return d, errors.New("domain.verifyingContract is the zero address")
		}
		d.VerifyingContract = *td.VerifyingContract
	}
	return d, nil
}

// numberOrString returns a JSON number's text or a JSON string's content
// ("" when v is absent); parseUint64 then reads it.
func numberOrString(v jsontext.Value) (string, error) {
	switch v.Kind() {
	case 0:
		return "", nil
	case '0':
		return string(v), nil
	case '"':
		var s string
		if err := unmarshalStrict(v, &s); err != nil {
			return "", err
		}
		return s, nil
	}
	return "", fmt.Errorf("%s: want an integer, as a JSON number or string", v)
}

func parseUint64(s string) (uint64, error) {
	var v uint64
	var err error
	if strings.HasPrefix(s, "0x") || strings.HasPrefix(s, "0X") {
		v, err = strconv.ParseUint(s[2:], 16, 64)
	} else {
		v, err = strconv.ParseUint(s, 10, 64)
	}
	if err != nil {
		return 0, fmt.Errorf("%q is not an integer in [0, 2^64)", s)
	}
	return v, nil
}

func parseBytes32(s string) ([32]byte, error) {
	var out [32]byte
	if !strings.HasPrefix(s, "0x") || len(s) != 66 {
		return out, fmt.Errorf("%q: want 0x and 64 hex digits", s)
	}
	if _, err := hex.Decode(out[:], []byte(s[2:])); err != nil {
		return out, fmt.Errorf("%q: not hex", s)
	}
	return out, nil
}

// Hash returns the EIP-712 digest of td after checking it with Parse.
func (td *TypedData) Hash() ([32]byte, error) {
	d, a, err := td.Parse()
	if err != nil {
		return [32]byte{}, err
	}
	return TypedDataHash(d, a), nil
}

// EthSignature is a manifest signed by an Ethereum account, the JSON file
// that `aiprov sign --format eip712|eip191` writes. With EIP-712, TypedData
// is the complete eth_signTypedData_v4 object; with EIP-191, Message is the
// 32-byte manifest digest signed with personal_sign.
type EthSignature struct {
	Format      string         `json:"format"` // "eip712" or "eip191"
	TypedData   *TypedData     `json:"typedData,omitempty"`
	Message     string         `json:"message,omitempty"` // EIP-191: 0x-hex of the signed bytes
	ManifestCID string         `json:"manifestCid"`
	Signature   string         `json:"signature"` // 0x-hex, 65 bytes r‖s‖v
	Signer      common.Address `json:"signer"`
}

// Formats of EthSignature.
const (
	FormatEIP712 = "eip712"
	FormatEIP191 = "eip191"
)

// SignTypedData signs td's EIP-712 digest with a secp256k1 key, as a
// wallet's eth_signTypedData_v4 does.
func (k *PrivateKey) SignTypedData(ctx context.Context, td *TypedData) ([]byte, error) {
	h, err := td.Hash()
	if err != nil {
		return nil, err
	}
	return k.SignHash(ctx, h)
}

// signTypedData has s sign the manifest attestation a under domain, and
// checks that the signature recovers to s's address: a wallet or KMS that
// signs with another key is caught here, not by whoever verifies later.
func signTypedData(ctx context.Context, s EthSigner, domain Domain, a ManifestAttestation, manifestCID cid.Cid) (*EthSignature, error) {
	td := NewTypedData(domain, a)
	sig, err := s.SignTypedData(ctx, td)
	if err != nil {
		return nil, fmt.Errorf("attest: EIP-712 signing: %w", err)
	}
	if err := checkSignedBy(s, TypedDataHash(domain, a), sig); err != nil {
		return nil, fmt.Errorf("attest: EIP-712 signing: %w", err)
	}
	return &EthSignature{
		Format:      FormatEIP712,
		TypedData:   td,
		ManifestCID: manifestCID.String(),
		Signature:   "0x" + hex.EncodeToString(sig),
		Signer:      s.Address(),
	}, nil
}

// signPersonal has s sign the manifest digest (the 32 bytes inside
// manifestCID) as an EIP-191 personal_sign message: what
// `personal_sign(0x<digest>)` in a wallet produces.
func signPersonal(ctx context.Context, s EthSigner, manifestCID cid.Cid) (*EthSignature, error) {
	d, err := digest32(manifestCID)
	if err != nil {
		return nil, fmt.Errorf("attest: manifest CID: %w", err)
	}
	sig, err := s.Sign(ctx, d[:])
	if err != nil {
		return nil, fmt.Errorf("attest: EIP-191 signing: %w", err)
	}
	if err := checkSignedBy(s, PersonalSignHash(d[:]), sig); err != nil {
		return nil, fmt.Errorf("attest: EIP-191 signing: %w", err)
	}
	return &EthSignature{
		Format:      FormatEIP191,
		Message:     "0x" + hex.EncodeToString(d[:]),
		ManifestCID: manifestCID.String(),
		Signature:   "0x" + hex.EncodeToString(sig),
		Signer:      s.Address(),
	}, nil
}

func checkSignedBy(s EthSigner, hash [32]byte, sig []byte) error {
	got, err := RecoverAddress(hash, sig)
	if err != nil {
		return err
	}
	if got != s.Address() {
		return fmt.Errorf("the signer signed as %s, not its address %s", got.Hex(), s.Address().Hex())
	}
	return nil
}

// maxEthSignatureFile bounds ParseEthSignature's input.
const maxEthSignatureFile = 64 << 10

// ErrMalformedSignatureFile is matched by every ParseEthSignature error.
var ErrMalformedSignatureFile = errors.New("attest: malformed Ethereum signature file")

// ParseEthSignature reads an EthSignature JSON file, strictly (see
// unmarshalStrict): duplicate, case-variant and unknown keys and data after
// the object are refused.
func ParseEthSignature(data []byte) (*EthSignature, error) {
	if len(data) > maxEthSignatureFile {
		return nil, fmt.Errorf("%w: %d bytes, more than %d", ErrMalformedSignatureFile, len(data), maxEthSignatureFile)
	}
	var s EthSignature
	if err := unmarshalStrict(data, &s); err != nil {
		return nil, fmt.Errorf("%w: %s", ErrMalformedSignatureFile, describeJSONError(err))
	}
	switch s.Format {
	case FormatEIP712:
		if s.TypedData == nil {
			return nil, fmt.Errorf("%w: format eip712 without typedData", ErrMalformedSignatureFile)
		}
	case FormatEIP191:
		if s.Message == "" {
			return nil, fmt.Errorf("%w: format eip191 without message", ErrMalformedSignatureFile)
		}
	case "":
		// The minimal form {typedData, signature, signer}.
		if s.TypedData == nil {
			return nil, fmt.Errorf("%w: no format and no typedData", ErrMalformedSignatureFile)
		}
		s.Format = FormatEIP712
	default:
		return nil, fmt.Errorf("%w: format %q, want eip712 or eip191", ErrMalformedSignatureFile, s.Format)
	}
	return &s, nil
}

// Recover checks the signature's form and returns the address that signed.
// It does not compare with Signer (Verify does) nor with a manifest.
func (s *EthSignature) Recover() (common.Address, error) {
	sig, err := decodeHex(s.Signature)
	if err != nil {
		return common.Address{}, fmt.Errorf("%w: signature: %v", ErrBadSignature, err)
	}
	var hash [32]byte
	switch s.Format {
	case FormatEIP712:
		if s.TypedData == nil {
			return common.Address{}, errors.New("attest: eip712 signature without typedData")
		}
		if hash, err = s.TypedData.Hash(); err != nil {
			return common.Address{}, fmt.Errorf("%w: %w", ErrMalformedSignatureFile, err)
		}
	case FormatEIP191:
		msg, err := decodeHex(s.Message)
		if err != nil {
			return common.Address{}, fmt.Errorf("attest: eip191 message: %v", err)
		}
		hash = PersonalSignHash(msg)
	default:
		return common.Address{}, fmt.Errorf("attest: unknown Ethereum signature format %q", s.Format)
	}
	return RecoverAddress(hash, sig)
}

// ManifestDigest returns the manifest digest the signature covers.
func (s *EthSignature) ManifestDigest() ([32]byte, error) {
	switch s.Format {
	case FormatEIP712:
		if s.TypedData == nil {
			return [32]byte{}, errors.New("attest: eip712 signature without typedData")
		}
		_, a, err := s.TypedData.Parse()
		return a.ManifestDigest, err
	case FormatEIP191:
		msg, err := decodeHex(s.Message)
		if err != nil {
			return [32]byte{}, fmt.Errorf("attest: eip191 message: %v", err)
		}
		if len(msg) != 32 {
			return [32]byte{}, fmt.Errorf("attest: eip191 message is %d bytes, want the 32-byte manifest digest", len(msg))
		}
		return [32]byte(msg), nil
	}
	return [32]byte{}, fmt.Errorf("attest: unknown Ethereum signature format %q", s.Format)
}

func decodeHex(s string) ([]byte, error) {
	if !strings.HasPrefix(s, "0x") && !strings.HasPrefix(s, "0X") {
		return nil, fmt.Errorf("%.20q: want 0x-prefixed hex", s)
	}
	b, err := hex.DecodeString(s[2:])
	if err != nil {
		return nil, fmt.Errorf("%.20q: not hex", s)
	}
	return b, nil
}
