package chain

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"
	"net"
	"strings"
	"sync"
	"time"

	"github.com/aiprov/aiprov/attest"
	"github.com/aiprov/aiprov/attest/chain/bindings"
	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/rpc"
	"github.com/ipfs/go-cid"
)

// Config says where the registry is and how to send to it.
type Config struct {
	Registry common.Address // the deployed ProvenanceRegistry
	// ChainID, if set, must be the node's: a guard against sending to the
	// wrong network. 0 takes the node's.
	ChainID uint64
	// Timeout bounds each JSON-RPC call of a client Dial opens (over HTTP,
	// a websocket or IPC): a node that accepts the connection and never
	// answers fails after Timeout rather than hanging. Zero means
	// DefaultTimeout.
	Timeout time.Duration
	TxOptions
}

// DefaultTimeout is Config.Timeout's default: generous for a node under
// load, short enough that a silent one is noticed.
const DefaultTimeout = 30 * time.Second

// Registry is a client of a deployed ProvenanceRegistry. It implements
// Chain; its methods are safe for concurrent use, and it sends one
// transaction at a time.
type Registry struct {
	b       Backend
	addr    common.Address
	chainID *big.Int
	c       *bindings.ProvenanceRegistry
	s       *sender
	close   func()
}

var _ Chain = (*Registry)(nil)

// Dial connects to an EVM node's JSON-RPC endpoint (http://, ws:// or an
// IPC path; see DialBackend for the limits on its replies) and returns a
// client of the registry at cfg.Registry.
func Dial(ctx context.Context, url string, cfg Config) (*Registry, error) {
	timeout := cfg.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	c, err := dialBackend(ctx, url, timeout)
	if err != nil {
		return nil, err
	}
	r, err := New(ctx, c, cfg)
	if err != nil {
		c.Close()
		var ne net.Error
		if errors.As(err, &ne) && ne.Timeout() || ctx.Err() == nil && errors.Is(err, context.DeadlineExceeded) {
			return nil, fmt.Errorf("chain: the node at %s accepted the connection but sent no reply within %v (is it a JSON-RPC endpoint, and is it synced?): %w", url, timeout, err)
		}
		return nil, err
	}
	r.close = c.Close
	return r, nil
}

// New returns a client of the registry at cfg.Registry over b. It checks
// that the node's chain id is cfg.ChainID (when set) and that the address
// holds an aiprov registry.
func New(ctx context.Context, b Backend, cfg Config) (*Registry, error) {
	id, err := chainID(ctx, b, cfg.ChainID)
	if err != nil {
		return nil, err
	}
	r := &Registry{b: b, addr: cfg.Registry, chainID: id, c: bindings.NewProvenanceRegistry()}
	r.s = newSender(b, cfg.TxOptions, id, r.decodeErr)
	dom, err := call(ctx, r, r.c.PackEip712Domain(), r.c.UnpackEip712Domain)
	if err != nil {
		return nil, fmt.Errorf("chain: no aiprov registry at %s on chain %d: %w", cfg.Registry.Hex(), id, err)
	}
	if dom.Name != "aiprov" || dom.Version != "1" || dom.VerifyingContract != cfg.Registry {
		return nil, fmt.Errorf("chain: the contract at %s is not an aiprov registry (EIP-712 domain %q version %q)", cfg.Registry.Hex(), dom.Name, dom.Version)
	}
	return r, nil
}

func chainID(ctx context.Context, b Backend, want uint64) (*big.Int, error) {
	id, err := b.ChainID(ctx)
	if err != nil {
		return nil, fmt.Errorf("chain: asking the node for its chain id: %w", err)
	}
	if want != 0 && (!id.IsUint64() || id.Uint64() != want) {
		return nil, fmt.Errorf("chain: the node is on chain %s, not %d", id, want)
	}
	return id, nil
}

// Close closes the connection Dial opened.
func (r *Registry) Close() {
	if r.close != nil {
		r.close()
	}
}

// Address returns the registry's address.
func (r *Registry) Address() common.Address { return r.addr }

