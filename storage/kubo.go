package storage

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"mime/multipart"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/aiprov/aiprov/provenance"
	"github.com/ipfs/go-cid"
	mh "github.com/multiformats/go-multihash"
)

var (
	// ErrUnavailable is matched by errors.Is when the Kubo node cannot be
	// reached (not running, wrong address, connection dropped) or does not
	// answer in time.
	ErrUnavailable = errors.New("IPFS node unavailable")
	// ErrTimeout is matched by errors.Is (with ErrUnavailable) when the
	// node accepted a call but sent nothing for KuboOptions.Timeout.
	ErrTimeout = errors.New("IPFS RPC timed out")
	// ErrNotKuboAPI is matched by errors.Is when the address answers HTTP
	// but not as a Kubo RPC API: a gateway port, a web server, a proxy's
	// error page.
	ErrNotKuboAPI = errors.New("not a Kubo RPC API")
)

// KuboError is an error reply from the Kubo RPC API, or a failure to reach
// it; it names the URL called. Message is sanitized: control characters
// (terminal escapes) are replaced and it is at most maxErrorMessage bytes.
type KuboError struct {
	URL     string // the RPC endpoint, without query
	Status  int    // HTTP status; 0 if no reply came
	Message string // Kubo's message, or the transport error
	err     error
	rpc     bool // Message is an error reply of the Kubo RPC API itself
}

func (e *KuboError) Error() string {
	switch {
	case errors.Is(e.err, ErrNotKuboAPI):
		return fmt.Sprintf("IPFS RPC %s: %s (is this the gateway port? The RPC API listens on the address in the repository's api file, port 5001 by default)", e.URL, e.Message)
	case e.Status == 0 && !errors.Is(e.err, ErrTimeout):
		return fmt.Sprintf("IPFS RPC %s: %s (is the Kubo daemon running at this address?)", e.URL, e.Message)
	case e.Status == 0:
		return fmt.Sprintf("IPFS RPC %s: %s", e.URL, e.Message)
	}
	return fmt.Sprintf("IPFS RPC %s: HTTP %d: %s", e.URL, e.Status, e.Message)
}

// Unwrap returns ErrUnavailable for transport failures and timeouts (and
// ErrTimeout for the latter), ErrNotKuboAPI for a reply that is not Kubo's.
func (e *KuboError) Unwrap() []error {
	switch {
	case e.err == nil:
		return nil
	case errors.Is(e.err, ErrTimeout):
		return []error{ErrUnavailable, ErrTimeout}
	}
	return []error{e.err}
}

// maxErrorMessage bounds an error message taken from a reply.
const maxErrorMessage = 1024

// sanitize makes text from the network safe to print: invalid UTF-8 and
// control characters (escape sequences that would drive the terminal)
// become U+FFFD, and the text is cut at maxErrorMessage bytes.
func sanitize(text string) string {
	text = strings.TrimSpace(text)
	var b strings.Builder
	for i, r := range text {
		if b.Len() >= maxErrorMessage {
			b.WriteString(fmt.Sprintf("… (%d more bytes)", len(text)-i))
			break
		}
		if r == utf8.RuneError || unicode.IsControl(r) && r != ' ' || r == 0x2028 || r == 0x2029 || unicode.Is(unicode.Bidi_Control, r) {
			r = utf8.RuneError
		}
		b.WriteRune(r)
	}
	return b.String()
}

// KuboOptions configures a Kubo client; the zero value is the default.
type KuboOptions struct {
	// HTTPClient is used for every call (default: a client with a 10 s dial
	// timeout).
	HTTPClient *http.Client
	// Timeout bounds each call that is not a stream (block and dag calls,
	// pin ls/rm): default 60 s. Streams (Add, Cat, List, Pin) may take
	// longer as long as they move: they fail once nothing has been sent
	// or received for Timeout. A node that accepts a connection and then
	// stays silent therefore fails after Timeout with ErrTimeout.
	Timeout time.Duration
	// Retries is how many times an idempotent call is retried after it
	// could not connect or its connection dropped (default 3; negative for
	// none). Error replies and timeouts are not retried: a node that did
	// not answer in Timeout is not given Timeout again.
	Retries int
	// NoPin stops Put, PutPath, PutData and ImportCAR from pinning what
	// they store in the node (see Pinner); Kubo's garbage collector may
	// then remove it.
	NoPin bool
	// Online lets reads fetch blocks from the IPFS network. By default
	// every read is local to the node (offline=true), like any other
	// Store: a missing block is ErrNotFound, not a network search.
	Online bool
}

