package attest

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

func TestPayeeBinding(t *testing.T) {
	ctx := context.Background()
	payee := common.HexToAddress("0x00000000000000000000000000000000000000a1")
	issued := time.Date(2026, 12, 5, 9, 0, 0, 0, time.UTC)
	for _, alg := range []Algorithm{Ed25519, P256, Secp256k1} {
		t.Run(string(alg), func(t *testing.T) {
			k, _ := GenerateKey(alg, nil)
			other, _ := GenerateKey(alg, nil)
			env, err := SignPayeeBinding(ctx, k, payee, issued.Add(300*time.Millisecond))
			if err != nil {
				t.Fatal(err)
			}
			data, err := json.Marshal(env)
			if err != nil {
				t.Fatal(err)
			}
			if !IsPayeeBinding(data) {
				t.Error("IsPayeeBinding: false for a binding")
			}
			b, err := ParsePayeeBinding(data)
			if err != nil {
				t.Fatal(err)
			}
			if b.Contributor != k.ID() || b.Payee != payee || !b.Issued.Equal(issued) {
				t.Errorf("got %+v", b)
			}

			// Tampering: each must fail and say why.
			bad := []struct {
				name string
				edit func(e *Envelope)
				want string
			}{
				{"payee changed", func(e *Envelope) {
					e.Payload = []byte(strings.Replace(string(e.Payload), payee.Hex(), "0x00000000000000000000000000000000000000a2", 1))
				}, "not signed by"},
				{"signed by another key", func(e *Envelope) {
					e.Signatures = nil
					if err := e.Sign(ctx, other); err != nil {
						t.Fatal(err)
					}
				}, "not signed by"},
				{"claims another contributor", func(e *Envelope) {
					e.Payload = []byte(strings.Replace(string(e.Payload), k.ID(), other.ID(), 1))
					e.Signatures = nil
					if err := e.Sign(ctx, k); err != nil {
						t.Fatal(err)
					}
				}, "not signed by " + other.ID()},
				{"unknown field", func(e *Envelope) {
					e.Payload = []byte(strings.Replace(string(e.Payload), "{", `{"artifact":"x",`, 1))
				}, "unknown field"},
				{"wrong payload type", func(e *Envelope) { e.PayloadType = PayloadTypeInToto }, "payloadType"},
				{"no signatures", func(e *Envelope) { e.Signatures = nil }, "no signatures"},
			}
			for _, tt := range bad {
				e := &Envelope{PayloadType: env.PayloadType, Payload: append([]byte(nil), env.Payload...), Signatures: append([]Signature(nil), env.Signatures...)}
				tt.edit(e)
				_, err := VerifyPayeeBinding(e)
				if !errors.Is(err, ErrMalformedPayeeBinding) || !strings.Contains(err.Error(), tt.want) {
					t.Errorf("%s: got %v, want ErrMalformedPayeeBinding saying %q", tt.name, err, tt.want)
				}
			}
		})
	}
}

func TestPayees(t *testing.T) {
	k, _ := GenerateKey(Ed25519, nil)
	a1 := common.HexToAddress("0x00000000000000000000000000000000000000a1")
	a2 := common.HexToAddress("0x00000000000000000000000000000000000000a2")
	t0 := time.Date(2026, 12, 5, 9, 0, 0, 0, time.UTC)
	var p Payees
	steps := []struct {
		b       PayeeBinding
		want    common.Address
		wantErr error
	}{
		{PayeeBinding{k.ID(), a1, t0}, a1, nil},
		{PayeeBinding{k.ID(), a2, t0.Add(time.Hour)}, a2, nil}, // newer wins
		{PayeeBinding{k.ID(), a1, t0}, a2, nil},                // older ignored
		{PayeeBinding{k.ID(), a1, t0.Add(time.Hour)}, a2, ErrConflictingPayees},
		{PayeeBinding{k.ID(), a2, t0.Add(time.Hour)}, a2, nil}, // the same again
	}
	for i, s := range steps {
		err := p.Add(&s.b)
		if !errors.Is(err, s.wantErr) {
			t.Errorf("step %d: Add: %v, want %v", i, err, s.wantErr)
		}
		if got, ok := p.Payee(k.ID()); !ok || got != s.want {
			t.Errorf("step %d: Payee = %s, %v; want %s", i, got.Hex(), ok, s.want.Hex())
		}
	}
	eth, _ := GenerateKey(Secp256k1, nil)
	if err := p.Add(&PayeeBinding{eth.ID(), a1, t0}); err != nil {
		t.Fatal(err)
	}
	if got, ok := p.Payee(strings.ToLower(eth.ID())); !ok || got != a1 {
		t.Errorf("an address in lower case does not find its binding")
	}
	if len(p.Bindings()) != 2 {
		t.Errorf("Bindings: %d, want 2", len(p.Bindings()))
	}
}

func FuzzParsePayeeBinding(f *testing.F) {
	k, _ := GenerateKey(Ed25519, nil)
	env, _ := SignPayeeBinding(context.Background(), k, common.HexToAddress("0x00000000000000000000000000000000000000a1"), time.Unix(0, 0))
	data, _ := json.Marshal(env)
	f.Add(data)
	f.Add([]byte(`{"payloadType":"application/vnd.aiprov.payee+json","payload":"e30=","signatures":[]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := ParsePayeeBinding(data)
		if err == nil && (b.Payee == (common.Address{}) || b.Contributor == "") {
			t.Fatalf("accepted %+v", b)
		}
	})
}