// ChainID returns the chain's id.
func (r *Registry) ChainID() uint64 { return r.chainID.Uint64() }

// Backend returns the client the registry talks through.
func (r *Registry) Backend() Backend { return r.b }

// Domain returns the EIP-712 domain registrations are signed under.
func (r *Registry) Domain() attest.Domain {
	return attest.Domain{Name: "aiprov", Version: "1", ChainID: r.chainID.Uint64(), VerifyingContract: r.addr}
}

// Sign has owner sign a under the registry's domain (eth_signTypedData_v4,
// so a wallet can) and checks that the signature recovers to owner's
// address: what Register needs.
func (r *Registry) Sign(ctx context.Context, owner attest.EthSigner, a attest.ManifestAttestation) ([]byte, error) {
	sig, err := owner.SignTypedData(ctx, attest.NewTypedData(r.Domain(), a))
	if err != nil {
		return nil, fmt.Errorf("chain: signing the registration: %w", err)
	}
	got, err := attest.RecoverAddress(attest.TypedDataHash(r.Domain(), a), sig)
	if err != nil {
		return nil, fmt.Errorf("chain: the registration signature: %w", err)
	}
	if got != owner.Address() {
		return nil, fmt.Errorf("chain: the registration was signed by %s, not by %s", got.Hex(), owner.Address().Hex())
	}
	return sig, nil
}

func toBinding(a attest.ManifestAttestation) bindings.ProvenanceRegistryManifestAttestation {
	return bindings.ProvenanceRegistryManifestAttestation{
		ManifestDigest: a.ManifestDigest,
		SubjectDigest:  a.SubjectDigest,
		SubjectSize:    a.SubjectSize,
		Created:        a.Created,
		Parents:        append([][32]byte{}, a.Parents...),
		RoyaltyShare:   a.RoyaltyShare,
	}
}

// Register implements Chain.
func (r *Registry) Register(ctx context.Context, a attest.ManifestAttestation, owner common.Address, signature []byte) (*Anchor, error) {
	if len(signature) != 65 {
		return nil, fmt.Errorf("chain: signature is %d bytes, want 65 (r ‖ s ‖ v)", len(signature))
	}
	sig := append([]byte(nil), signature...)
	if sig[64] < 27 {
		sig[64] += 27 // ecrecover wants v = 27 or 28
	}
	return r.record(ctx, a.ManifestDigest, r.c.PackRegister(toBinding(a), owner, sig))
}

// ProveInclusion implements Chain.
func (r *Registry) ProveInclusion(ctx context.Context, in *Inclusion) (*Anchor, error) {
	proof := make([][32]byte, len(in.Proof))
	for i, p := range in.Proof {
		proof[i] = p
	}
	return r.record(ctx, in.Attestation.ManifestDigest, r.c.PackRegisterFromBatch(in.Root, in.Owner, toBinding(in.Attestation), proof))
}

// record sends a registering call unless the manifest is registered, and
// returns its record.
func (r *Registry) record(ctx context.Context, digest common.Hash, data []byte) (*Anchor, error) {
	done := func(ctx context.Context) (bool, error) {
		return call(ctx, r, r.c.PackIsRegistered(digest), r.c.UnpackIsRegistered)
	}
	rcpt, err := r.s.transact(ctx, &r.addr, data, done)
	if err != nil {
		return nil, err
	}
	if rcpt == nil {
		rec, err := r.Record(ctx, ManifestCID(digest))
		if err != nil {
			return nil, err
		}
		return &Anchor{Record: *rec, Registry: r.addr, Existing: true}, nil
	}
	for _, l := range rcpt.Logs {
		if l.Address != r.addr {
			continue
		}
		if rec, err := r.parseRegistered(l); err == nil && rec.ManifestCID.Equals(ManifestCID(digest)) {
			rec.Owner = rec.Registrant
			return &Anchor{Record: *rec, Registry: r.addr, GasUsed: rcpt.GasUsed}, nil
		}
	}
	return nil, fmt.Errorf("chain: transaction %s has no Registered event for %s", rcpt.TxHash.Hex(), ManifestCID(digest))
}

