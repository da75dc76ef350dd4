package chain

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"
	"slices"
	"strings"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ipfs/go-cid"

	"github.com/aiprov/aiprov/attest"
	"github.com/aiprov/aiprov/attest/chain/bindings"
	"github.com/aiprov/aiprov/royalty"
)

// Errors that name the distributor's custom errors (a *RevertError
// matches one with errors.Is; the others match ErrReverted).
var (
	ErrAlreadyClaimed          = errors.New("chain: already claimed")
	ErrNoMajority              = errors.New("chain: approvals do not hold more than half of the voting weight")
	ErrBadApprovalSignature    = errors.New("chain: an approval is not signed by its voter for this epoch")
	ErrInsufficientUnallocated = errors.New("chain: the artifact's unallocated balance is below the epoch total")
	ErrUnknownEpoch            = errors.New("chain: no such epoch")
	ErrNotInEpoch              = errors.New("chain: the leaf (account, amount), its proof or the claim id's token is not the epoch's")
	ErrEpochExhausted          = errors.New("chain: the epoch's budget for this leaf's claim word is spent")
	ErrNotConfigured           = errors.New("chain: the artifact's payout governance is not configured")
	ErrAlreadyConfigured       = errors.New("chain: the artifact's payout governance is already configured")
	ErrNotArtifactOwner        = errors.New("chain: only the artifact's token owner may do this")
	ErrUnknownArtifact         = errors.New("chain: no registry token for this artifact")
	// ErrEpochPublished: approvals of an epoch that is already published
	// otherwise (an approval counts for one epoch only).
	ErrEpochPublished = errors.New("chain: the epoch is already published")
)

// Voter is one voter of an artifact's payout epochs: an account and its
// weight, the contributor's share in provenance.ShareWhole parts.
type Voter struct {
	Account common.Address
	Weight  uint32
}

// Distributor is a client of a deployed Distributor contract: payments to
// registered artifacts, payout epochs published by their contributors'
// vote, claims. Its methods are safe for concurrent use; it sends one
// transaction at a time.
type Distributor struct {
	b       Backend
	addr    common.Address
	chainID *big.Int
	c       *bindings.Distributor
	s       *sender
}

// NewDistributor returns a client of the distributor at addr over b,
// sending with opt. It checks the chain id (when chainIDWant is set) and
// that addr holds an aiprov distributor.
func NewDistributor(ctx context.Context, b Backend, addr common.Address, chainIDWant uint64, opt TxOptions) (*Distributor, error) {
	id, err := chainID(ctx, b, chainIDWant)
	if err != nil {
		return nil, err
	}
	d := &Distributor{b: b, addr: addr, chainID: id, c: bindings.NewDistributor()}
	d.s = newSender(b, opt, id, ParseRevert)
	dom, err := dcall(ctx, d, d.c.PackEip712Domain(), d.c.UnpackEip712Domain)
	if err != nil {
		return nil, fmt.Errorf("chain: no aiprov distributor at %s on chain %d: %w", addr.Hex(), id, err)
	}
	if dom.Name != DistributorName || dom.Version != DistributorVersion || dom.VerifyingContract != addr {
		return nil, fmt.Errorf("chain: the contract at %s is not an aiprov distributor (EIP-712 domain %q version %q)", addr.Hex(), dom.Name, dom.Version)
	}
	return d, nil
}

// DeployDistributor deploys a distributor serving registry from
// opt.Signer's account and returns its address.
func DeployDistributor(ctx context.Context, b Backend, chainIDWant uint64, registry common.Address, opt TxOptions) (common.Address, *types.Receipt, error) {
	id, err := chainID(ctx, b, chainIDWant)
	if err != nil {
		return common.Address{}, nil, err
	}
	code, err := hex.DecodeString(strings.TrimPrefix(strings.TrimSpace(bindings.DistributorMetaData.Bin), "0x"))
	if err != nil {
		return common.Address{}, nil, fmt.Errorf("chain: the distributor's bytecode: %w", err)
	}
	s := newSender(b, opt, id, ParseRevert)
	rcpt, err := s.transact(ctx, nil, append(code, bindings.NewDistributor().PackConstructor(registry)...), nil)
	if err != nil {
		return common.Address{}, nil, fmt.Errorf("chain: deploying the distributor: %w", err)
	}
	return rcpt.ContractAddress, rcpt, nil
}

