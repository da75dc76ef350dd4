package storage

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aiprov/aiprov/storage/storagetest"
	"github.com/ipfs/go-cid"
)

// What Put, PutData and ImportCAR store in Kubo survives `ipfs repo gc`:
// they pin it. A lineage CAR, which does not carry the artifacts its
// manifests name, is pinned block by block.
func TestKuboPinsWhatItStores(t *testing.T) {
	d := storagetest.StartKubo(t)
	ctx := context.Background()
	k := kuboClient(t, d, nil)

	file, err := Put(ctx, k, bytes.NewReader(randomBytes(600_000, 3)), nil)
	if err != nil {
		t.Fatal(err)
	}
	envelope, err := PutData(ctx, k, cid.Raw, []byte(`{"payloadType":"x"}`))
	if err != nil {
		t.Fatal(err)
	}
	// A manifest naming an artifact that is not in the node, exported to
	// a CAR from a memory store and imported.
	m := NewMemory()
	man := testManifest("model", rawCID(t, []byte("artifact not in the node")), 24)
	mc, err := PutManifest(ctx, m, man)
	if err != nil {
		t.Fatal(err)
	}
	var car bytes.Buffer
	if err := WriteCAR(ctx, &car, m, []cid.Cid{mc}, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := ImportCAR(ctx, &car, k); err != nil {
		t.Fatal(err)
	}
	unpinned := []byte("stored with PutBlock alone")
	uc := rawCID(t, unpinned)
	if err := k.PutBlock(ctx, uc, unpinned); err != nil {
		t.Fatal(err)
	}

	d.IPFS("repo", "gc")
	for name, c := range map[string]cid.Cid{"Put": file.CID, "PutData": envelope, "ImportCAR": mc} {
		if ok, err := k.Has(ctx, c); err != nil || !ok {
			t.Errorf("%s: %s gone after repo gc (%v)", name, c, err)
		}
	}
	if _, err := readAllClose(Get(ctx, k, file.CID)); err != nil {
		t.Errorf("Put file after repo gc: %v", err)
	}
	// The control: an unpinned block is collected, so gc did run.
	if ok, _ := k.Has(ctx, uc); ok {
		t.Errorf("unpinned block survived repo gc: the test proves nothing")
	}
}

// The gateway port answers HTTP but is not the RPC API: the error says so
// instead of "block not found".
func TestKuboWrongEndpoint(t *testing.T) {
	d := storagetest.StartKubo(t)
	if d.Gateway == "" {
		t.Fatal("the daemon did not print its gateway address")
	}
	k, err := NewKubo(d.Gateway, &KuboOptions{Retries: -1})
	if err != nil {
		t.Fatal(err)
	}
	_, err = k.GetBlock(context.Background(), rawCID(t, []byte("x")))
	if !errors.Is(err, ErrNotKuboAPI) || errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), "not a Kubo RPC API") || !strings.Contains(err.Error(), "gateway port") {
		t.Fatalf("got %v, want ErrNotKuboAPI", err)
	}
	t.Log(err)
}

// silentNode accepts connections and never answers; it counts them.
func silentNode(t *testing.T) (addr string, accepted *atomic.Int32) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	accepted = new(atomic.Int32)
	var conns []net.Conn
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			accepted.Add(1)
			conns = append(conns, c)
		}
	}()
	t.Cleanup(func() {
		ln.Close()
		<-done
		for _, c := range conns {
			c.Close()
		}
	})
	return "http://" + ln.Addr().String(), accepted
}

// A node that accepts the connection and then says nothing fails every
// kind of call after the timeout, saying it timed out, without retrying.
func TestKuboSilentNode(t *testing.T) {
	addr, accepted := silentNode(t)
	k, err := NewKubo(addr, &KuboOptions{Timeout: 300 * time.Millisecond, Retries: 3})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	c := rawCID(t, []byte("x"))
	calls := map[string]func() error{
		"GetBlock": func() error { _, err := k.GetBlock(ctx, c); return err },
		"PutBlock": func() error { return k.PutBlock(ctx, c, []byte("x")) },
		"Pin":      func() error { return k.Pin(ctx, c) },
		"Add":      func() error { _, err := k.Add(ctx, bytes.NewReader([]byte("x")), nil); return err },
		"Cat": func() error {
			r, err := k.Cat(ctx, c)
			if err == nil {
				_, err = readAllClose(r, nil)
			}
			return err
		},
		"List": func() error {
			for _, err := range k.List(ctx) {
				return err
			}
			return nil
		},
	}
	for name, call := range calls {
		before := accepted.Load()
		err := call()
		if !errors.Is(err, ErrTimeout) || !errors.Is(err, ErrUnavailable) || !strings.Contains(err.Error(), "timed out") {
			t.Errorf("%s: got %v, want ErrTimeout", name, err)
		}
		if n := accepted.Load() - before; n > 1 {
			t.Errorf("%s: %d connections: a timeout was retried", name, n)
		}
	}
}

// Error replies reach the terminal without escape sequences, and bounded.
func TestKuboErrorSanitized(t *testing.T) {
	evil := "\x1b]0;pwned\x07\x1b[2J\x1b[31mred\u202e" + strings.Repeat("A", 100_000)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(500)
		w.Write([]byte(`{"Message":` + jsonString(evil) + `,"Code":0,"Type":"error"}`))
	}))
	defer srv.Close()
	k, err := NewKubo(srv.URL, nil)
	if err != nil {
		t.Fatal(err)
	}
	_, err = k.Stat(context.Background(), rawCID(t, []byte("x")))
	msg := err.Error()
	if strings.ContainsAny(msg, "\x1b\x07\u202e") || len(msg) > 2*maxErrorMessage || !strings.Contains(msg, "red") {
		t.Fatalf("unsanitized or unbounded error (%d bytes): %q", len(msg), msg[:min(len(msg), 200)])
	}
	// A plain-text error page (a proxy's, a gateway's) is not Kubo's.
	srv2 := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "\x1b[31mBad Gateway", http.StatusBadGateway)
	}))
	defer srv2.Close()
	k2, _ := NewKubo(srv2.URL, nil)
	_, err = k2.GetBlock(context.Background(), rawCID(t, []byte("x")))
	if !errors.Is(err, ErrNotKuboAPI) || strings.Contains(err.Error(), "\x1b") {
		t.Fatalf("proxy error page: %v", err)
	}
}

func readAllClose(r io.ReadCloser, err error) ([]byte, error) {
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return io.ReadAll(r)
}

func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