// AnchorBatch implements Chain.
func (r *Registry) AnchorBatch(ctx context.Context, b *Batch) (*BatchAnchor, error) {
	root := b.Root()
	batchOf := func(ctx context.Context) (bindings.BatchOfOutput, error) {
		return call(ctx, r, r.c.PackBatchOf(root), r.c.UnpackBatchOf)
	}
	done := func(ctx context.Context) (bool, error) {
		out, err := batchOf(ctx)
		return out.Anchorer != (common.Address{}), err
	}
	rcpt, err := r.s.transact(ctx, &r.addr, r.c.PackAnchorBatch(root, big.NewInt(int64(len(b.Entries)))), done)
	if err != nil {
		return nil, err
	}
	if rcpt == nil {
		out, err := batchOf(ctx)
		if err != nil {
			return nil, err
		}
		return &BatchAnchor{Root: root, Anchorer: out.Anchorer, Block: out.BlockNumber, Existing: true}, nil
	}
	return &BatchAnchor{Root: root, Anchorer: r.s.opt.Signer.Address(), Block: rcpt.BlockNumber.Uint64(), TxHash: rcpt.TxHash, GasUsed: rcpt.GasUsed}, nil
}

// Record implements Chain.
func (r *Registry) Record(ctx context.Context, manifestCID cid.Cid) (*Record, error) {
	d, err := Digest(manifestCID)
	if err != nil {
		return nil, err
	}
	id := d.Big()
	info, err := call(ctx, r, r.c.PackRecordOf(id), r.c.UnpackRecordOf)
	if err != nil {
		return nil, err
	}
	owner, err := call(ctx, r, r.c.PackOwnerOf(id), r.c.UnpackOwnerOf)
	if err != nil {
		return nil, err
	}
	block := new(big.Int).SetUint64(info.BlockNumber)
	logs, err := r.b.FilterLogs(ctx, ethereum.FilterQuery{
		FromBlock: block, ToBlock: block, Addresses: []common.Address{r.addr},
		Topics: [][]common.Hash{{r.c.GetABI().Events["Registered"].ID}, {d}},
	})
	if err != nil {
		return nil, fmt.Errorf("chain: reading the Registered event of %s: %w", manifestCID, err)
	}
	if len(logs) > MaxLogs {
		return nil, fmt.Errorf("%w: %d logs for %s, more than %d", ErrReplyTooLarge, len(logs), manifestCID, MaxLogs)
	}
	for i := range logs {
		if rec, err := r.parseRegistered(&logs[i]); err == nil && rec.ManifestCID.Equals(manifestCID) {
			rec.Owner = owner
			return rec, nil
		}
	}
	return nil, fmt.Errorf("chain: %s is registered in block %d but the node has no Registered event for it", manifestCID, info.BlockNumber)
}

// parseRegistered decodes a Registered event from a node's reply, which
// is untrusted: a token id that is no 256-bit value or more parents than
// the registry allows are refused.
func (r *Registry) parseRegistered(l *types.Log) (*Record, error) {
	ev, err := r.c.UnpackRegisteredEvent(l)
	if err != nil {
		return nil, fmt.Errorf("chain: a Registered event: %w", err)
	}
	if ev.TokenId == nil || ev.TokenId.Sign() < 0 || ev.TokenId.BitLen() > 256 {
		return nil, errors.New("chain: a Registered event's token id is not a uint256")
	}
	if len(ev.Parents) > MaxParents {
		return nil, fmt.Errorf("chain: a Registered event names %d parents, more than the registry's %d", len(ev.Parents), MaxParents)
	}
	return r.fromEvent(ev, l), nil
}

func (r *Registry) fromEvent(ev *bindings.ProvenanceRegistryRegistered, l *types.Log) *Record {
	rec := &Record{
		ManifestCID:   ManifestCID(common.Hash(ev.TokenId.FillBytes(make([]byte, 32)))),
		Registrant:    ev.Owner,
		SubjectDigest: ev.SubjectDigest,
		RoyaltyShare:  ev.RoyaltyShare,
		BatchRoot:     ev.BatchRoot,
		Block:         l.BlockNumber,
		TxHash:        l.TxHash,
		Parents:       make([]cid.Cid, len(ev.Parents)),
	}
	for i, p := range ev.Parents {
		rec.Parents[i] = ManifestCID(p)
	}
	return rec
}