// Address returns the distributor's address.
func (d *Distributor) Address() common.Address { return d.addr }

// Domain returns the EIP-712 domain epoch approvals are signed under.
func (d *Distributor) Domain() attest.Domain { return DistributorDomain(d.chainID.Uint64(), d.addr) }

// Registry returns the registry whose tokens name the artifacts.
func (d *Distributor) Registry(ctx context.Context) (common.Address, error) {
	return dcall(ctx, d, d.c.PackRegistry(), d.c.UnpackRegistry)
}

// ArtifactID returns the id an artifact has in the registry and the
// distributor: its manifest's digest as a uint256.
func ArtifactID(manifestCID cid.Cid) (*big.Int, error) {
	dg, err := Digest(manifestCID)
	if err != nil {
		return nil, err
	}
	return dg.Big(), nil
}

func dcall[T any](ctx context.Context, d *Distributor, data []byte, unpack func([]byte) (T, error)) (T, error) {
	var zero T
	out, err := d.b.CallContract(ctx, ethereum.CallMsg{To: &d.addr, Data: data}, nil)
	if err != nil {
		return zero, ParseRevert(err)
	}
	return unpack(out)
}

// Governance is how an artifact's epochs are published.
type Governance struct {
	VotersHash  common.Hash    // keccak256(abi.encode(voters)); zero: no vote
	Publisher   common.Address // may publish alone; zero: nobody
	Epochs      uint64         // epochs published: the next one's number
	TotalWeight uint32         // the voters' weights added up
}

// Governance returns the artifact's governance and epoch count.
func (d *Distributor) Governance(ctx context.Context, artifact cid.Cid) (*Governance, error) {
	id, err := ArtifactID(artifact)
	if err != nil {
		return nil, err
	}
	g, err := dcall(ctx, d, d.c.PackGovernance(id), d.c.UnpackGovernance)
	if err != nil {
		return nil, err
	}
	return &Governance{VotersHash: g.VotersHash, Publisher: g.Publisher, Epochs: g.Epochs, TotalWeight: g.TotalWeight}, nil
}

// VotersHash is what the distributor keeps of a voters list.
func VotersHash(voters []Voter) common.Hash {
	if len(voters) == 0 {
		return common.Hash{}
	}
	data, err := voterArgs.Pack(toVoterBindings(voters))
	if err != nil {
		panic(err) // the list is well typed
	}
	return common.Hash(keccak(data))
}

var voterArgs = func() abi.Arguments {
	t, err := abi.NewType("tuple[]", "", []abi.ArgumentMarshaling{{Name: "account", Type: "address"}, {Name: "weight", Type: "uint32"}})
	if err != nil {
		panic(err)
	}
	return abi.Arguments{{Type: t}}
}()

func toVoterBindings(voters []Voter) []bindings.DistributorVoter {
	out := make([]bindings.DistributorVoter, len(voters))
	for i, v := range voters {
		out[i] = bindings.DistributorVoter{Account: v.Account, Weight: v.Weight}
	}
	return out
}

// Configure sets, once, how the artifact's epochs are published: by the
// voters (sorted by account, each once; use NewVoters) or by publisher
// alone, or either. Only the artifact's token owner may send it.
func (d *Distributor) Configure(ctx context.Context, artifact cid.Cid, voters []Voter, publisher common.Address) (*types.Receipt, error) {
	id, err := ArtifactID(artifact)
	if err != nil {
		return nil, err
	}
	// Done when configured exactly so (by an earlier attempt); configured
	// otherwise, the transaction is sent and reverts AlreadyConfigured.
	want := VotersHash(voters)
	done := func(ctx context.Context) (bool, error) {
		g, err := d.Governance(ctx, artifact)
		return err == nil && g.VotersHash == want && g.Publisher == publisher && (want != common.Hash{} || publisher != common.Address{}), err
	}
	return d.s.transact(ctx, &d.addr, d.c.PackConfigure(id, toVoterBindings(voters), publisher), done)
}

// Payment is the outcome of Pay.
type Payment struct {
	Artifact cid.Cid
	Token    common.Address // zero: the native currency
	Amount   *big.Int       // what the distributor credited (after any token fee)
	TxHash   common.Hash
	GasUsed  uint64
}

