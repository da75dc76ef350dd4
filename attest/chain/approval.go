package chain

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"slices"
	"strconv"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"golang.org/x/crypto/sha3"

	"github.com/aiprov/aiprov/attest"
)

// EpochApprovalType is the EIP-712 type a voter signs to approve a payout
// epoch of the Distributor contract. The domain (DistributorDomain) binds
// the chain and the distributor, which serves one registry; the message
// binds the artifact (its registry token id) and the epoch number, so an
// approval counts for exactly one epoch, and the claim words' budgets
// (ClaimBudgets), so that nobody relaying the approvals can publish the
// same root with its total spread otherwise.
const EpochApprovalType = "EpochApproval(uint256 artifact,uint256 epoch,address token,bytes32 root,uint256 total,uint256[] budgets)"

// Distributor EIP-712 domain name and version (Distributor.sol's
// constructor).
const (
	DistributorName    = "aiprov Distributor"
	DistributorVersion = "1"
)

var epochApprovalTypeHash = keccak([]byte(EpochApprovalType))

// DistributorDomain is the EIP-712 domain of the distributor at address
// on chain chainID.
func DistributorDomain(chainID uint64, distributor common.Address) attest.Domain {
	return attest.Domain{Name: DistributorName, Version: DistributorVersion, ChainID: chainID, VerifyingContract: distributor}
}

// EpochApproval is the message of an approval: publish, as the artifact's
// epoch Epoch, Total of Token (zero: the native currency) under Root.
type EpochApproval struct {
	Artifact *big.Int       // the registry token id
	Epoch    uint64         // the number of the epoch, counted from 0 per artifact
	Token    common.Address // zero for the native currency
	Root     [32]byte       // the StandardMerkleTree root of the payouts
	Total    *big.Int       // what the epoch takes from the unallocated balance: the budgets' sum
	Budgets  []*big.Int     // what each claim word's leaves take (ClaimBudgets)
}

// Digest returns the EIP-712 hash signed under domain.
func (a EpochApproval) Digest(domain attest.Domain) [32]byte {
	var enc [7 * 32]byte
	copy(enc[0:], epochApprovalTypeHash[:])
	a.Artifact.FillBytes(enc[32:64])
	new(big.Int).SetUint64(a.Epoch).FillBytes(enc[64:96])
	copy(enc[96+12:128], a.Token[:])
	copy(enc[128:160], a.Root[:])
	a.Total.FillBytes(enc[160:192])
	// EIP-712 encodes an array as the hash of its elements' encodings.
	budgets := make([]byte, 32*len(a.Budgets))
	for i, b := range a.Budgets {
		b.FillBytes(budgets[32*i : 32*i+32])
	}
	bh := keccak(budgets)
	copy(enc[192:], bh[:])
	sep := domain.Separator()
	sh := keccak(enc[:])
	return keccak([]byte{0x19, 0x01}, sep[:], sh[:])
}

// checkBudgets checks that the budgets are what the distributor takes:
// each non-negative and below 2^96, adding up to Total.
func (a EpochApproval) checkBudgets() error {
	if a.Total == nil {
		return errors.New("no total")
	}
	sum := new(big.Int)
	for i, b := range a.Budgets {
		if b == nil || b.Sign() < 0 || b.BitLen() > 96 {
			return fmt.Errorf("budgets[%d] %v: want an integer from 0 to 2^96-1", i, b)
		}
		sum.Add(sum, b)
	}
	if sum.Cmp(a.Total) != 0 {
		return fmt.Errorf("the budgets add up to %v, not the total %v", sum, a.Total)
	}
	return nil
}

func keccak(parts ...[]byte) [32]byte {
	h := sha3.NewLegacyKeccak256()
	for _, p := range parts {
		h.Write(p)
	}
	var out [32]byte
	h.Sum(out[:0])
	return out
}

// SignedApproval is the file `aiprov royalty approve` writes: the
// eth_signTypedData_v4 object (so a wallet can show what it signs, and
// ethers' verifyTypedData can check it), the signer and the signature.
type SignedApproval struct {
	TypedData approvalTypedData `json:"typedData"`
	Signer    common.Address    `json:"signer"`
	Signature string            `json:"signature"` // 0x-hex, 65 bytes r‖s‖v, v = 27/28
}

