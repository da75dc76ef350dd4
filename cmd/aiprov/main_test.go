package main

import (
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/stretchr/testify/require"
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
		{"--help", []string{"--help"}, exitOK, "Exit status: 0 success, 1 failure, 2 usage error.", "", ""},
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
			require.Equal(t, tt.code, code, "stdout:\n%s\nstderr:\n%s", stdout, stderr)
			if tt.stdout == "" {
				require.Empty(t, stdout)
			} else {
				require.Contains(t, stdout, tt.stdout)
			}
			if tt.stderr == "" && tt.stderrOnce == "" {
				require.Empty(t, stderr)
			}
			require.Contains(t, stderr, tt.stderr)
			if tt.stderrOnce != "" {
				require.Equal(t, 1, strings.Count(stderr, tt.stderrOnce), "stderr:\n%s", stderr)
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
			require.NotEmpty(t, sub.Short, sub.CommandPath())
			require.NotEmpty(t, sub.Long, sub.CommandPath())
			if sub.Runnable() && !sub.HasAvailableSubCommands() {
				require.NotEmpty(t, sub.Example, sub.CommandPath())
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
	require.Equal(t, exitOK, code, errOut)
	// The empty directory in Kubo v0.43.1 (`ipfs add -r -Q --only-hash --cid-version 1`).
	require.Equal(t, "bafybeiczsscdsbs7ffqz55asqdf3smv6klcw3gofszvwlyarci47bgf354\n", out)
	code, _, errOut = runCLI(t, "", "hash", "--", "--cid-version")
	require.Equal(t, exitFail, code)
	require.Contains(t, errOut, "--cid-version: no such file")
}

func TestIndentLines(t *testing.T) {
	require.Equal(t, "one", indentLines("one"))
	require.Equal(t, "bad:\n  a\n  b", indentLines("bad:\na\n  b\n"))
}