// Pay pays amount to the artifact: in the native currency when token is
// zero, else in that ERC-20 (approving the distributor first). A payment is
// not idempotent: a retry after a lost connection may pay twice, so Pay
// does not retry once a transaction was sent.
func (d *Distributor) Pay(ctx context.Context, artifact cid.Cid, token common.Address, amount *big.Int) (*Payment, error) {
	id, err := ArtifactID(artifact)
	if err != nil {
		return nil, err
	}
	if amount == nil || amount.Sign() <= 0 {
		return nil, errors.New("chain: pay: the amount must be positive")
	}
	p := &Payment{Artifact: artifact, Token: token}
	var rcpt *types.Receipt
	if token == (common.Address{}) {
		rcpt, err = d.s.transactValue(ctx, &d.addr, amount, d.c.PackPay(id), nil)
	} else {
		code, cerr := d.b.CodeAt(ctx, token, nil)
		if cerr != nil {
			return nil, cerr
		}
		if len(code) == 0 {
			return nil, fmt.Errorf("chain: pay: token %s is not a contract on this chain", token.Hex())
		}
		if _, err = d.s.transact(ctx, &token, packERC20Approve(d.addr, amount), nil); err != nil {
			return nil, fmt.Errorf("chain: approving the distributor to take %s of token %s: %w", amount, token.Hex(), err)
		}
		rcpt, err = d.s.transact(ctx, &d.addr, d.c.PackPayToken(id, token, amount), nil)
	}
	if err != nil {
		return nil, err
	}
	p.TxHash, p.GasUsed = rcpt.TxHash, rcpt.GasUsed
	for _, l := range rcpt.Logs {
		if ev, err := d.c.UnpackPaidEvent(l); err == nil && l.Address == d.addr {
			p.Amount = ev.Amount
		}
	}
	if p.Amount == nil {
		return nil, fmt.Errorf("chain: transaction %s has no Paid event", rcpt.TxHash.Hex())
	}
	return p, nil
}

// packERC20Approve packs ERC-20 approve(spender, amount).
func packERC20Approve(spender common.Address, amount *big.Int) []byte {
	var data [4 + 64]byte
	sel := keccak([]byte("approve(address,uint256)"))
	copy(data[:4], sel[:4])
	copy(data[4+12:36], spender[:])
	amount.FillBytes(data[36:])
	return data[:]
}

// Unallocated returns the artifact's balance in token (zero: native) that
// no epoch has taken yet.
func (d *Distributor) Unallocated(ctx context.Context, artifact cid.Cid, token common.Address) (*big.Int, error) {
	id, err := ArtifactID(artifact)
	if err != nil {
		return nil, err
	}
	return dcall(ctx, d, d.c.PackUnallocated(id, token), d.c.UnpackUnallocated)
}

// Published is the outcome of Publish.
type Published struct {
	EpochApproval
	ClaimID *big.Int // what the epoch's claims name (Epoch.ClaimID)
	Already bool     // the epoch was published so before; nothing was sent
	TxHash  common.Hash
	GasUsed uint64
}

