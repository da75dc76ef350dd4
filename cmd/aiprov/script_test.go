package main

import (
	"errors"
	"os"
	"os/exec"
	"strconv"
	"testing"

	"github.com/aiprov/aiprov/internal/tensorexample"
	"github.com/rogpeppe/go-internal/testscript"
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

func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"exits":         cmdExits,
			"tensor-models": cmdTensorModels,
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