// Kubo is a Store backed by a Kubo (go-ipfs) node through its RPC API
// (HTTP POST /api/v0/...). Blocks are verified on the way in and out as
// with every Store. It also offers Kubo's own importer (Add), Cat, DAG
// put/get and pinning.
//
// Blocks stored with PutBlock alone are not pinned, and Kubo's garbage
// collector (`ipfs repo gc`) removes blocks not reachable from a pin. What
// the package's higher-level writers store is pinned once whole: Put and
// PutPath pin the root, PutData (and PutManifest) the block,
// ImportCAR every root the CAR carries (see Pinner).
type Kubo struct {
	base    string // e.g. http://127.0.0.1:5001/api/v0/
	client  *http.Client
	timeout time.Duration
	retries int
	online  bool
	noPin   bool
}

func (k *Kubo) autoPin() bool { return !k.noPin }

// maxRPCReply bounds an RPC reply that is not block or file content.
const maxRPCReply = 32 << 20

// NewKubo returns a client for the Kubo RPC API at addr: an HTTP URL
// ("http://127.0.0.1:5001") or a multiaddr ("/ip4/127.0.0.1/tcp/5001"), as
// found in the repository's api file. It does not contact the node.
func NewKubo(addr string, opts *KuboOptions) (*Kubo, error) {
	var o KuboOptions
	if opts != nil {
		o = *opts
	}
	base, err := kuboBaseURL(addr)
	if err != nil {
		return nil, err
	}
	k := &Kubo{base: base, client: o.HTTPClient, timeout: o.Timeout, retries: o.Retries, online: o.Online, noPin: o.NoPin}
	if k.client == nil {
		k.client = &http.Client{Transport: &http.Transport{
			Proxy:               nil, // a local node is never reached through a proxy
			DialContext:         (&net.Dialer{Timeout: 10 * time.Second}).DialContext,
			MaxIdleConnsPerHost: 16,
			IdleConnTimeout:     90 * time.Second,
		}}
	}
	if k.timeout == 0 {
		k.timeout = 60 * time.Second
	}
	if k.retries == 0 {
		k.retries = 3
	} else if k.retries < 0 {
		k.retries = 0
	}
	return k, nil
}

func kuboBaseURL(addr string) (string, error) {
	addr = strings.TrimSpace(addr)
	if strings.HasPrefix(addr, "/") {
		parts := strings.Split(strings.Trim(addr, "/"), "/")
		if len(parts) < 4 || parts[2] != "tcp" {
			return "", fmt.Errorf("IPFS API address %q: want /ip4/HOST/tcp/PORT or an http:// URL", addr)
		}
		host := parts[1]
		switch parts[0] {
		case "ip4", "dns", "dns4", "dns6":
		case "ip6":
			host = "[" + host + "]"
		default:
			return "", fmt.Errorf("IPFS API address %q: unsupported protocol %q", addr, parts[0])
		}
		if _, err := strconv.ParseUint(parts[3], 10, 16); err != nil {
			return "", fmt.Errorf("IPFS API address %q: bad port", addr)
		}
		scheme := "http"
		if len(parts) > 4 && parts[4] == "https" {
			scheme = "https"
		}
		return scheme + "://" + host + ":" + parts[3] + "/api/v0/", nil
	}
	u, err := url.Parse(addr)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", fmt.Errorf("IPFS API address %q: want an http:// URL or a multiaddr", addr)
	}
	return strings.TrimSuffix(u.Scheme+"://"+u.Host+u.Path, "/") + "/api/v0/", nil
}

// URL returns the RPC base URL.
func (k *Kubo) URL() string { return k.base }