// Publish publishes the epoch a describes. With approvals, voters is the
// configured voters list and each approval must be a voter's signature of
// a (ParseApproval's result); they are put in voter order here. Without,
// the sender must be the artifact's publisher.
func (d *Distributor) Publish(ctx context.Context, artifact cid.Cid, a EpochApproval, voters []Voter, approvals []*SignedApproval) (*Published, error) {
	id, err := ArtifactID(artifact)
	if err != nil {
		return nil, err
	}
	if a.Artifact == nil || a.Artifact.Cmp(id) != 0 {
		return nil, fmt.Errorf("chain: publish: the epoch is for artifact %v, not %s", a.Artifact, artifact)
	}
	if err := a.checkBudgets(); err != nil {
		return nil, fmt.Errorf("chain: publish: %w", err)
	}
	at := map[common.Address]int{}
	for i, v := range voters {
		at[v.Account] = i
	}
	byVoter := make([]*bindings.DistributorApproval, len(voters))
	for _, ap := range approvals {
		i, ok := at[ap.Signer]
		if !ok {
			return nil, fmt.Errorf("chain: publish: %s approved but is not a voter of %s", ap.Signer.Hex(), artifact)
		}
		sig, err := ap.signature()
		if err != nil {
			return nil, err
		}
		if got, err := attest.RecoverAddress(a.Digest(d.Domain()), sig); err != nil || got != ap.Signer {
			return nil, fmt.Errorf("%w: %s's approval is for another epoch, root, total, distributor or chain", ErrBadApprovalSignature, ap.Signer.Hex())
		}
		byVoter[i] = &bindings.DistributorApproval{Voter: uint32(i), Signature: sig}
	}
	var list []bindings.DistributorApproval
	var approved, all uint64
	for i, ap := range byVoter {
		all += uint64(voters[i].Weight)
		if ap != nil {
			list = append(list, *ap)
			approved += uint64(voters[i].Weight)
		}
	}
	// The contract would revert; say why in shares before paying for it.
	if len(approvals) > 0 && 2*approved <= all {
		return nil, fmt.Errorf("%w (they hold %s)", ErrNoMajority,
			royalty.FormatFraction(big.NewRat(int64(approved), int64(all)), 6))
	}
	if list == nil {
		list = []bindings.DistributorApproval{}
	}
	done := func(ctx context.Context) (bool, error) {
		g, err := d.Governance(ctx, artifact)
		return err == nil && g.Epochs > a.Epoch, err
	}
	rcpt, err := d.s.transact(ctx, &d.addr, d.c.PackPublish(id, a.Token, a.Root, a.Budgets, toVoterBindings(voters), list), done)
	if err != nil {
		return nil, err
	}
	p := &Published{EpochApproval: a}
	if rcpt == nil { // the epoch was published before: by an earlier attempt, or these approvals are replayed
		e, err := d.Epoch(ctx, artifact, a.Epoch)
		if err != nil {
			return nil, err
		}
		if e.Root != a.Root || e.Token != a.Token || !equalAmounts(e.Budgets, a.Budgets) {
			return nil, fmt.Errorf("%w: epoch %d of %s is published with root %x, total %v; these approvals are for root %x, total %v",
				ErrEpochPublished, a.Epoch, artifact, e.Root, e.Total, a.Root, a.Total)
		}
		p.ClaimID, p.Already = e.ClaimID, true
		return p, nil
	}
	p.TxHash, p.GasUsed = rcpt.TxHash, rcpt.GasUsed
	for _, l := range rcpt.Logs {
		if ev, err := d.c.UnpackEpochPublishedEvent(l); err == nil && l.Address == d.addr {
			if ev.Epoch.Uint64() != a.Epoch || ev.Root != a.Root {
				return nil, fmt.Errorf("chain: published epoch %v with root %x, not epoch %d", ev.Epoch, ev.Root, a.Epoch)
			}
			p.ClaimID = ev.ClaimId
		}
	}
	if p.ClaimID == nil {
		return nil, fmt.Errorf("chain: transaction %s has no EpochPublished event", rcpt.TxHash.Hex())
	}
	return p, nil
}

func equalAmounts(x, y []*big.Int) bool {
	return slices.EqualFunc(x, y, func(a, b *big.Int) bool { return a.Cmp(b) == 0 })
}

// Epoch is a published epoch.
type Epoch struct {
	EpochApproval
	// ClaimID is what the epoch's claims name: its token << 64 | a count
	// of the distributor's published epochs.
	ClaimID *big.Int
	Block   uint64 // the block it was published in
	TxHash  common.Hash
}

