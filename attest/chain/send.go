package chain

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/rpc"
)

// Backend is the part of an Ethereum client the registry uses:
// *ethclient.Client and the embedded chain's client both implement it.
type Backend interface {
	bind.ContractBackend
	ethereum.TransactionReader
	ethereum.ChainIDReader
	ethereum.BlockNumberReader
}

// TxSigner signs transactions: the digest a transaction's signature covers.
// *attest.PrivateKey implements it for secp256k1 keys (hex, keystore v3,
// AIPROV_KEY); implement it to sign with a KMS or HSM. The signature is
// 65 bytes r‖s‖v, v = 0/1 or 27/28.
type TxSigner interface {
	Address() common.Address
	SignHash(ctx context.Context, hash [32]byte) ([]byte, error)
}

// TxOptions says how transactions are sent and awaited.
type TxOptions struct {
	// Signer signs transactions and pays their gas.
	Signer TxSigner
	// Confirmations is how many blocks, counting the transaction's own, must
	// be on the chain before a transaction counts as done; 0 means 1.
	Confirmations uint64
	// PollInterval is how often a receipt is asked for; 0 means 200ms.
	PollInterval time.Duration
	// RetryFor is how long connection failures are retried (a dropped
	// connection, a restarting node) before giving up; 0 means one minute.
	// Every retry first checks whether the work is already on chain, so a
	// retry never does it twice.
	RetryFor time.Duration
}

// sender sends transactions from one key, one at a time, so that nonces
// are taken in order from the node's pending nonce and never leave a gap.
type sender struct {
	b       Backend
	opt     TxOptions
	chainID *big.Int
	decode  func(error) error // turns revert data into *RevertError
	mu      sync.Mutex
}

func newSender(b Backend, opt TxOptions, chainID *big.Int, decode func(error) error) *sender {
	if opt.Confirmations == 0 {
		opt.Confirmations = 1
	}
	if opt.PollInterval == 0 {
		opt.PollInterval = 200 * time.Millisecond
	}
	if opt.RetryFor == 0 {
		opt.RetryFor = time.Minute
	}
	return &sender{b: b, opt: opt, chainID: chainID, decode: decode}
}

// errDropped: the node no longer knows a transaction and its nonce was
// used by another, so the transaction will never be mined.
var errDropped = errors.New("chain: transaction dropped")

// transact makes the call (to, data) happen once. done reports whether its
// effect is already on chain; transact checks it before every send, so a
// retry after a lost connection, a restarted node or a concurrent sender
// does not repeat the work. It returns a nil receipt when done was true.
func (s *sender) transact(ctx context.Context, to *common.Address, data []byte, done func(context.Context) (bool, error)) (*types.Receipt, error) {
	return s.transactValue(ctx, to, nil, data, done)
}

// transactValue is transact sending value (wei; nil for none) with the call.
func (s *sender) transactValue(ctx context.Context, to *common.Address, value *big.Int, data []byte, done func(context.Context) (bool, error)) (*types.Receipt, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	deadline := time.Now().Add(s.opt.RetryFor)
	var tx *types.Transaction
	backoff := s.opt.PollInterval
	for {
		rcpt, err := s.attempt(ctx, &tx, to, value, data, done)
		if err == nil || !transient(err) || time.Now().After(deadline) {
			return rcpt, err
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(backoff):
		}
		backoff = min(2*backoff, 2*time.Second)
	}
}

func (s *sender) attempt(ctx context.Context, txp **types.Transaction, to *common.Address, value *big.Int, data []byte, done func(context.Context) (bool, error)) (*types.Receipt, error) {
	if *txp != nil {
		rcpt, err := s.wait(ctx, *txp)
		if !errors.Is(err, errDropped) {
			return s.checkStatus(ctx, rcpt, err, done)
		}
		*txp = nil
	}
	if done != nil {
		if ok, err := done(ctx); err != nil || ok {
			return nil, err
		}
	}
	tx, err := s.sendNew(ctx, to, value, data)
	if err != nil {
		return nil, err
	}
	*txp = tx
	rcpt, err := s.wait(ctx, tx)
	return s.checkStatus(ctx, rcpt, err, done)
}

// checkStatus turns a failed receipt into an error, unless done says the
// work was done anyway (by a concurrent sender that got there first).
func (s *sender) checkStatus(ctx context.Context, rcpt *types.Receipt, err error, done func(context.Context) (bool, error)) (*types.Receipt, error) {
	if err != nil || rcpt.Status == types.ReceiptStatusSuccessful {
		return rcpt, err
	}
	if done != nil {
		if ok, derr := done(ctx); derr == nil && ok {
			return nil, nil
		}
	}
	return nil, fmt.Errorf("%w: transaction %s in block %d", ErrReverted, rcpt.TxHash.Hex(), rcpt.BlockNumber.Uint64())
}