// call is one RPC. body, if set, returns a fresh request body for each
// attempt.
type call struct {
	cmd        string
	args       url.Values
	body       func() (io.Reader, string, error)
	idempotent bool
	stream     bool // no per-call timeout: the caller's context bounds it
}

// do performs an RPC and returns the response for a 200 reply; the caller
// closes its body, then calls the cancel function. Calls that could not
// connect, or whose connection dropped, are retried with backoff when
// idempotent; timeouts and error replies are not.
func (k *Kubo) do(ctx context.Context, c call) (*http.Response, context.CancelFunc, error) {
	endpoint := k.base + c.cmd
	q := c.args
	if q == nil {
		q = url.Values{}
	}
	full := endpoint + "?" + q.Encode()
	attempts := 1
	if c.idempotent {
		attempts += k.retries
	}
	var lastErr error
	for i := range attempts {
		if i > 0 {
			select {
			case <-time.After(time.Duration(100<<(i-1)) * time.Millisecond):
			case <-ctx.Done():
				return nil, nil, ctx.Err()
			}
		}
		// Every call is watched: a non-stream call must be answered in
		// full within the timeout, a stream must not stall for longer.
		w := newWatchdog(ctx, k.timeout, c.stream)
		var body io.Reader
		ctype := ""
		if c.body != nil {
			var err error
			if body, ctype, err = c.body(); err != nil {
				w.stop()
				return nil, nil, err
			}
			if c.stream {
				body = w.reader(body)
			}
		}
		req, err := http.NewRequestWithContext(w.ctx, http.MethodPost, full, body)
		if err != nil {
			w.stop()
			return nil, nil, err
		}
		if ctype != "" {
			req.Header.Set("Content-Type", ctype)
		}
		resp, err := k.client.Do(req)
		if err != nil {
			w.stop()
			if ctx.Err() != nil {
				return nil, nil, fmt.Errorf("IPFS RPC %s: %w", endpoint, ctx.Err())
			}
			if w.timedOut() {
				return nil, nil, w.error(endpoint)
			}
			msg := err.Error()
			var ue *url.Error
			if errors.As(err, &ue) {
				msg = ue.Err.Error() // without the URL and query repeated
			}
			lastErr = &KuboError{URL: endpoint, Message: sanitize(msg), err: ErrUnavailable}
			continue
		}
		w.kick()
		resp.Body = &watchedBody{ReadCloser: resp.Body, w: w, url: endpoint}
		if resp.StatusCode != http.StatusOK {
			defer w.stop()
			defer resp.Body.Close()
			return nil, nil, replyError(endpoint, resp)
		}
		return resp, w.stop, nil
	}
	return nil, nil, lastErr
}

// replyError makes the error for a reply that is not 200: Kubo's own error
// object ({"Message": …, "Type": "error"}), or anything else, which means
// the address is not a Kubo RPC API.
func replyError(endpoint string, resp *http.Response) error {
	msg, err := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	if err != nil {
		var ke *KuboError
		if errors.As(err, &ke) {
			return ke
		}
	}
	var e struct{ Message, Type string }
	if json.Unmarshal(msg, &e) == nil && e.Type == "error" && e.Message != "" {
		return &KuboError{URL: endpoint, Status: resp.StatusCode, Message: sanitize(e.Message), rpc: true}
	}
	ct := resp.Header.Get("Content-Type")
	if ct == "" {
		ct = "no content type"
	}
	return &KuboError{URL: endpoint, Status: resp.StatusCode, err: ErrNotKuboAPI,
		Message: fmt.Sprintf("not a Kubo RPC API: HTTP %d (%s) %q", resp.StatusCode, ct, sanitize(string(msg)))}
}

// watchdog cancels a call that stays silent for longer than its timeout:
// with stream unset, from the start of the call (the whole reply must
// arrive in time); with stream set, since the last byte sent or received.
type watchdog struct {
	ctx    context.Context
	cancel context.CancelCauseFunc
	timer  *time.Timer
	d      time.Duration
	stream bool
}

// errStalled is the cause a watchdog cancels with.
var errStalled = errors.New("stalled")

