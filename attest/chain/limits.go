package chain

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/rpc"
)

// A node's replies are untrusted input. go-ethereum's RPC client bounds a
// websocket message (32 MiB by default) but reads an HTTP reply's body to
// its end however long it is, and drains it again on close; DialBackend
// reads it through a limit instead, and the registry bounds what it
// decodes from replies (log counts, parents).
const (
	// MaxReplySize bounds one JSON-RPC reply, over HTTP or a websocket.
	MaxReplySize = 32 << 20
	// MaxLogs bounds the logs one eth_getLogs reply may carry.
	MaxLogs = 100_000
	// MaxParents is the registry's MAX_PARENTS: a record with more is
	// not one the registry wrote.
	MaxParents = 256
)

// ErrReplyTooLarge is returned when a node's reply exceeds a limit.
var ErrReplyTooLarge = errors.New("chain: the node's reply is too large")

// DialBackend connects to an EVM node's JSON-RPC endpoint (http(s)://,
// ws(s):// or an IPC path) with replies limited to MaxReplySize and each
// call to DefaultTimeout (see Config.Timeout).
func DialBackend(ctx context.Context, url string) (*Conn, error) {
	return dialBackend(ctx, url, DefaultTimeout)
}

func dialBackend(ctx context.Context, url string, timeout time.Duration) (*Conn, error) {
	opts := []rpc.ClientOption{rpc.WithWebsocketMessageSizeLimit(MaxReplySize)}
	if strings.HasPrefix(url, "http://") || strings.HasPrefix(url, "https://") {
		opts = append(opts, rpc.WithHTTPClient(&http.Client{Timeout: timeout, Transport: LimitReplies(http.DefaultTransport, MaxReplySize)}))
	}
	c, err := rpc.DialOptions(ctx, url, opts...)
	if err != nil {
		return nil, fmt.Errorf("chain: dialing %s: %w", url, err)
	}
	return &Conn{c: ethclient.NewClient(c), timeout: timeout}, nil
}

// Conn is a connection to a node, opened by DialBackend: a Backend whose
// every call, over any transport, fails after its timeout rather than
// waiting on a node that accepted the connection and never answers (over
// HTTP the client's own timeout does the same; a websocket or IPC
// connection has none).
type Conn struct {
	c       *ethclient.Client
	timeout time.Duration
}

var _ Backend = (*Conn)(nil)

// The methods below are ethclient.Client's, each under the timeout.

// Close closes the connection.
func (c *Conn) Close() { c.c.Close() }

// bounded runs call under ctx with the connection's timeout.
func bounded[T any](ctx context.Context, c *Conn, call func(context.Context) (T, error)) (T, error) {
	ctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	return call(ctx)
}

func (c *Conn) CodeAt(ctx context.Context, a common.Address, block *big.Int) ([]byte, error) {
	return bounded(ctx, c, func(ctx context.Context) ([]byte, error) { return c.c.CodeAt(ctx, a, block) })
}

func (c *Conn) CallContract(ctx context.Context, msg ethereum.CallMsg, block *big.Int) ([]byte, error) {
	return bounded(ctx, c, func(ctx context.Context) ([]byte, error) { return c.c.CallContract(ctx, msg, block) })
}

func (c *Conn) HeaderByNumber(ctx context.Context, n *big.Int) (*types.Header, error) {
	return bounded(ctx, c, func(ctx context.Context) (*types.Header, error) { return c.c.HeaderByNumber(ctx, n) })
}

func (c *Conn) PendingCodeAt(ctx context.Context, a common.Address) ([]byte, error) {
	return bounded(ctx, c, func(ctx context.Context) ([]byte, error) { return c.c.PendingCodeAt(ctx, a) })
}

func (c *Conn) PendingNonceAt(ctx context.Context, a common.Address) (uint64, error) {
	return bounded(ctx, c, func(ctx context.Context) (uint64, error) { return c.c.PendingNonceAt(ctx, a) })
}

func (c *Conn) SuggestGasPrice(ctx context.Context) (*big.Int, error) {
	return bounded(ctx, c, c.c.SuggestGasPrice)
}

func (c *Conn) SuggestGasTipCap(ctx context.Context) (*big.Int, error) {
	return bounded(ctx, c, c.c.SuggestGasTipCap)
}

