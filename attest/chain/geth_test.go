package chain_test

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aiprov/aiprov/attest"
	"github.com/aiprov/aiprov/attest/chain"
	"github.com/aiprov/aiprov/attest/chain/simulated"
	"github.com/aiprov/aiprov/internal/gethtest"
	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ipfs/go-cid"
	mh "github.com/multiformats/go-multihash"
)

// gethDevKey is geth --dev's funded account.
const gethDevKey = gethtest.DevKey

func mcid(t testing.TB, name string) cid.Cid {
	c, err := cid.Prefix{Version: 1, Codec: cid.DagCBOR, MhType: mh.SHA2_256, MhLength: -1}.Sum([]byte(name))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func att(t testing.TB, name string, parents ...string) attest.ManifestAttestation {
	d, _ := chain.Digest(mcid(t, name))
	sd, _ := chain.Digest(mcid(t, "subject "+name))
	a := attest.ManifestAttestation{ManifestDigest: d, SubjectDigest: sd, SubjectSize: 42, Created: 1764090000, Parents: [][32]byte{}, RoyaltyShare: 1_000_000}
	for _, p := range parents {
		pd, _ := chain.Digest(mcid(t, p))
		a.Parents = append(a.Parents, pd)
	}
	slices.SortFunc(a.Parents, func(x, y [32]byte) int { return bytes.Compare(x[:], y[:]) })
	return a
}

// lineage is a small graph: a base, a dataset, a finetune of both, and
// a chain of quantizations below it.
func lineage(t testing.TB, n int) []attest.ManifestAttestation {
	out := []attest.ManifestAttestation{att(t, "base"), att(t, "data"), att(t, "finetune", "base", "data")}
	prev := "finetune"
	for i := range n - 3 {
		name := fmt.Sprint("q", i)
		out = append(out, att(t, name, prev))
		prev = name
	}
	return out
}

// TestGethAndEmbeddedAgree: the JSON-RPC client against a real geth --dev
// deploys the registry and registers a lineage; the embedded chain given
// the same inputs gives the same records (owners, parents, children,
// subject digests, royalty rates, token URIs).
func TestGethAndEmbeddedAgree(t *testing.T) {
	ctx := context.Background()
	g := gethtest.Start(t)
	key, err := attest.ParsePrivateKey([]byte(gethDevKey), nil)
	if err != nil {
		t.Fatal(err)
	}
	owner, _ := attest.ParsePrivateKey([]byte("0x"+strings.Repeat("11", 32)), nil)
	opt := chain.TxOptions{Signer: key, PollInterval: 50 * time.Millisecond}
	cl, err := ethclient.Dial(g.URL())
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Close()
	dep, err := chain.Deploy(ctx, cl, 1337, opt)
	if err != nil {
		t.Fatal(err)
	}
	onGeth, err := chain.Dial(ctx, g.URL(), chain.Config{Registry: dep.Registry, ChainID: 1337, TxOptions: opt})
	if err != nil {
		t.Fatal(err)
	}
	defer onGeth.Close()
	embedded, err := simulated.Open(ctx, simulated.Options{Signer: key})
	if err != nil {
		t.Fatal(err)
	}
	defer embedded.Close()

	for _, a := range lineage(t, 5) {
		for _, reg := range []*chain.Registry{onGeth, embedded.Registry} {
			sig, err := reg.Sign(ctx, owner, a)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := reg.Register(ctx, a, owner.Address(), sig); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, a := range lineage(t, 5) {
		c := chain.ManifestCID(a.ManifestDigest)
		var got [2]string
		for i, reg := range []*chain.Registry{onGeth, embedded.Registry} {
			rec, err := reg.Record(ctx, c)
			if err != nil {
				t.Fatal(err)
			}
			kids, err := reg.Children(ctx, c)
			if err != nil {
				t.Fatal(err)
			}
			uri, err := reg.TokenURI(ctx, c)
			if err != nil {
				t.Fatal(err)
			}
			got[i] = fmt.Sprintf("%s owner %s registrant %s subject %x parents %v share %d batch %s children %v uri %s",
				rec.ManifestCID, rec.Owner, rec.Registrant, rec.SubjectDigest, rec.Parents, rec.RoyaltyShare, rec.BatchRoot, kids, uri)
		}
		if got[0] != got[1] {
			t.Errorf("geth:     %s\nembedded: %s", got[0], got[1])
		}
	}
}

// TestGethRestart: geth is stopped (SIGTERM) in the middle of a run of
// registrations and restarted on the same data directory; the client
// retries through the outage. Afterwards every manifest is registered,
// and exactly once: one Registered event per manifest on the chain.
func TestGethRestart(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	g := gethtest.Start(t)
	key, err := attest.ParsePrivateKey([]byte(gethDevKey), nil)
	if err != nil {
		t.Fatal(err)
	}
	opt := chain.TxOptions{Signer: key, PollInterval: 50 * time.Millisecond, RetryFor: time.Minute}
	cl, err := ethclient.Dial(g.URL())
	if err != nil {
		t.Fatal(err)
	}
	dep, err := chain.Deploy(ctx, cl, 1337, opt)
	cl.Close()
	if err != nil {
		t.Fatal(err)
	}
	reg, err := chain.Dial(ctx, g.URL(), chain.Config{Registry: dep.Registry, ChainID: 1337, TxOptions: opt})
	if err != nil {
		t.Fatal(err)
	}
	defer reg.Close()

	atts := lineage(t, 16)
	restarted := make(chan struct{})
	registered := make(chan int, len(atts))
	go func() {
		defer close(restarted)
		for n := range registered {
			if n == 5 {
				g.Stop()
				time.Sleep(500 * time.Millisecond) // the client meets refused connections
				g.Start()
				return
			}
		}
	}()
	var existing int
	for i, a := range atts {
		sig, err := reg.Sign(ctx, key, a)
		if err != nil {
			t.Fatal(err)
		}
		an, err := reg.Register(ctx, a, key.Address(), sig)
		if err != nil {
			t.Fatalf("manifest %d: %v", i, err)
		}
		if an.Existing {
			existing++
		}
		registered <- i
	}
	close(registered)
	<-restarted
	// A second pass finds everything there (and re-registers whatever a
	// crash of the node might have rolled back: nothing is lost either way).
	for i, a := range atts {
		sig, _ := reg.Sign(ctx, key, a)
		an, err := reg.Register(ctx, a, key.Address(), sig)
		if err != nil {
			t.Fatalf("second pass, manifest %d: %v", i, err)
		}
		if !an.Existing {
			t.Errorf("manifest %d was not on chain after the run (the node lost it); registered again", i)
		}
	}
	logs, err := reg.Backend().FilterLogs(ctx, ethereum.FilterQuery{Addresses: []common.Address{dep.Registry}, Topics: [][]common.Hash{{registeredTopic()}}})
	if err != nil {
		t.Fatal(err)
	}
	count := map[common.Hash]int{}
	for _, l := range logs {
		count[l.Topics[1]]++
	}
	for i, a := range atts {
		if n := count[a.ManifestDigest]; n != 1 {
			t.Errorf("manifest %d has %d Registered events, want 1", i, n)
		}
	}
	if len(logs) != len(atts) {
		t.Errorf("%d Registered events for %d manifests", len(logs), len(atts))
	}
	t.Logf("%d manifests registered once each across a stop and restart of geth (%d found already registered on retry)", len(atts), existing)
}

func registeredTopic() common.Hash {
	return chain.RegisteredEventID()
}