func newWatchdog(parent context.Context, d time.Duration, stream bool) *watchdog {
	ctx, cancel := context.WithCancelCause(parent)
	w := &watchdog{ctx: ctx, cancel: cancel, d: d, stream: stream}
	w.timer = time.AfterFunc(d, func() { cancel(errStalled) })
	return w
}

// kick records progress: a stream gets another full timeout.
func (w *watchdog) kick() {
	if w.stream {
		w.timer.Reset(w.d)
	}
}

func (w *watchdog) stop() {
	w.timer.Stop()
	w.cancel(nil)
}

func (w *watchdog) timedOut() bool { return context.Cause(w.ctx) == errStalled }

func (w *watchdog) error(endpoint string) error {
	what := "no complete reply within %s: the node accepted the call but did not answer (timed out)"
	if w.stream {
		what = "nothing sent or received for %s: the node stopped answering (timed out)"
	}
	return &KuboError{URL: endpoint, Message: fmt.Sprintf(what, w.d), err: ErrTimeout}
}

// reader kicks the watchdog as the request body is read.
func (w *watchdog) reader(r io.Reader) io.Reader { return &watchedReader{r: r, w: w} }

type watchedReader struct {
	r io.Reader
	w *watchdog
}

func (r *watchedReader) Read(p []byte) (int, error) {
	n, err := r.r.Read(p)
	if n > 0 {
		r.w.kick()
	}
	return n, err
}

// watchedBody is a reply body that kicks the watchdog and reports read
// errors as KuboErrors: a timeout, or the connection lost.
type watchedBody struct {
	io.ReadCloser
	w   *watchdog
	url string
}

func (b *watchedBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	if n > 0 {
		b.w.kick()
	}
	if err != nil && err != io.EOF {
		if b.w.timedOut() {
			return n, b.w.error(b.url)
		}
		if errors.Is(err, context.Canceled) {
			return n, err
		}
		return n, &KuboError{URL: b.url, Message: sanitize(err.Error()), err: ErrUnavailable}
	}
	return n, err
}

// doRead performs an RPC and reads a reply of at most limit bytes.
func (k *Kubo) doRead(ctx context.Context, c call, limit int64) ([]byte, error) {
	resp, cancel, err := k.do(ctx, c)
	if err != nil {
		return nil, err
	}
	defer cancel()
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit {
		return nil, &KuboError{URL: k.base + c.cmd, Status: resp.StatusCode, Message: fmt.Sprintf("reply larger than %d bytes", limit)}
	}
	return b, nil
}

func (k *Kubo) doJSON(ctx context.Context, c call, v any) error {
	b, err := k.doRead(ctx, c, maxRPCReply)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return &KuboError{URL: k.base + c.cmd, Status: 200, err: ErrNotKuboAPI,
			Message: fmt.Sprintf("not a Kubo RPC API: unexpected reply %q: %v", sanitize(string(b[:min(len(b), 200)])), err)}
	}
	return nil
}

func (k *Kubo) readArgs(c cid.Cid) url.Values {
	q := url.Values{"arg": {c.String()}}
	if !k.online {
		q.Set("offline", "true")
	}
	return q
}

// isNotFound recognizes Kubo's messages for a block it does not hold.
func isNotFound(err error) bool {
	var ke *KuboError
	if !errors.As(err, &ke) || !ke.rpc {
		return false
	}
	return notFoundMessage(ke.Message)
}

func notFoundMessage(msg string) bool {
	m := strings.ToLower(msg)
	return strings.Contains(m, "not found") || strings.Contains(m, "could not find")
}

func multipartBody(data []byte) func() (io.Reader, string, error) {
	return func() (io.Reader, string, error) {
		var buf bytes.Buffer
		w := multipart.NewWriter(&buf)
		part, err := w.CreateFormFile("file", "block")
		if err != nil {
			return nil, "", err
		}
		part.Write(data)
		if err := w.Close(); err != nil {
			return nil, "", err
		}
		return &buf, w.FormDataContentType(), nil
	}
}

// codecNames are multicodec names Kubo accepts for --cid-codec.
var codecNames = map[uint64]string{
	cid.Raw:         "raw",
	cid.DagProtobuf: "dag-pb",
	cid.DagCBOR:     "dag-cbor",
	cid.DagJSON:     "dag-json",
	cid.DagJOSE:     "dag-jose",
	0x0200:          "json",
	0x51:            "cbor",
}

