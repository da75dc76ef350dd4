package chain

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/aiprov/aiprov/attest/chain/bindings"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/rpc"
)

// TestReplyLimits: a node whose reply is longer than the limit, whether it
// says so in Content-Length or streams it, is cut off with
// ErrReplyTooLarge; a reply within the limit passes.
func TestReplyLimits(t *testing.T) {
	const limit = 1 << 10
	ok := `{"jsonrpc":"2.0","id":1,"result":"0x539"}`
	tests := []struct {
		name    string
		handler http.HandlerFunc
		wantErr error
	}{
		{"small", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, replyWithID(r, ok)) }, nil},
		{"content-length", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Length", fmt.Sprint(2*limit))
			fmt.Fprint(w, strings.Repeat(" ", 2*limit))
		}, ErrReplyTooLarge},
		{"streamed", func(w http.ResponseWriter, r *http.Request) {
			// A reply that never ends: whitespace before the JSON, flushed
			// in chunks so there is no Content-Length.
			for range 4 * limit / 64 {
				fmt.Fprint(w, strings.Repeat(" ", 64))
				w.(http.Flusher).Flush()
			}
			fmt.Fprint(w, replyWithID(r, ok))
		}, ErrReplyTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := httptest.NewServer(tt.handler)
			defer srv.Close()
			c, err := rpc.DialOptions(context.Background(), srv.URL,
				rpc.WithHTTPClient(&http.Client{Transport: LimitReplies(http.DefaultTransport, limit)}))
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			var id string
			err = c.CallContext(context.Background(), &id, "eth_chainId")
			if tt.wantErr == nil {
				if err != nil || id != "0x539" {
					t.Fatalf("got %q, %v; want 0x539", id, err)
				}
				return
			}
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("got %v, want %v", err, tt.wantErr)
			}
		})
	}
}

// replyWithID copies the request's id into a JSON-RPC reply (the client
// numbers its requests).
func replyWithID(r *http.Request, reply string) string {
	var buf [4096]byte
	n, _ := r.Body.Read(buf[:])
	body := string(buf[:n])
	i := strings.Index(body, `"id":`)
	if i < 0 {
		return reply
	}
	j := strings.IndexAny(body[i+5:], ",}")
	return strings.Replace(reply, `"id":1`, `"id":`+body[i+5:i+5+j], 1)
}

// FuzzParseRegistered feeds parseRegistered the topics and data a node
// might return for a Registered event: it must not panic, and what it
// accepts has a manifest CID and at most MaxParents parents.
func FuzzParseRegistered(f *testing.F) {
	r := &Registry{c: bindings.NewProvenanceRegistry()}
	ev := r.c.GetABI().Events["Registered"]
	// Seeds: a well-formed event (packed with go-ethereum's ABI encoder),
	// one with too many parents, and junk.
	good, err := ev.Inputs.NonIndexed().Pack(registeredArgs(ev, 2)...)
	if err != nil {
		f.Fatal(err)
	}
	many, err := ev.Inputs.NonIndexed().Pack(registeredArgs(ev, MaxParents+1)...)
	if err != nil {
		f.Fatal(err)
	}
	id := common.HexToHash("0x01")
	f.Add(id[:], common.Hash{}.Bytes(), good)
	f.Add(id[:], common.Hash{}.Bytes(), many)
	f.Add([]byte{1}, []byte{}, []byte("junk"))
	f.Fuzz(func(t *testing.T, tokenID, owner, data []byte) {
		l := &types.Log{Topics: []common.Hash{ev.ID, common.BytesToHash(tokenID), common.BytesToHash(owner), {}}, Data: data}
		rec, err := r.parseRegistered(l)
		if err != nil {
			return
		}
		if !rec.ManifestCID.Defined() || len(rec.Parents) > MaxParents {
			t.Fatalf("accepted %+v", rec)
		}
	})
}

// registeredArgs are the non-indexed arguments of a Registered event with
// n parents, zero-valued but for the parents.
func registeredArgs(ev abi.Event, n int) []any {
	var args []any
	for _, in := range ev.Inputs.NonIndexed() {
		switch in.Type.String() {
		case "bytes32[]":
			p := make([][32]byte, n)
			for i := range p {
				p[i][31] = byte(i + 1)
			}
			args = append(args, p)
		case "bytes32":
			args = append(args, [32]byte{})
		case "uint32":
			args = append(args, uint32(0))
		case "uint64":
			args = append(args, uint64(0))
		case "address":
			args = append(args, common.Address{})
		default:
			args = append(args, new(big.Int))
		}
	}
	return args
}

// FuzzParseRevert feeds ParseRevert the revert data a node returns: it
// must not panic, and return the error it got or a *RevertError.
func FuzzParseRevert(f *testing.F) {
	f.Add("0x")
	f.Add("0xdeadbeef")
	reg := bindings.NewProvenanceRegistry().GetABI()
	for _, e := range reg.Errors {
		f.Add("0x" + common.Bytes2Hex(e.ID[:4]))
		f.Add("0x" + common.Bytes2Hex(e.ID[:4]) + strings.Repeat("00", 64))
	}
	f.Fuzz(func(t *testing.T, data string) {
		in := dataError{data}
		err := ParseRevert(in)
		var rev *RevertError
		if err != error(in) && !errors.As(err, &rev) {
			t.Fatalf("ParseRevert(%q) = %v", data, err)
		}
		if rev != nil {
			_ = rev.Error()
		}
	})
}

type dataError struct{ data string }

func (e dataError) Error() string          { return "execution reverted" }
func (e dataError) ErrorData() interface{} { return e.data }
