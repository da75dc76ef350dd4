package main

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/aiprov/aiprov/attest"
)

// TestConventions checks the conventions every command shares: help on
// stdout when asked for, on stderr after a usage error (exit 2), and each
// error printed once.
func TestConventions(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		code       int
		stdout     string // substring; "" means stdout must be empty
		stderr     string
		stderrOnce string // must appear exactly once in stderr
	}{
		{"no args", nil, exitUsage, "", "Usage:", "missing command"},
		{"help", []string{"help"}, exitOK, "Commands:", "", ""},
		{"--help", []string{"--help"}, exitOK, "Exit status: 0 success, 1 failure, 2 usage error, 130 (143) stopped by SIGINT (SIGTERM).", "", ""},
		{"help CMD", []string{"help", "hash"}, exitOK, "Examples:", "", ""},
		{"help nested", []string{"help", "manifest", "init"}, exitOK, "--contributor", "", ""},
		{"CMD -h", []string{"store", "get", "-h"}, exitOK, "aiprov store get CID", "", ""},
		{"version flag", []string{"--version"}, exitOK, "aiprov ", "", ""},
		{"version cmd", []string{"version"}, exitOK, "aiprov ", "", ""},
		{"unknown command", []string{"hsah"}, exitUsage, "", "did you mean hash?", `unknown command "hsah"`},
		{"unknown subcommand", []string{"store", "frob"}, exitUsage, "", "Commands:", `unknown subcommand "frob"`},
		{"missing subcommand", []string{"lineage"}, exitUsage, "", "ancestors", "missing subcommand"},
		{"unknown flag", []string{"hash", "--nope", "x"}, exitUsage, "", "Flags:", "unknown flag: --nope"},
		{"bad flag value", []string{"sign", "--chain-id", "x", "m.json"}, exitUsage, "", "Usage:", `invalid argument "x"`},
		{"arg count", []string{"manifest", "cid"}, exitUsage, "", "Usage:", "cid takes one FILE"},
		{"plain failure", []string{"manifest", "cid", "/nonexistent/m.json"}, exitFail, "", "aiprov manifest cid: ", "no such file"},
		{"completion", []string{"completion", "bash"}, exitOK, "__start_aiprov", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runCLI(t, "", tt.args...)
			if got, want := code, tt.code; !reflect.DeepEqual(got, want) {
				t.Fatalf("stdout:\n%s\nstderr:\n%s: code = %#v, want %#v", stdout, stderr, got, want)
			}
			if tt.stdout == "" {
				if len(stdout) != 0 {
					t.Fatalf("stdout = %v, want it empty", stdout)
				}
			} else {
				if !strings.Contains(stdout, tt.stdout) {
					t.Fatalf("%s does not contain %q", stdout, tt.stdout)
				}
			}
			if tt.stderr == "" && tt.stderrOnce == "" {
				if len(stderr) != 0 {
					t.Fatalf("stderr = %v, want it empty", stderr)
				}
			}
			if !strings.Contains(stderr, tt.stderr) {
				t.Fatalf("%s does not contain %q", stderr, tt.stderr)
			}
			if tt.stderrOnce != "" {
				if got := strings.Count(stderr, tt.stderrOnce); got != 1 {
					t.Fatalf("stderr:\n%s: strings.Count(stderr, tt.stderrOnce) = %#v, want %#v", stderr, got, 1)
				}
			}
		})
	}
}

// TestEveryCommandDocumented: each command has a summary, a description
// and examples, so that `aiprov help CMD` always teaches its use.
func TestEveryCommandDocumented(t *testing.T) {
	root := newRootCmd(&cli{getenv: func(string) string { return "" }})
	var walk func(cmd *cobra.Command)
	walk = func(cmd *cobra.Command) {
		for _, sub := range cmd.Commands() {
			if !sub.IsAvailableCommand() || sub.Name() == "help" || sub.Name() == "completion" {
				continue
			}
			if len(sub.Short) == 0 {
				t.Fatalf("%v: sub.Short is empty", sub.CommandPath())
			}
			if len(sub.Long) == 0 {
				t.Fatalf("%v: sub.Long is empty", sub.CommandPath())
			}
			if sub.Runnable() && !sub.HasAvailableSubCommands() {
				if len(sub.Example) == 0 {
					t.Fatalf("%v: sub.Example is empty", sub.CommandPath())
				}
			}
			walk(sub)
		}
	}
	walk(root)
}

// TestInterspersedFlags: flags may follow positional arguments, and "--"
// ends them, as in `ipfs add` and GNU tools.
func TestInterspersedFlags(t *testing.T) {
	dir := t.TempDir()
	code, out, errOut := runCLI(t, "", "hash", dir, "--cid-version", "1", "--profile", "kubo-default")
	if got, want := code, exitOK; !reflect.DeepEqual(got, want) {
		t.Fatalf("%v: code = %#v, want %#v", errOut, got, want)
	}
	// The empty directory in Kubo v0.43.1 (`ipfs add -r -Q --only-hash --cid-version 1`).
	if got := out; got != "bafybeiczsscdsbs7ffqz55asqdf3smv6klcw3gofszvwlyarci47bgf354\n" {
		t.Fatalf("out = %#v, want %#v", got, "bafybeiczsscdsbs7ffqz55asqdf3smv6klcw3gofszvwlyarci47bgf354\n")
	}
	code, _, errOut = runCLI(t, "", "hash", "--", "--cid-version")
	if got, want := code, exitFail; !reflect.DeepEqual(got, want) {
		t.Fatalf("code = %#v, want %#v", got, want)
	}
	if !strings.Contains(errOut, "--cid-version: no such file") {
		t.Fatalf("%s does not contain %q", errOut, "--cid-version: no such file")
	}
}

func TestIndentLines(t *testing.T) {
	if got := indentLines("one"); got != "one" {
		t.Fatalf("indentLines(\"one\") = %#v, want %#v", got, "one")
	}
	if got := indentLines("bad:\na\n  b\n"); got != "bad:\n  a\n  b" {
		t.Fatalf("indentLines(\"bad:\\na\\n  b\\n\") = %#v, want %#v", got, "bad:\n  a\n  b")
	}
}

// TestExamplePolicyLoads: the README's example trust policy loads.
func TestExamplePolicyLoads(t *testing.T) {
	data, err := os.ReadFile("../../examples/policy.json")
	if err != nil {
		t.Fatal(err)
	}
	p, err := attest.ParsePolicy(data)
	if err != nil {
		t.Fatal(err)
	}
	if got := len(p.Keys); got != 2 {
		t.Fatalf("len(p.Keys) = %d, want %d", got, 2)
	}
	if got := p.Rules[0].Threshold; got != 2 {
		t.Fatalf("p.Rules[0].Threshold = %#v, want %#v", got, 2)
	}
}