// PutBlock implements Store with `block put`. The block is verified
// before it is sent and Kubo's reply must name the same CID.
func (k *Kubo) PutBlock(ctx context.Context, c cid.Cid, data []byte) error {
	if err := checkSize(c, len(data)); err != nil {
		return err
	}
	if err := Verify(c, data, "put"); err != nil {
		return err
	}
	p := c.Prefix()
	codec, ok := codecNames[p.Codec]
	if !ok {
		return fmt.Errorf("block %s: codec %#x is not one the Kubo client can name", c, p.Codec)
	}
	hashName, ok := mh.Codes[p.MhType]
	if !ok {
		return fmt.Errorf("block %s: unknown hash function %#x", c, p.MhType)
	}
	q := url.Values{"cid-codec": {codec}, "mhtype": {hashName}, "mhlen": {strconv.Itoa(p.MhLength)}, "pin": {"false"}}
	var reply struct {
		Key  string
		Size int
	}
	if err := k.doJSON(ctx, call{cmd: "block/put", args: q, body: multipartBody(data), idempotent: true}, &reply); err != nil {
		return fmt.Errorf("storing block %s: %w", c, err)
	}
	got, err := cid.Decode(reply.Key)
	if err != nil || !key(got).Equals(key(c)) {
		return fmt.Errorf("storing block %s: the node stored it as %q", c, reply.Key)
	}
	return nil
}

// GetBlock implements Store with `block get`, verifying the reply.
func (k *Kubo) GetBlock(ctx context.Context, c cid.Cid) ([]byte, error) {
	if err := provenance.CheckCID(c); err != nil {
		return nil, err
	}
	b, err := k.doRead(ctx, call{cmd: "block/get", args: k.readArgs(c), idempotent: true}, MaxBlockSize)
	if isNotFound(err) {
		return nil, &NotFoundError{CID: c}
	}
	if err != nil {
		return nil, fmt.Errorf("reading block %s: %w", c, err)
	}
	if err := Verify(c, b, k.base+"block/get"); err != nil {
		return nil, err
	}
	return b, nil
}

// Stat implements Store with `block stat`.
func (k *Kubo) Stat(ctx context.Context, c cid.Cid) (BlockInfo, error) {
	var reply struct {
		Key  string
		Size int64
	}
	err := k.doJSON(ctx, call{cmd: "block/stat", args: k.readArgs(c), idempotent: true}, &reply)
	if isNotFound(err) {
		return BlockInfo{}, &NotFoundError{CID: c}
	}
	if err != nil {
		return BlockInfo{}, err
	}
	return BlockInfo{CID: c, Size: reply.Size}, nil
}

// Has implements Store with `block stat`.
func (k *Kubo) Has(ctx context.Context, c cid.Cid) (bool, error) {
	_, err := k.Stat(ctx, c)
	if errors.Is(err, ErrNotFound) {
		return false, nil
	}
	return err == nil, err
}

// Delete implements Store with `block rm`. Kubo refuses to remove a pinned
// block; that is an error.
func (k *Kubo) Delete(ctx context.Context, c cid.Cid) error {
	var reply struct {
		Hash  string
		Error string
	}
	err := k.doJSON(ctx, call{cmd: "block/rm", args: url.Values{"arg": {c.String()}}, idempotent: true}, &reply)
	if err != nil {
		return fmt.Errorf("deleting block %s: %w", c, err)
	}
	if reply.Error != "" {
		if notFoundMessage(reply.Error) {
			return nil
		}
		return fmt.Errorf("deleting block %s: %s", c, reply.Error)
	}
	return nil
}