type approvalTypedData struct {
	Types       map[string][]attest.TypedField `json:"types"`
	PrimaryType string                         `json:"primaryType"`
	Domain      approvalDomain                 `json:"domain"`
	Message     approvalMessage                `json:"message"`
}

type approvalDomain struct {
	Name              string         `json:"name"`
	Version           string         `json:"version"`
	ChainID           string         `json:"chainId"`
	VerifyingContract common.Address `json:"verifyingContract"`
}

type approvalMessage struct {
	Artifact string         `json:"artifact"`
	Epoch    string         `json:"epoch"`
	Token    common.Address `json:"token"`
	Root     string         `json:"root"`
	Total    string         `json:"total"`
	Budgets  []string       `json:"budgets"`
}

var epochApprovalFields = []attest.TypedField{
	{Name: "artifact", Type: "uint256"},
	{Name: "epoch", Type: "uint256"},
	{Name: "token", Type: "address"},
	{Name: "root", Type: "bytes32"},
	{Name: "total", Type: "uint256"},
	{Name: "budgets", Type: "uint256[]"},
}

var domainFields = []attest.TypedField{
	{Name: "name", Type: "string"},
	{Name: "version", Type: "string"},
	{Name: "chainId", Type: "uint256"},
	{Name: "verifyingContract", Type: "address"},
}

// ApprovalSigner signs an EIP-712 digest as an Ethereum account: a voter's
// key. *attest.PrivateKey implements it for secp256k1 keys, as a KMS key
// that signs transactions (TxSigner) does.
type ApprovalSigner = TxSigner

// SignApproval signs a under domain with an Ethereum key (a voter's).
func SignApproval(ctx context.Context, s ApprovalSigner, domain attest.Domain, a EpochApproval) (*SignedApproval, error) {
	if err := a.checkBudgets(); err != nil {
		return nil, fmt.Errorf("chain: the epoch approval: %w", err)
	}
	budgets := make([]string, len(a.Budgets))
	for i, b := range a.Budgets {
		budgets[i] = b.String()
	}
	sig, err := s.SignHash(ctx, a.Digest(domain))
	if err != nil {
		return nil, fmt.Errorf("chain: signing the epoch approval: %w", err)
	}
	if sig[64] < 27 {
		sig[64] += 27 // OpenZeppelin's ECDSA.recover takes v = 27/28
	}
	return &SignedApproval{
		TypedData: approvalTypedData{
			Types:       map[string][]attest.TypedField{"EIP712Domain": domainFields, "EpochApproval": epochApprovalFields},
			PrimaryType: "EpochApproval",
			Domain:      approvalDomain{domain.Name, domain.Version, strconv.FormatUint(domain.ChainID, 10), domain.VerifyingContract},
			Message: approvalMessage{
				Artifact: a.Artifact.String(),
				Epoch:    strconv.FormatUint(a.Epoch, 10),
				Token:    a.Token,
				Root:     "0x" + hex.EncodeToString(a.Root[:]),
				Total:    a.Total.String(),
				Budgets:  budgets,
			},
		},
		Signer:    s.Address(),
		Signature: "0x" + hex.EncodeToString(sig),
	}, nil
}

// MaxApprovalSize bounds ParseApproval's input: room for the budgets of
// the largest epoch (2^16 claim words, a tree of millions of payees).
const MaxApprovalSize = 2 << 20

// ErrBadApproval is matched by every approval that cannot be read or does
// not verify.
var ErrBadApproval = errors.New("bad epoch approval")