func (c *Conn) EstimateGas(ctx context.Context, msg ethereum.CallMsg) (uint64, error) {
	return bounded(ctx, c, func(ctx context.Context) (uint64, error) { return c.c.EstimateGas(ctx, msg) })
}

func (c *Conn) SendTransaction(ctx context.Context, tx *types.Transaction) error {
	_, err := bounded(ctx, c, func(ctx context.Context) (struct{}, error) { return struct{}{}, c.c.SendTransaction(ctx, tx) })
	return err
}

func (c *Conn) FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error) {
	return bounded(ctx, c, func(ctx context.Context) ([]types.Log, error) { return c.c.FilterLogs(ctx, q) })
}

// SubscribeFilterLogs bounds setting the subscription up; the subscription
// itself lasts until it is unsubscribed.
func (c *Conn) SubscribeFilterLogs(ctx context.Context, q ethereum.FilterQuery, ch chan<- types.Log) (ethereum.Subscription, error) {
	return bounded(ctx, c, func(ctx context.Context) (ethereum.Subscription, error) { return c.c.SubscribeFilterLogs(ctx, q, ch) })
}

// SubscribeTransactionReceipts bounds setting the subscription up, as
// SubscribeFilterLogs does.
func (c *Conn) SubscribeTransactionReceipts(ctx context.Context, q *ethereum.TransactionReceiptsQuery, ch chan<- []*types.Receipt) (ethereum.Subscription, error) {
	return bounded(ctx, c, func(ctx context.Context) (ethereum.Subscription, error) {
		return c.c.SubscribeTransactionReceipts(ctx, q, ch)
	})
}

func (c *Conn) TransactionByHash(ctx context.Context, h common.Hash) (*types.Transaction, bool, error) {
	var pending bool
	tx, err := bounded(ctx, c, func(ctx context.Context) (*types.Transaction, error) {
		tx, p, err := c.c.TransactionByHash(ctx, h)
		pending = p
		return tx, err
	})
	return tx, pending, err
}

func (c *Conn) TransactionReceipt(ctx context.Context, h common.Hash) (*types.Receipt, error) {
	return bounded(ctx, c, func(ctx context.Context) (*types.Receipt, error) { return c.c.TransactionReceipt(ctx, h) })
}

func (c *Conn) ChainID(ctx context.Context) (*big.Int, error) {
	return bounded(ctx, c, c.c.ChainID)
}

func (c *Conn) BlockNumber(ctx context.Context) (uint64, error) {
	return bounded(ctx, c, c.c.BlockNumber)
}

// LimitReplies wraps an HTTP transport so that a reply's body fails with
// ErrReplyTooLarge after max bytes (or at once, when its Content-Length says
// it is longer).
func LimitReplies(rt http.RoundTripper, max int64) http.RoundTripper {
	return limitedTransport{rt, max}
}

type limitedTransport struct {
	rt  http.RoundTripper
	max int64
}

func (t limitedTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := t.rt.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	if resp.ContentLength > t.max {
		resp.Body.Close()
		return nil, fmt.Errorf("%w: %d bytes, more than %d", ErrReplyTooLarge, resp.ContentLength, t.max)
	}
	resp.Body = &limitedBody{rc: resp.Body, left: t.max, max: t.max}
	return resp, nil
}

// limitedBody reads at most max bytes, then fails: go-ethereum's client
// reads the body with a JSON decoder and drains it with io.Copy, which
// both stop at the error.
type limitedBody struct {
	rc        io.ReadCloser
	left, max int64
}

func (b *limitedBody) Read(p []byte) (int, error) {
	if b.left <= 0 {
		// One byte more tells a body of exactly max bytes from a longer one.
		var one [1]byte
		if n, _ := b.rc.Read(one[:]); n == 0 {
			return 0, io.EOF
		}
		return 0, fmt.Errorf("%w: more than %d bytes", ErrReplyTooLarge, b.max)
	}
	if int64(len(p)) > b.left {
		p = p[:b.left]
	}
	n, err := b.rc.Read(p)
	b.left -= int64(n)
	return n, err
}

func (b *limitedBody) Close() error { return b.rc.Close() }
