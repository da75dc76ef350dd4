package main

import (
	"fmt"
	"strings"

	"github.com/aiprov/aiprov/attest"
	"github.com/spf13/cobra"
)

func newPolicyCmd(c *cli) *cobra.Command {
	return newGroupCmd("policy", "Write trust policies for aiprov verify",
		`A trust policy says whose signatures aiprov verify --policy accepts and how
many are needed; see aiprov verify --help for its format.`,
		newPolicyInitCmd(c))
}

type policyInitFlags struct {
	keys      []string
	threshold int
	out       string
	force     bool
}

func newPolicyInitCmd(c *cli) *cobra.Command {
	var f policyInitFlags
	cmd := &cobra.Command{
		Use:   "init [--key KEY...] [--threshold N] [-o FILE]",
		Short: "Write a commented starting point for a trust policy",
		Long: `Writes a trust policy, with comments explaining each part, that trusts the
given keys (public key files or identities) under the role "release" and
requires --threshold of them. Without --key, the keys list is empty and
the comments show what to fill in; aiprov verify refuses such a policy
until it names a key.`,
		Example: `  aiprov policy init --key alice.pub --key 0x71562b71999873DB5b286dF957af199Ec94617F7 --threshold 2 -o policy.json
  aiprov verify model.dsse.json --policy policy.json`,
		Args: nargs(0, 0, "policy init takes no arguments; name keys with --key"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runPolicyInit(c, &f)
		},
	}
	fs := cmd.Flags()
	fs.StringArrayVarP(&f.keys, "key", "k", nil, "trust this public key `FILE` or identity (0x address, ed25519:…, p256:…); repeatable")
	fs.IntVar(&f.threshold, "threshold", 1, "how many distinct trusted keys must sign")
	fs.StringVarP(&f.out, "output", "o", "", "write the policy to `FILE` (default: standard output)")
	fs.BoolVar(&f.force, "force", false, "replace --output FILE if it exists")
	return cmd
}

func runPolicyInit(c *cli, f *policyInitFlags) error {
	if f.threshold < 1 || (len(f.keys) > 0 && f.threshold > len(f.keys)) {
		return usagef("--threshold %d: want 1 to the number of --key (%d)", f.threshold, len(f.keys))
	}
	if err := refuseOverwrite(f.out, f.force); err != nil {
		return err
	}
	var keys []string
	for _, k := range f.keys {
		pk, err := verifyLoadKey(c, k)
		if err != nil {
			return fmt.Errorf("--key %s: %w", k, err)
		}
		keys = append(keys, fmt.Sprintf(`    {"id": %q, "name": %q, "roles": ["release"]},`, pk.ID(), keyName(k, pk)))
	}
	if len(keys) == 0 {
		keys = []string{`    // {"id": "ed25519:…", "name": "alice", "roles": ["release"]},`,
			`    // {"id": "0x…", "name": "ci", "roles": ["release"]},`}
	}
	text := fmt.Sprintf(`// Trust policy for aiprov verify --policy (written by aiprov policy init).
// Comments and trailing commas are allowed.
{
  // The keys whose signatures count. "id" is an identity (ed25519:…,
  // p256:…, or an 0x address; aiprov keys show prints it), or give
  // "publicKey" with a PEM or OpenSSH public key instead. "roles" are
  // names the rules below refer to.
  "keys": [
%s
  ],
  // Every rule must hold. A rule counts distinct signers that verify
  // against a listed key: those with "role", or (with "contributors":
  // true) those the manifest lists among its contributors.
  "rules": [
    {"role": "release", "threshold": %d},
    // {"contributors": true, "threshold": 1},
  ],
}
`, strings.Join(keys, "\n"), f.threshold)
	if len(f.keys) > 0 {
		if _, err := attest.ParsePolicy([]byte(text)); err != nil {
			return fmt.Errorf("the policy written would not load (a bug): %w", err)
		}
	}
	if toStdout(f.out) {
		_, err := fmt.Fprint(c.stdout, text)
		return err
	}
	if err := writeBytesAtomic(f.out, 0o644, []byte(text)); err != nil {
		return err
	}
	if len(f.keys) == 0 {
		fmt.Fprintf(c.stderr, "aiprov policy init: wrote %s; add the keys to trust before using it\n", f.out)
	}
	return nil
}

// keyName is a policy name for a --key: the file's base name without
// .pub, or the identity's first characters.
func keyName(arg string, pk *attest.PublicKey) string {
	if arg != pk.ID() && looksLikePath(arg) {
		base := arg[strings.LastIndexAny(arg, `/\`)+1:]
		return strings.TrimSuffix(base, ".pub")
	}
	id := pk.ID()
	if len(id) > 14 {
		id = id[:14]
	}
	return id
}
