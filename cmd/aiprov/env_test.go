package main

import (
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// TestEveryConfigFlagNamesItsVariable: wherever a flag configures the
// store, the Kubo API, the signing key or its password, the RPC URL or the
// chain id, its help names the environment variable that supplies its
// default, so that `aiprov help CMD` says how CI configures it.
func TestEveryConfigFlagNamesItsVariable(t *testing.T) {
	vars := map[string]string{
		"store":         envStore,
		"api":           envAPI,
		"rpc":           envRPC,
		"chain-id":      envChainID,
		"password-file": envKeyPassword,
		"chain-dir":     envChainDir,
	}
	root := newRootCmd(&cli{getenv: func(string) string { return "" }})
	checked := 0
	var walk func(cmd *cobra.Command)
	walk = func(cmd *cobra.Command) {
		for _, sub := range cmd.Commands() {
			sub.LocalFlags().VisitAll(func(f *pflag.Flag) {
				env, ok := vars[f.Name]
				// --key is a signing key where the command signs; verify and
				// policy init take public keys to trust, which have no
				// variable.
				if f.Name == "key" && !strings.Contains(f.Usage, "trust") {
					env, ok = envKey, true
				}
				if !ok {
					return
				}
				checked++
				if !strings.Contains(f.Usage, "$"+env) {
					t.Errorf("%s --%s: help %q does not name $%s", sub.CommandPath(), f.Name, f.Usage, env)
				}
			})
			walk(sub)
		}
	}
	walk(root)
	if checked < 20 {
		t.Errorf("only %d flags checked; the walk missed commands", checked)
	}
}