// Children implements Chain. It reads the Linked events from the parent's
// block on.
func (r *Registry) Children(ctx context.Context, manifestCID cid.Cid) ([]cid.Cid, error) {
	d, err := Digest(manifestCID)
	if err != nil {
		return nil, err
	}
	info, err := call(ctx, r, r.c.PackRecordOf(d.Big()), r.c.UnpackRecordOf)
	if err != nil {
		return nil, err
	}
	logs, err := r.b.FilterLogs(ctx, ethereum.FilterQuery{
		FromBlock: new(big.Int).SetUint64(info.BlockNumber), Addresses: []common.Address{r.addr},
		Topics: [][]common.Hash{{r.c.GetABI().Events["Linked"].ID}, {d}},
	})
	if err != nil {
		return nil, fmt.Errorf("chain: reading the children of %s: %w", manifestCID, err)
	}
	if len(logs) > MaxLogs {
		return nil, fmt.Errorf("%w: %d children of %s, more than %d", ErrReplyTooLarge, len(logs), manifestCID, MaxLogs)
	}
	var out []cid.Cid
	for _, l := range logs {
		// The node filtered by topic; an untrusted one may not have.
		if len(l.Topics) == 3 && !l.Removed && l.Address == r.addr && l.Topics[0] == r.c.GetABI().Events["Linked"].ID && l.Topics[1] == d {
			out = append(out, ManifestCID(l.Topics[2]))
		}
	}
	return out, nil
}

// OwnerOf implements Chain.
func (r *Registry) OwnerOf(ctx context.Context, manifestCID cid.Cid) (common.Address, error) {
	d, err := Digest(manifestCID)
	if err != nil {
		return common.Address{}, err
	}
	return call(ctx, r, r.c.PackOwnerOf(d.Big()), r.c.UnpackOwnerOf)
}

// TokenURI returns the token's URI as the registry builds it:
// ipfs://<manifest CID>.
func (r *Registry) TokenURI(ctx context.Context, manifestCID cid.Cid) (string, error) {
	d, err := Digest(manifestCID)
	if err != nil {
		return "", err
	}
	return call(ctx, r, r.c.PackTokenURI(d.Big()), r.c.UnpackTokenURI)
}

// call runs a read-only call against the latest block and decodes its
// result or its revert.
func call[T any](ctx context.Context, r *Registry, data []byte, unpack func([]byte) (T, error)) (T, error) {
	var zero T
	out, err := r.b.CallContract(ctx, ethereum.CallMsg{To: &r.addr, Data: data}, nil)
	if err != nil {
		return zero, r.decodeErr(err)
	}
	return unpack(out)
}

// RevertError is a revert of the registry with one of its custom errors.
// It matches the corresponding Err* value with errors.Is.
type RevertError struct {
	Name string // the Solidity error's name, e.g. "ParentNotRegistered"
	Args []any  // its arguments
	err  error
}

func (e *RevertError) Error() string {
	args := make([]string, len(e.Args))
	for i, a := range e.Args {
		switch v := a.(type) {
		case *big.Int:
			// Amounts and counts in decimal; token ids and digests,
			// which do not fit 64 bits, as 32 bytes of hex.
			if v.IsUint64() {
				args[i] = v.String()
			} else {
				args[i] = "0x" + hex.EncodeToString(v.FillBytes(make([]byte, 32)))
			}
		case [32]byte:
			args[i] = "0x" + hex.EncodeToString(v[:])
		default:
			args[i] = fmt.Sprint(v)
		}
	}
	if s, ok := revertSentinels[e.Name]; ok {
		return fmt.Sprintf("%v: the contract reverted with %s(%s)", s, e.Name, strings.Join(args, ", "))
	}
	return fmt.Sprintf("chain: the contract reverted with %s(%s)", e.Name, strings.Join(args, ", "))
}