// ParseApproval reads an approval file and checks that its signature
// recovers to its signer; it returns the domain and message for the caller
// to compare with what it publishes.
func ParseApproval(data []byte) (*SignedApproval, attest.Domain, EpochApproval, error) {
	var s SignedApproval
	var d attest.Domain
	var a EpochApproval
	if len(data) > MaxApprovalSize {
		return nil, d, a, fmt.Errorf("%w: %d bytes, more than %d", ErrBadApproval, len(data), MaxApprovalSize)
	}
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s); err != nil {
		return nil, d, a, fmt.Errorf("%w: %v", ErrBadApproval, err)
	}
	td := s.TypedData
	if td.PrimaryType != "EpochApproval" || !slices.Equal(td.Types["EpochApproval"], epochApprovalFields) ||
		(td.Types["EIP712Domain"] != nil && !slices.Equal(td.Types["EIP712Domain"], domainFields)) || len(td.Types) > 2 {
		return nil, d, a, fmt.Errorf("%w: typedData is not %s", ErrBadApproval, EpochApprovalType)
	}
	if td.Domain.Name != DistributorName || td.Domain.Version != DistributorVersion {
		return nil, d, a, fmt.Errorf("%w: domain %q version %q, want %q version %q", ErrBadApproval, td.Domain.Name, td.Domain.Version, DistributorName, DistributorVersion)
	}
	chainID, err := strconv.ParseUint(td.Domain.ChainID, 10, 64)
	if err != nil || chainID == 0 {
		return nil, d, a, fmt.Errorf("%w: domain.chainId %q: want a positive integer", ErrBadApproval, td.Domain.ChainID)
	}
	d = DistributorDomain(chainID, td.Domain.VerifyingContract)
	var ok bool
	if a.Artifact, ok = parseUint256(td.Message.Artifact); !ok {
		return nil, d, a, fmt.Errorf("%w: message.artifact %q: want a uint256", ErrBadApproval, td.Message.Artifact)
	}
	if a.Epoch, err = strconv.ParseUint(td.Message.Epoch, 10, 64); err != nil {
		return nil, d, a, fmt.Errorf("%w: message.epoch %q: want an integer", ErrBadApproval, td.Message.Epoch)
	}
	a.Token = td.Message.Token
	root, err := hex.DecodeString(strings.TrimPrefix(td.Message.Root, "0x"))
	if err != nil || len(root) != 32 || !strings.HasPrefix(td.Message.Root, "0x") {
		return nil, d, a, fmt.Errorf("%w: message.root %q: want 0x and 64 hex digits", ErrBadApproval, td.Message.Root)
	}
	a.Root = [32]byte(root)
	if a.Total, ok = parseUint256(td.Message.Total); !ok {
		return nil, d, a, fmt.Errorf("%w: message.total %q: want a uint256", ErrBadApproval, td.Message.Total)
	}
	if len(td.Message.Budgets) > maxClaimWords {
		return nil, d, a, fmt.Errorf("%w: message.budgets has %d words, more than %d", ErrBadApproval, len(td.Message.Budgets), maxClaimWords)
	}
	a.Budgets = make([]*big.Int, len(td.Message.Budgets))
	for i, b := range td.Message.Budgets {
		if a.Budgets[i], ok = parseUint256(b); !ok {
			return nil, d, a, fmt.Errorf("%w: message.budgets[%d] %q: want a uint256", ErrBadApproval, i, b)
		}
	}
	if err := a.checkBudgets(); err != nil {
		return nil, d, a, fmt.Errorf("%w: message.budgets: %w", ErrBadApproval, err)
	}
	sig, err := s.signature()
	if err != nil {
		return nil, d, a, err
	}
	got, err := attest.RecoverAddress(a.Digest(d), sig)
	if err != nil {
		return nil, d, a, fmt.Errorf("%w: %w", ErrBadApproval, err)
	}
	if got != s.Signer {
		return nil, d, a, fmt.Errorf("%w: signed by %s, not its signer %s", ErrBadApproval, got.Hex(), s.Signer.Hex())
	}
	return &s, d, a, nil
}

func (s *SignedApproval) signature() ([]byte, error) {
	sig, err := hex.DecodeString(strings.TrimPrefix(s.Signature, "0x"))
	if err != nil || len(sig) != 65 {
		return nil, fmt.Errorf("%w: signature: want 0x and 130 hex digits (r‖s‖v)", ErrBadApproval)
	}
	return sig, nil
}

var maxUint256 = new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1))

func parseUint256(s string) (*big.Int, bool) {
	if len(s) > 78 { // 2^256 has 78 decimal digits; longer is not worth converting
		return nil, false
	}
	v, ok := new(big.Int).SetString(s, 10)
	if !ok || v.Sign() < 0 || v.Cmp(maxUint256) > 0 || strings.HasPrefix(s, "+") {
		return nil, false
	}
	return v, true
}
