package main

import (
	"fmt"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// The environment variables that configure what flags configure. A flag
// given on the command line wins over its variable; every help text names
// the variable. Commands added later use these names for the same things.
const (
	// envStore is the store directory (--store); storage.DefaultDir reads
	// it too.
	envStore = "AIPROV_STORE"
	// envAPI is a Kubo node's RPC API (--api, --ipfs).
	envAPI = "AIPROV_API"
	// envKey is the signing key (--key): a key file, or the key itself (a
	// hex secp256k1 key, or a PEM or keystore document), for CI secrets.
	envKey = "AIPROV_KEY"
	// envKeyPassword is the password of encrypted keys (--password-file).
	envKeyPassword = "AIPROV_KEY_PASSWORD"
	// envRPC is an Ethereum JSON-RPC URL (--rpc).
	envRPC = "AIPROV_RPC"
	// envChainID is the EIP-712 / EIP-155 chain id (--chain-id).
	envChainID = "AIPROV_CHAIN_ID"
	// envRegistry and envDistributor are the deployed contracts' addresses
	// (--registry, --distributor), as aiprov anchor deploy prints them.
	envRegistry    = "AIPROV_REGISTRY"
	envDistributor = "AIPROV_DISTRIBUTOR"
)

// envAnnotation marks a flag whose default comes from an environment
// variable (the annotation's value).
const envAnnotation = "aiprov_env"

// bindEnv makes environment variable env supply flag name's value when the
// flag is not on the command line, and names the variable in its help.
// Call it after defining the flag.
func bindEnv(fs *pflag.FlagSet, name, env string) {
	f := fs.Lookup(name)
	if f == nil {
		panic("bindEnv: no flag --" + name)
	}
	f.Usage += " [$" + env + "]"
	if err := fs.SetAnnotation(name, envAnnotation, []string{env}); err != nil {
		panic(err)
	}
}

// applyEnv sets every flag of cmd that was not given, and is bound to a
// variable that is set, from the environment. It runs before every
// command (the root's PersistentPreRunE).
func applyEnv(c *cli, cmd *cobra.Command) error {
	var err error
	cmd.Flags().VisitAll(func(f *pflag.Flag) {
		env := f.Annotations[envAnnotation]
		if err != nil || f.Changed || len(env) == 0 {
			return
		}
		v := c.getenv(env[0])
		if v == "" {
			return
		}
		if serr := f.Value.Set(v); serr != nil {
			// The value is not echoed: it may be a secret.
			err = usagef("$%s (for --%s): %v", env[0], f.Name, serr)
		}
	})
	return err
}

// flagFromEnv says whether the flag's value came from its environment
// variable rather than the command line.
func flagFromEnv(c *cli, fs *pflag.FlagSet, name string) bool {
	f := fs.Lookup(name)
	if f == nil || f.Changed {
		return false
	}
	env := f.Annotations[envAnnotation]
	return len(env) > 0 && c.getenv(env[0]) != ""
}

// envHelp is the line listing the variables, for the root's help.
func envHelp() string {
	return fmt.Sprintf(`Environment:
  %-20s store directory (--store); default: the per-user data directory
  %-20s a Kubo node's RPC API (--api), e.g. http://127.0.0.1:5001
  %-20s signing key (--key): a key file, or the key itself
  %-20s password of encrypted keys (--password-file)
  %-20s Ethereum JSON-RPC URL (--rpc)
  %-20s chain id (--chain-id)
  %-20s provenance registry address (--registry)
  %-20s royalty distributor address (--distributor)
  %-20s the embedded chain's directory (--chain-dir)
  %-20s creation time of manifest init (seconds since 1970)`,
		envStore, envAPI, envKey, envKeyPassword, envRPC, envChainID, envRegistry, envDistributor, envChainDir, "SOURCE_DATE_EPOCH")
}
