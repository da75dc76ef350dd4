package storage

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
)

// TestKuboReplies checks the client against a fake RPC server for what a
// real node does not do on demand: wrong bytes, oversized replies,
// dropped connections, a disagreeing importer.
func TestKuboReplies(t *testing.T) {
	ctx := context.Background()
	good := []byte("hello world")
	c := rawCID(t, good)
	var calls atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("/api/v0/block/get", func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		switch r.URL.Query().Get("arg") {
		case c.String():
			w.Write([]byte("hello worle")) // wrong bytes
		default:
			w.Write(bytes.Repeat([]byte{1}, MaxBlockSize+10))
		}
	})
	var drops atomic.Int32
	mux.HandleFunc("/api/v0/block/stat", func(w http.ResponseWriter, r *http.Request) {
		if drops.Add(1) <= 2 {
			// Drop the connection without a reply.
			conn, _, _ := w.(http.Hijacker).Hijack()
			conn.Close()
			return
		}
		w.Write([]byte(`{"Key":"` + c.String() + `","Size":11}`))
	})
	mux.HandleFunc("/api/v0/block/rm", func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		w.WriteHeader(500)
		w.Write([]byte(`{"Message":"pinned: recursive","Code":0,"Type":"error"}`))
	})
	mux.HandleFunc("/api/v0/add", func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		w.Write([]byte(`{"Hash":"bafkreigcvadz3fk5mkewpotaw4bfrgfmr72issdfwilcu7qdibrqp5mfpa"}`))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	k, err := NewKubo(srv.URL, &KuboOptions{Retries: 3})
	if err != nil {
		t.Fatal(err)
	}

	_, err = k.GetBlock(ctx, c)
	var ce *CorruptError
	if !errors.As(err, &ce) || !strings.Contains(err.Error(), srv.URL+"/api/v0/block/get") {
		t.Fatalf("wrong bytes from the node: %v", err)
	}
	other := rawCID(t, []byte("other"))
	if _, err := k.GetBlock(ctx, other); err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Fatalf("oversized reply: %v", err)
	}
	// Two dropped connections, then an answer: retried.
	if st, err := k.Stat(ctx, c); err != nil || st.Size != 11 {
		t.Fatalf("after dropped connections: %+v %v", st, err)
	}
	// An error reply is reported with Kubo's message and not retried.
	calls.Store(0)
	err = k.Delete(ctx, c)
	var ke *KuboError
	if !errors.As(err, &ke) || ke.Status != 500 || ke.Message != "pinned: recursive" || calls.Load() != 1 {
		t.Fatalf("error reply: %v (calls %d)", err, calls.Load())
	}
	// A node whose importer disagrees is caught.
	_, err = k.Add(ctx, bytes.NewReader(good), nil)
	if err == nil || !strings.Contains(err.Error(), "the node computed bafkreigcv") {
		t.Fatalf("disagreeing add: %v", err)
	}
}
