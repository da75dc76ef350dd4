package chain

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

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
// ws(s):// or an IPC path) with replies limited to MaxReplySize, and calls
// over HTTP to DefaultTimeout (see Config.Timeout).
func DialBackend(ctx context.Context, url string) (*ethclient.Client, error) {
	return dialBackend(ctx, url, DefaultTimeout)
}

func dialBackend(ctx context.Context, url string, timeout time.Duration) (*ethclient.Client, error) {
	opts := []rpc.ClientOption{rpc.WithWebsocketMessageSizeLimit(MaxReplySize)}
	if strings.HasPrefix(url, "http://") || strings.HasPrefix(url, "https://") {
		opts = append(opts, rpc.WithHTTPClient(&http.Client{Timeout: timeout, Transport: LimitReplies(http.DefaultTransport, MaxReplySize)}))
	}
	c, err := rpc.DialOptions(ctx, url, opts...)
	if err != nil {
		return nil, fmt.Errorf("chain: dialing %s: %w", url, err)
	}
	return ethclient.NewClient(c), nil
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