// List implements Store with `refs local`. Kubo indexes blocks by
// multihash, so every CID comes back as CIDv1 raw; it names the same bytes.
func (k *Kubo) List(ctx context.Context) iter.Seq2[cid.Cid, error] {
	return func(yield func(cid.Cid, error) bool) {
		resp, cancel, err := k.do(ctx, call{cmd: "refs/local", stream: true, idempotent: true})
		if err != nil {
			yield(cid.Undef, err)
			return
		}
		defer cancel()
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(make([]byte, 4096), 64<<10)
		for sc.Scan() {
			var ref struct{ Ref, Err string }
			if err := json.Unmarshal(sc.Bytes(), &ref); err != nil {
				yield(cid.Undef, &KuboError{URL: k.base + "refs/local", Status: 200, Message: "unexpected reply: " + err.Error()})
				return
			}
			if ref.Err != "" {
				if !yield(cid.Undef, &KuboError{URL: k.base + "refs/local", Status: 200, Message: sanitize(ref.Err), rpc: true}) {
					return
				}
				continue
			}
			c, err := provenance.ParseCID(ref.Ref)
			if !yield(c, err) {
				return
			}
		}
		if err := sc.Err(); err != nil {
			yield(cid.Undef, err)
		}
	}
}

// AddOptions control Kubo.Add; the zero value adds with
// provenance.DefaultParams and pins.
type AddOptions struct {
	// Params are the import parameters; they are passed to Kubo as
	// explicit `ipfs add` flags (see kuboAddFlags), so the node's own
	// Import config does not change the CID.
	Params provenance.Params
	// NoPin skips pinning the result (Kubo pins by default).
	NoPin bool
}

// Add imports r as one file with Kubo's own importer (`ipfs add`), while
// hashing the same bytes with aiprov's importer, and returns the root CID.
// If the two differ — a node whose importer disagrees with the library's —
// the result is an error naming both, not a CID the library would not
// reproduce. Use Put (with this store) to import with aiprov's importer and
// send blocks instead.
func (k *Kubo) Add(ctx context.Context, r io.Reader, opts *AddOptions) (cid.Cid, error) {
	var o AddOptions
	if opts != nil {
		o = *opts
	}
	if o.Params == (provenance.Params{}) {
		o.Params = provenance.DefaultParams()
	}
	q, err := kuboAddFlags(o.Params)
	if err != nil {
		return cid.Undef, err
	}
	q.Set("quieter", "true")
	q.Set("progress", "false")
	q.Set("pin", strconv.FormatBool(!o.NoPin))

	// The bytes go to Kubo through a multipart body and, through a tee,
	// to the local importer.
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	hr, hw := io.Pipe()
	type hashResult struct {
		c   cid.Cid
		err error
	}
	local := make(chan hashResult, 1)
	go func() {
		res, err := provenance.HashReader(ctx, hr, &provenance.Options{Params: o.Params})
		if err != nil {
			hr.CloseWithError(err)
			local <- hashResult{err: err}
			return
		}
		local <- hashResult{c: res.CID}
	}()
	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	go func() {
		part, err := mw.CreateFormFile("file", "file")
		if err == nil {
			_, err = io.Copy(part, io.TeeReader(r, hw))
		}
		if err == nil {
			err = mw.Close()
		}
		hw.CloseWithError(err)
		pw.CloseWithError(err)
	}()
	// One use of the reader: not retried.
	resp, done, err := k.do(ctx, call{cmd: "add", args: q, stream: true,
		body: func() (io.Reader, string, error) { return pr, mw.FormDataContentType(), nil }})
	if err != nil {
		pr.CloseWithError(err)
		return cid.Undef, err
	}
	defer done()
	defer resp.Body.Close()
	// The reply is a stream of JSON objects; the last names the root. An
	// error mid-stream arrives in the X-Stream-Error trailer.
	var last string
	dec := json.NewDecoder(io.LimitReader(resp.Body, maxRPCReply))
	for {
		var m struct{ Hash string }
		if err := dec.Decode(&m); err == io.EOF {
			break
		} else if ke := (*KuboError)(nil); errors.As(err, &ke) {
			return cid.Undef, err
		} else if err != nil {
			return cid.Undef, &KuboError{URL: k.base + "add", Status: 200, Message: "unexpected reply: " + sanitize(err.Error()), err: ErrUnavailable}
		}
		if m.Hash != "" {
			last = m.Hash
		}
	}
	if e := resp.Trailer.Get("X-Stream-Error"); e != "" {
		return cid.Undef, &KuboError{URL: k.base + "add", Status: 200, Message: sanitize(e), rpc: true}
	}
	remote, err := cid.Decode(last)
	if err != nil {
		return cid.Undef, &KuboError{URL: k.base + "add", Status: 200, Message: fmt.Sprintf("reply names no root CID (%q)", last)}
	}
	lr := <-local
	if lr.err != nil {
		return cid.Undef, fmt.Errorf("hashing locally alongside ipfs add: %w", lr.err)
	}
	if !lr.c.Equals(remote) {
		return cid.Undef, fmt.Errorf("IPFS RPC %sadd: the node computed %s, aiprov %s for the same bytes and parameters", k.base, remote, lr.c)
	}
	return remote, nil
}

