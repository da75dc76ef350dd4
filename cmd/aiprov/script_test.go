package main

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"strconv"
	"testing"
	"time"

	"github.com/ipfs/go-cid"
	"github.com/rogpeppe/go-internal/testscript"

	"github.com/aiprov/aiprov/attest"
	"github.com/aiprov/aiprov/attest/chain"
	"github.com/aiprov/aiprov/attest/chain/simulated"
	"github.com/aiprov/aiprov/internal/payouttest"
	"github.com/aiprov/aiprov/internal/tensorexample"
	"github.com/aiprov/aiprov/royalty"
)

// The CLI is tested by scripts in testdata/script, one file per behaviour,
// run with `aiprov` as an in-process command. Scripts may use the conditions
// [exec:ipfs] etc. through env vars set by .ci/test (AIPROV_IPFS, …).
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"aiprov": func() {
			os.Exit(runWithSignals(os.Args[1:], &cli{
				stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv,
			}))
		},
	})
}

// aiprovBinary returns the path of the aiprov command TestMain put in
// $PATH, for tests that run it as a child process of their own.
func aiprovBinary(t *testing.T) string {
	t.Helper()
	path, err := exec.LookPath("aiprov")
	if err != nil {
		t.Fatalf("aiprov is not in $PATH, where testscript.Main puts it: %v", err)
	}
	return path
}

func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"exits":           cmdExits,
			"tamper-approval": cmdTamperApproval,
			"tensor-models":   cmdTensorModels,
		},
		Setup: func(env *testscript.Env) error {
			// Pass through the reference tools' locations.
			for _, k := range []string{"AIPROV_IPFS", "AIPROV_COSIGN", "AIPROV_GETH", "AIPROV_CHROMIUM", "AIPROV_NODE_DIR", "AIPROV_CACHE", "AIPROV_REQUIRE_TOOLS"} {
				if v := os.Getenv(k); v != "" {
					env.Setenv(k, v)
				}
			}
			return nil
		},
	})
}

// cmdExits is the script command `exits CODE COMMAND [ARGS...]`: it runs
// COMMAND as exec does (its output is then checked with stdout and stderr)
// and fails unless it exits with status CODE, so that scripts tell usage
// errors (2) from failures (1).
func cmdExits(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("unsupported: ! exits")
	}
	if len(args) < 2 {
		ts.Fatalf("usage: exits CODE COMMAND [ARGS...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exits: CODE %q is not a number", args[0])
	}
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("exits: %v", err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("exit status %d, want %d", got, want)
	}
}

// cmdTamperApproval is the script command `tamper-approval CHAINDIR
// MANIFESTS ARTIFACT KEY OUT`: it computes the artifact's next epoch on the
// embedded chain in CHAINDIR, as royalty approve does, and writes to OUT
// KEY's approval of that epoch with a root that pays one wei wrong
// (payouttest.OneWeiWrong): what a voter who did not audit would sign.
func cmdTamperApproval(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 5 {
		ts.Fatalf("usage: tamper-approval CHAINDIR MANIFESTS ARTIFACT KEY OUT")
	}
	ctx := context.Background()
	c, err := simulated.Open(ctx, simulated.Options{Dir: ts.MkAbs(args[0])})
	ts.Check(err)
	defer c.Close()
	d, err := chain.NewDistributor(ctx, c.Client(), c.Addresses.Distributor, simulated.ChainID, chain.TxOptions{PollInterval: time.Millisecond})
	ts.Check(err)
	md, err := readManifestDir(ctx, ts.MkAbs(args[1]))
	ts.Check(err)
	nodes, err := royalty.ManifestNodes(md.inOrder(nil)...)
	ts.Check(err)
	g, err := royalty.NewGraph(nodes, royalty.Limits{})
	ts.Check(err)
	art, err := cid.Decode(args[2])
	ts.Check(err)
	plan, err := d.PlanEpoch(ctx, g, art, chain.Payees{Bindings: &md.payees, Chain: c}, chain.PlanOptions{})
	ts.Check(err)
	wrong, err := payouttest.OneWeiWrong(plan)
	ts.Check(err)
	key, err := attest.ParsePrivateKey([]byte(ts.ReadFile(args[3])), nil)
	ts.Check(err)
	signed, err := chain.SignApproval(ctx, key, d.Domain(), wrong)
	ts.Check(err)
	data, err := json.MarshalIndent(signed, "", "  ")
	ts.Check(err)
	ts.Check(os.WriteFile(ts.MkAbs(args[4]), data, 0o644))
}

// cmdTensorModels is the script command `tensor-models DIR`: it writes the
// safetensors models of examples/tensor-evidence (internal/tensorexample)
// under DIR, one directory per artifact. `tensor-models -many N SEED FILE`
// writes one file of N tiny tensors instead.
func cmdTensorModels(ts *testscript.TestScript, neg bool, args []string) {
	var err error
	switch {
	case !neg && len(args) == 1:
		err = tensorexample.Write(ts.MkAbs(args[0]))
	case !neg && len(args) == 4 && args[0] == "-many":
		n, err1 := strconv.Atoi(args[1])
		seed, err2 := strconv.ParseUint(args[2], 10, 64)
		if err = errors.Join(err1, err2); err == nil {
			err = tensorexample.WriteMany(ts.MkAbs(args[3]), n, seed)
		}
	default:
		ts.Fatalf("usage: tensor-models DIR | tensor-models -many N SEED FILE")
	}
	if err != nil {
		ts.Fatalf("tensor-models: %v", err)
	}
}