// sendNew estimates gas (which reports a revert before any gas is spent),
// signs a dynamic-fee transaction with the next nonce and sends it.
func (s *sender) sendNew(ctx context.Context, to *common.Address, value *big.Int, data []byte) (*types.Transaction, error) {
	if s.opt.Signer == nil {
		return nil, errors.New("chain: no signer: this client is read-only")
	}
	from := s.opt.Signer.Address()
	gas, err := s.b.EstimateGas(ctx, ethereum.CallMsg{From: from, To: to, Value: value, Data: data})
	if err != nil {
		return nil, s.decode(err)
	}
	gas += gas / 5 // headroom: state may change between estimate and inclusion
	nonce, err := s.b.PendingNonceAt(ctx, from)
	if err != nil {
		return nil, err
	}
	head, err := s.b.HeaderByNumber(ctx, nil)
	if err != nil {
		return nil, err
	}
	tip, err := s.b.SuggestGasTipCap(ctx)
	if err != nil {
		return nil, err
	}
	feeCap := new(big.Int).Set(tip)
	if head.BaseFee != nil {
		feeCap.Add(feeCap, new(big.Int).Mul(head.BaseFee, big.NewInt(2)))
	}
	tx := types.NewTx(&types.DynamicFeeTx{
		ChainID: s.chainID, Nonce: nonce, GasTipCap: tip, GasFeeCap: feeCap, Gas: gas, To: to, Value: value, Data: data,
	})
	signer := types.LatestSignerForChainID(s.chainID)
	sig, err := s.opt.Signer.SignHash(ctx, signer.Hash(tx))
	if err != nil {
		return nil, fmt.Errorf("chain: signing the transaction: %w", err)
	}
	if len(sig) != 65 {
		return nil, fmt.Errorf("chain: signer returned a %d-byte signature, want 65", len(sig))
	}
	sig = append([]byte(nil), sig...)
	if sig[64] >= 27 {
		sig[64] -= 27 // transactions take the recovery id itself
	}
	if tx, err = tx.WithSignature(signer, sig); err != nil {
		return nil, err
	}
	if got, err := types.Sender(signer, tx); err != nil || got != from {
		return nil, fmt.Errorf("chain: the signer's transaction signature recovers to %s, not its address %s", got.Hex(), from.Hex())
	}
	if err := s.b.SendTransaction(ctx, tx); err != nil && !alreadyKnown(err) {
		return nil, err
	}
	return tx, nil
}

// wait polls for tx's receipt until it has the configured confirmations.
// When the node no longer knows tx (a restart emptied its pool), wait sends
// it again; when its nonce was taken by another transaction, it returns
// errDropped.
func (s *sender) wait(ctx context.Context, tx *types.Transaction) (*types.Receipt, error) {
	ticker := time.NewTicker(s.opt.PollInterval)
	defer ticker.Stop()
	for polls := 1; ; polls++ {
		rcpt, err := s.b.TransactionReceipt(ctx, tx.Hash())
		switch {
		case err == nil:
			if s.opt.Confirmations <= 1 {
				return rcpt, nil
			}
			head, err := s.b.BlockNumber(ctx)
			if err != nil {
				return nil, err
			}
			if head+1 >= rcpt.BlockNumber.Uint64()+s.opt.Confirmations {
				// Ask again: a reorg may have moved it.
				if again, err := s.b.TransactionReceipt(ctx, tx.Hash()); err == nil && again.BlockHash == rcpt.BlockHash {
					return rcpt, nil
				}
			}
		case errors.Is(err, ethereum.NotFound) || indexing(err):
			if polls%10 == 0 {
				if _, _, err := s.b.TransactionByHash(ctx, tx.Hash()); errors.Is(err, ethereum.NotFound) {
					if err := s.b.SendTransaction(ctx, tx); err != nil && !alreadyKnown(err) {
						if nonceUsed(err) {
							return nil, errDropped
						}
						return nil, err
					}
				}
			}
		default:
			return nil, err
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-ticker.C:
		}
	}
}

// transient reports whether err may pass on retry: connection failures and
// a dropped transaction, not reverts, node refusals or cancellation.
func transient(err error) bool {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return false
	}
	var rev *RevertError
	if errors.As(err, &rev) || errors.Is(err, ErrReverted) {
		return false
	}
	if errors.Is(err, errDropped) || nonceUsed(err) {
		return true
	}
	var rpcErr rpc.Error
	var httpErr rpc.HTTPError
	if errors.As(err, &httpErr) {
		return httpErr.StatusCode >= 500
	}
	return !errors.As(err, &rpcErr) // the node answered: not a connection problem
}

func alreadyKnown(err error) bool {
	return strings.Contains(err.Error(), "already known")
}

func nonceUsed(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "nonce too low") || strings.Contains(msg, "replacement transaction underpriced")
}

// indexing: geth answers receipt queries so while it indexes transactions
// after a start; the receipt may still come.
func indexing(err error) bool {
	return strings.Contains(err.Error(), "transaction indexing is in progress")
}