func (e *RevertError) Unwrap() error { return e.err }

// revertSentinels maps the contracts' custom errors to the errors they
// match; the others match ErrReverted.
var revertSentinels = map[string]error{
	"AlreadyRegistered":      ErrAlreadyRegistered,
	"ParentNotRegistered":    ErrParentNotRegistered,
	"ParentsNotAscending":    ErrParentsNotAscending,
	"TooManyParents":         ErrTooManyParents,
	"RoyaltyShareTooHigh":    ErrRoyaltyShareTooHigh,
	"InvalidSignature":       ErrInvalidSignature,
	"BatchNotAnchored":       ErrBatchNotAnchored,
	"InvalidProof":           ErrInvalidProof,
	"ERC721NonexistentToken": ErrNotRegistered,
	// The distributor's.
	"AlreadyClaimed":          ErrAlreadyClaimed,
	"NoMajority":              ErrNoMajority,
	"BadApproval":             ErrBadApprovalSignature,
	"InsufficientUnallocated": ErrInsufficientUnallocated,
	"UnknownClaimId":          ErrUnknownEpoch,
	"NotInEpoch":              ErrNotInEpoch,
	"EpochExhausted":          ErrEpochExhausted,
	"NotConfigured":           ErrNotConfigured,
	"AlreadyConfigured":       ErrAlreadyConfigured,
	"NotArtifactOwner":        ErrNotArtifactOwner,
	"UnknownArtifact":         ErrUnknownArtifact,
}

// Transfer transfers the manifest's token from the signer's account to to:
// with it go the record's ownership and its EIP-2981 royalties.
func (r *Registry) Transfer(ctx context.Context, manifestCID cid.Cid, to common.Address) (common.Hash, error) {
	d, err := Digest(manifestCID)
	if err != nil {
		return common.Hash{}, err
	}
	if r.s.opt.Signer == nil {
		return common.Hash{}, errors.New("chain: no signer: this client is read-only")
	}
	done := func(ctx context.Context) (bool, error) {
		owner, err := r.OwnerOf(ctx, manifestCID)
		return owner == to, err
	}
	rcpt, err := r.s.transact(ctx, &r.addr, r.c.PackTransferFrom(r.s.opt.Signer.Address(), to, d.Big()), done)
	if err != nil || rcpt == nil {
		return common.Hash{}, err
	}
	return rcpt.TxHash, nil
}

func (r *Registry) decodeErr(err error) error { return ParseRevert(err) }

// ParseRevert turns an error from a node that carries the revert data of
// one of aiprov's contracts into a *RevertError naming the custom error;
// other errors pass unchanged.
func ParseRevert(err error) error {
	var de rpc.DataError
	if !errors.As(err, &de) {
		return err
	}
	s, ok := de.ErrorData().(string)
	if !ok {
		return err
	}
	data, herr := hex.DecodeString(strings.TrimPrefix(s, "0x"))
	if herr != nil || len(data) < 4 {
		return err
	}
	for _, contract := range contractABIs() {
		if rev := decodeRevert(contract, data); rev != nil {
			return rev
		}
	}
	return err
}

var contractABIs = sync.OnceValue(func() []abi.ABI {
	return []abi.ABI{bindings.NewProvenanceRegistry().GetABI(), bindings.NewDistributor().GetABI()}
})

func decodeRevert(contract abi.ABI, data []byte) *RevertError {
	for name, e := range contract.Errors {
		if string(e.ID[:4]) != string(data[:4]) {
			continue
		}
		args, err := e.Inputs.Unpack(data[4:])
		if err != nil {
			return nil
		}
		rev := &RevertError{Name: name, Args: args, err: revertSentinels[name]}
		if rev.err == nil {
			rev.err = ErrReverted
		}
		return rev
	}
	return nil
}

// RegisteredEventID is the topic of the registry's Registered event, for
// clients that read the chain's logs themselves.
func RegisteredEventID() common.Hash {
	return bindings.NewProvenanceRegistry().GetABI().Events["Registered"].ID
}