// Cat streams a UnixFS file as Kubo's `cat` returns it. Kubo verifies the
// blocks it reads, but aiprov cannot check the stream until its end: for
// reads verified here block by block, use Get(ctx, k, c).
func (k *Kubo) Cat(ctx context.Context, c cid.Cid) (io.ReadCloser, error) {
	resp, cancel, err := k.do(ctx, call{cmd: "cat", args: k.readArgs(c), stream: true, idempotent: true})
	if err != nil {
		return nil, err
	}
	return &cancelBody{ReadCloser: resp.Body, cancel: cancel}, nil
}

type cancelBody struct {
	io.ReadCloser
	cancel context.CancelFunc
}

func (b *cancelBody) Close() error {
	b.cancel()
	return b.ReadCloser.Close()
}

// DagPut stores a DAG-CBOR block with `dag put` (input and store codec
// dag-cbor, so the bytes are kept as they are) and returns the CID the node
// computed, which must equal the one computed here.
func (k *Kubo) DagPut(ctx context.Context, data []byte, pin bool) (cid.Cid, error) {
	want, err := cid.Prefix{Version: 1, Codec: cid.DagCBOR, MhType: mh.SHA2_256, MhLength: -1}.Sum(data)
	if err != nil {
		return cid.Undef, err
	}
	q := url.Values{"input-codec": {"dag-cbor"}, "store-codec": {"dag-cbor"}, "pin": {strconv.FormatBool(pin)}}
	var reply struct {
		Cid struct {
			Link string `json:"/"`
		}
	}
	if err := k.doJSON(ctx, call{cmd: "dag/put", args: q, body: multipartBody(data), idempotent: true}, &reply); err != nil {
		return cid.Undef, err
	}
	got, err := cid.Decode(reply.Cid.Link)
	if err != nil || !got.Equals(want) {
		return cid.Undef, fmt.Errorf("IPFS RPC %sdag/put: node computed CID %q, want %s (the node re-encoded the block?)", k.base, reply.Cid.Link, want)
	}
	return got, nil
}

// DagGet returns the DAG-CBOR block c from `dag get`, verified against c.
func (k *Kubo) DagGet(ctx context.Context, c cid.Cid) ([]byte, error) {
	q := k.readArgs(c)
	q.Set("output-codec", "dag-cbor")
	b, err := k.doRead(ctx, call{cmd: "dag/get", args: q, idempotent: true}, MaxBlockSize)
	if isNotFound(err) {
		return nil, &NotFoundError{CID: c}
	}
	if err != nil {
		return nil, err
	}
	if err := Verify(c, b, k.base+"dag/get"); err != nil {
		return nil, err
	}
	return b, nil
}

