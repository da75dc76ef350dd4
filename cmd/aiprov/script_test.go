package main

import (
	"context"
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// The CLI is tested by scripts in testdata/script, one file per behaviour,
// run with `aiprov` as an in-process command. Scripts may use the conditions
// [exec:ipfs] etc. through env vars set by .ci/test (AIPROV_IPFS, …).
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"aiprov": func() {
			os.Exit(run(context.Background(), os.Args[1:], &cli{
				stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv,
			}))
		},
	})
}

func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
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