// Epoch returns the artifact's epoch number epoch as it was published
// (read from its EpochPublished event).
func (d *Distributor) Epoch(ctx context.Context, artifact cid.Cid, epoch uint64) (*Epoch, error) {
	id, err := ArtifactID(artifact)
	if err != nil {
		return nil, err
	}
	g, err := d.Governance(ctx, artifact)
	if err != nil {
		return nil, err
	}
	if epoch >= g.Epochs {
		return nil, fmt.Errorf("%w: %s has no epoch %d", ErrUnknownEpoch, artifact, epoch)
	}
	var epochTopic common.Hash
	new(big.Int).SetUint64(epoch).FillBytes(epochTopic[:])
	logs, err := d.b.FilterLogs(ctx, ethereum.FilterQuery{
		FromBlock: big.NewInt(0), Addresses: []common.Address{d.addr},
		Topics: [][]common.Hash{{d.c.GetABI().Events["EpochPublished"].ID}, {common.BigToHash(id)}, {epochTopic}},
	})
	if err != nil {
		return nil, fmt.Errorf("chain: reading the EpochPublished event of %s epoch %d: %w", artifact, epoch, err)
	}
	if len(logs) > MaxLogs {
		return nil, fmt.Errorf("%w: %d EpochPublished logs for one epoch", ErrReplyTooLarge, len(logs))
	}
	for i := range logs {
		l := &logs[i]
		ev, err := d.c.UnpackEpochPublishedEvent(l)
		if err != nil || l.Removed || l.Address != d.addr {
			continue
		}
		e := &Epoch{
			EpochApproval: EpochApproval{Artifact: id, Epoch: epoch, Token: ev.Token, Root: ev.Root, Total: ev.Total, Budgets: ev.Budgets},
			ClaimID:       ev.ClaimId, Block: l.BlockNumber, TxHash: l.TxHash,
		}
		// The contract emits what it checked; a node that rewrites logs
		// is caught here rather than in a claim that cannot succeed.
		if err := e.checkBudgets(); err != nil || len(e.Budgets) > maxClaimWords || ev.ClaimId.BitLen() > 224 ||
			common.BigToAddress(new(big.Int).Rsh(ev.ClaimId, 64)) != ev.Token {
			return nil, fmt.Errorf("chain: the EpochPublished event of %s epoch %d in block %d is malformed (claim id %v, token %s, %d budgets)",
				artifact, epoch, l.BlockNumber, ev.ClaimId, ev.Token.Hex(), len(ev.Budgets))
		}
		return e, nil
	}
	return nil, fmt.Errorf("chain: %s epoch %d is published but the node has no EpochPublished event for it", artifact, epoch)
}

// Remaining returns what is left to claim of a published epoch: the
// remaining budgets of its claim words, one call per word.
func (d *Distributor) Remaining(ctx context.Context, e *Epoch) (*big.Int, error) {
	sum := new(big.Int)
	for w, b := range e.Budgets {
		if b.Sign() == 0 {
			continue
		}
		cw, err := dcall(ctx, d, d.c.PackClaimWord(e.ClaimID, e.Root, big.NewInt(int64(w))), d.c.UnpackClaimWord)
		if err != nil {
			return nil, err
		}
		sum.Add(sum, cw.Remaining)
	}
	return sum, nil
}

// Claimed is the outcome of Claim.
type Claimed struct {
	Account common.Address
	Amount  *big.Int
	TxHash  common.Hash // zero when the leaf had been claimed already
	GasUsed uint64
	Already bool // the leaf was claimed before
}

// Claim pays account its leaf (account, amount) of the epoch, proven by
// proof; the sender pays the gas, account receives the money. Claiming a
// claimed leaf returns Already rather than an error, so a retry is safe.
func (d *Distributor) Claim(ctx context.Context, artifact cid.Cid, epoch uint64, account common.Address, amount *big.Int, proof []royalty.Hash) (*Claimed, error) {
	e, err := d.Epoch(ctx, artifact, epoch)
	if err != nil {
		return nil, err
	}
	return d.claim(ctx, e, account, amount, proof)
}

func (d *Distributor) claim(ctx context.Context, e *Epoch, account common.Address, amount *big.Int, proof []royalty.Hash) (*Claimed, error) {
	pr := proofArg(proof)
	done := func(ctx context.Context) (bool, error) {
		return dcall(ctx, d, d.c.PackIsClaimed(e.ClaimID, account, amount, pr), d.c.UnpackIsClaimed)
	}
	rcpt, err := d.s.transact(ctx, &d.addr, d.c.PackClaim(e.ClaimID, account, amount, pr), done)
	if err != nil {
		return nil, err
	}
	c := &Claimed{Account: account, Amount: amount, Already: rcpt == nil}
	if rcpt != nil {
		c.TxHash, c.GasUsed = rcpt.TxHash, rcpt.GasUsed
	}
	return c, nil
}

func proofArg(proof []royalty.Hash) [][32]byte {
	pr := make([][32]byte, len(proof))
	for i, h := range proof {
		pr[i] = h
	}
	return pr
}

// IsClaimed reports whether the leaf (account, amount) of the epoch was
// claimed.
func (d *Distributor) IsClaimed(ctx context.Context, artifact cid.Cid, epoch uint64, account common.Address, amount *big.Int, proof []royalty.Hash) (bool, error) {
	e, err := d.Epoch(ctx, artifact, epoch)
	if err != nil {
		return false, err
	}
	return dcall(ctx, d, d.c.PackIsClaimed(e.ClaimID, account, amount, proofArg(proof)), d.c.UnpackIsClaimed)
}