// Pin pins c and everything it links to (`pin add`, recursive). The DAG
// must be complete in the node (offline) unless the client is Online.
//
// Pinning a large DAG takes as long as reading all of it, so the call has
// no overall timeout: Kubo reports progress as it goes, and the call fails
// with ErrTimeout once the node reports nothing for KuboOptions.Timeout.
func (k *Kubo) Pin(ctx context.Context, c cid.Cid) error {
	q := k.readArgs(c)
	q.Set("recursive", "true")
	q.Set("progress", "true")
	resp, done, err := k.do(ctx, call{cmd: "pin/add", args: q, idempotent: true, stream: true})
	if err != nil {
		return fmt.Errorf("pinning %s: %w", c, err)
	}
	defer done()
	defer resp.Body.Close()
	dec := json.NewDecoder(io.LimitReader(resp.Body, maxRPCReply))
	pinned := false
	for {
		var m struct {
			Pins     []string
			Progress int64
		}
		if err := dec.Decode(&m); err == io.EOF {
			break
		} else if ke := (*KuboError)(nil); errors.As(err, &ke) {
			return fmt.Errorf("pinning %s: %w", c, err)
		} else if err != nil {
			return fmt.Errorf("pinning %s: %w", c, &KuboError{URL: k.base + "pin/add", Status: 200, Message: "unexpected reply: " + sanitize(err.Error())})
		}
		pinned = pinned || len(m.Pins) > 0
	}
	if e := resp.Trailer.Get("X-Stream-Error"); e != "" {
		return fmt.Errorf("pinning %s: %w", c, &KuboError{URL: k.base + "pin/add", Status: 200, Message: sanitize(e), rpc: true})
	}
	if !pinned {
		return fmt.Errorf("pinning %s: %w", c, &KuboError{URL: k.base + "pin/add", Status: 200, Message: "the reply names no pin"})
	}
	return nil
}

// pinDirect pins blocks without what they link to (`pin add
// --recursive=false`), many per call.
func (k *Kubo) pinDirect(ctx context.Context, blocks []cid.Cid) error {
	for len(blocks) > 0 {
		n := min(len(blocks), 256)
		q := url.Values{"recursive": {"false"}}
		if !k.online {
			q.Set("offline", "true")
		}
		for _, c := range blocks[:n] {
			q.Add("arg", c.String())
		}
		var reply struct{ Pins []string }
		if err := k.doJSON(ctx, call{cmd: "pin/add", args: q, idempotent: true}, &reply); err != nil {
			return fmt.Errorf("pinning %d blocks directly: %w", n, err)
		}
		blocks = blocks[n:]
	}
	return nil
}

// Unpin removes the recursive pin of c (`pin rm`).
func (k *Kubo) Unpin(ctx context.Context, c cid.Cid) error {
	var reply struct{ Pins []string }
	if err := k.doJSON(ctx, call{cmd: "pin/rm", args: url.Values{"arg": {c.String()}}, idempotent: true}, &reply); err != nil {
		return fmt.Errorf("unpinning %s: %w", c, err)
	}
	return nil
}

// Pins returns the roots of recursive pins (`pin ls --type=recursive`).
func (k *Kubo) Pins(ctx context.Context) ([]cid.Cid, error) {
	var reply struct {
		Keys map[string]struct{ Type string }
	}
	if err := k.doJSON(ctx, call{cmd: "pin/ls", args: url.Values{"type": {"recursive"}}, idempotent: true}, &reply); err != nil {
		return nil, err
	}
	out := make([]cid.Cid, 0, len(reply.Keys))
	for s := range reply.Keys {
		c, err := provenance.ParseCID(s)
		if err != nil {
			return nil, &KuboError{URL: k.base + "pin/ls", Status: 200, Message: fmt.Sprintf("bad CID in reply: %v", err)}
		}
		out = append(out, c)
	}
	return out, nil
}

// kuboAddFlags returns the `ipfs add` flags that make Kubo's importer
// produce the same CID as p for a single file. Directory parameters (HAMT
// threshold and estimation) have no add flag; they are Kubo config.
func kuboAddFlags(p provenance.Params) (url.Values, error) {
	if p.Trickle {
		return nil, errors.New("Kubo.Add: trickle layout is not supported")
	}
	hashName, ok := mh.Codes[p.HashFunction]
	if !ok {
		return nil, fmt.Errorf("Kubo.Add: unknown hash function %#x", p.HashFunction)
	}
	return url.Values{
		"cid-version":    {strconv.Itoa(p.CIDVersion)},
		"raw-leaves":     {strconv.FormatBool(p.RawLeaves)},
		"chunker":        {"size-" + strconv.Itoa(p.ChunkSize)},
		"hash":           {hashName},
		"max-file-links": {strconv.Itoa(p.MaxLinks)},
	}, nil
}
