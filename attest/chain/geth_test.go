package chain_test

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"os/exec"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/aiprov/aiprov/attest"
	"github.com/aiprov/aiprov/attest/chain"
	"github.com/aiprov/aiprov/attest/chain/simulated"
	"github.com/aiprov/aiprov/internal/testtools"
	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ipfs/go-cid"
	mh "github.com/multiformats/go-multihash"
)

// gethDevKey is geth --dev's funded account (go-ethereum cmd/utils/flags.go),
// address 0x71562b71999873DB5b286dF957af199Ec94617F7.
const gethDevKey = "0xb71c71a67e1177ad4e901695e1b4b9ee17ae16c6668d313eac2f96dbcda3f291"

// gethNode is a geth --dev node on 127.0.0.1 that the test can kill and
// restart on the same data directory and port.
type gethNode struct {
	t       *testing.T
	bin     string
	dir     string
	port    int
	cmd     *exec.Cmd
	log     bytes.Buffer
	mu      sync.Mutex
	stopped chan struct{}
}

func startGeth(t *testing.T) *gethNode {
	bin := testtools.GethTool.Require(t)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	g := &gethNode{t: t, bin: bin, dir: t.TempDir(), port: port}
	g.start()
	t.Cleanup(func() {
		g.kill()
		if t.Failed() {
			t.Logf("geth log:\n%s", g.log.String())
		}
	})
	return g
}

func (g *gethNode) url() string { return fmt.Sprintf("http://127.0.0.1:%d", g.port) }

func (g *gethNode) start() {
	g.t.Helper()
	g.cmd = exec.Command(g.bin, "--dev", "--dev.period", "0", "--http", "--http.addr", "127.0.0.1",
		"--http.port", fmt.Sprint(g.port), "--datadir", g.dir, "--ipcdisable", "--port", "0", "--nodiscover",
		"--authrpc.port", "0", "--verbosity", "2")
	g.cmd.Stdout, g.cmd.Stderr = &lockedWriter{w: &g.log, mu: &g.mu}, &lockedWriter{w: &g.log, mu: &g.mu}
	if err := g.cmd.Start(); err != nil {
		g.t.Fatal(err)
	}
	g.stopped = make(chan struct{})
	go func(cmd *exec.Cmd, done chan struct{}) { cmd.Wait(); close(done) }(g.cmd, g.stopped)
	deadline := time.Now().Add(60 * time.Second)
	for {
		c, err := ethclient.Dial(g.url())
		if err == nil {
			_, err = c.ChainID(context.Background())
			c.Close()
			if err == nil {
				return
			}
		}
		if time.Now().After(deadline) {
			g.t.Fatalf("geth did not answer on %s: %v\n%s", g.url(), err, g.log.String())
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// kill stops geth with SIGTERM while requests are in flight. (After a
// SIGKILL, geth --dev v1.17.10 itself cannot build blocks again on the same
// data directory: "empty system contract" — its dev chain's state is not
// crash-safe — so a hard kill tests geth, not the client.)
func (g *gethNode) kill() {
	if g.cmd != nil && g.cmd.Process != nil {
		g.cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-g.stopped:
		case <-time.After(30 * time.Second):
			g.cmd.Process.Kill()
			<-g.stopped
		}
		g.cmd = nil
	}
}

type lockedWriter struct {
	w  *bytes.Buffer
	mu *sync.Mutex
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

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
	g := startGeth(t)
	key, err := attest.ParsePrivateKey([]byte(gethDevKey), nil)
	if err != nil {
		t.Fatal(err)
	}
	owner, _ := attest.ParsePrivateKey([]byte("0x"+strings.Repeat("11", 32)), nil)
	opt := chain.TxOptions{Signer: key, PollInterval: 50 * time.Millisecond}
	cl, err := ethclient.Dial(g.url())
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Close()
	dep, err := chain.Deploy(ctx, cl, 1337, opt)
	if err != nil {
		t.Fatal(err)
	}
	onGeth, err := chain.Dial(ctx, g.url(), chain.Config{Registry: dep.Registry, ChainID: 1337, TxOptions: opt})
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
	g := startGeth(t)
	key, err := attest.ParsePrivateKey([]byte(gethDevKey), nil)
	if err != nil {
		t.Fatal(err)
	}
	opt := chain.TxOptions{Signer: key, PollInterval: 50 * time.Millisecond, RetryFor: time.Minute}
	cl, err := ethclient.Dial(g.url())
	if err != nil {
		t.Fatal(err)
	}
	dep, err := chain.Deploy(ctx, cl, 1337, opt)
	cl.Close()
	if err != nil {
		t.Fatal(err)
	}
	reg, err := chain.Dial(ctx, g.url(), chain.Config{Registry: dep.Registry, ChainID: 1337, TxOptions: opt})
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
				g.kill()
				time.Sleep(500 * time.Millisecond) // the client meets refused connections
				g.start()
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
