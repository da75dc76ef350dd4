package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/aiprov/aiprov/attest"
	"github.com/spf13/cobra"
)

func newKeysCmd(c *cli) *cobra.Command {
	return newGroupCmd("keys", "Generate and show signing keys",
		`Signing keys: ed25519 and p256 keys (PKCS#8 PEM or OpenSSH files) and
secp256k1 Ethereum keys (hex or geth keystore v3 files). Encrypted keys
take their password from --password-file or $`+envKeyPassword+`.`,
		newKeysGenerateCmd(c), newKeysShowCmd(c))
}

type keysGenerateFlags struct {
	typ, out, format, passwordFile string
	lightKDF                       bool
}

func newKeysGenerateCmd(c *cli) *cobra.Command {
	var f keysGenerateFlags
	cmd := &cobra.Command{
		Use:   "generate --out NAME [--type ed25519|secp256k1|p256]",
		Short: "Generate a key pair: NAME (private, mode 0600) and NAME.pub",
		Long: `Generates a key pair and writes the private key to NAME (mode 0600) and the
public key to NAME.pub; prints the key's identity (ed25519:…, p256:… or the
0x address). Refuses to overwrite either file: a lost private key cannot be
recovered.`,
		Example: `  aiprov keys generate --out alice                    # ed25519, PKCS#8 PEM
  aiprov keys generate --type secp256k1 --out eth      # hex private key
  AIPROV_KEY_PASSWORD=… aiprov keys generate --type secp256k1 --out eth  # keystore v3`,
		Args: nargs(0, 0, "keys generate takes no arguments; name the key with --out NAME"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runKeysGenerate(cmd.Context(), c, &f)
		},
	}
	fs := cmd.Flags()
	fs.StringVarP(&f.typ, "type", "t", "ed25519", "key type: ed25519, secp256k1 or p256")
	fs.StringVarP(&f.out, "out", "o", "", "write the private key to `NAME` (mode 0600) and the public key to NAME.pub")
	fs.StringVar(&f.format, "format", "", "private key format: pem (ed25519, p256; default), openssh (ed25519, p256), hex or keystore (secp256k1; keystore is the default when a password is given)")
	fs.StringVar(&f.passwordFile, "password-file", "", "read the password that encrypts the key from `FILE` (default $"+envKeyPassword+")")
	fs.BoolVar(&f.lightKDF, "lightkdf", false, "keystore: scrypt N=4096 instead of geth's standard 262144 (as geth --lightkdf): fast and far weaker, for tests and throwaway keys")
	return cmd
}

func runKeysGenerate(ctx context.Context, c *cli, f *keysGenerateFlags) error {
	if f.out == "" {
		return usagef("--out NAME is required")
	}
	k, err := attest.GenerateKey(attest.Algorithm(f.typ), nil)
	if err != nil {
		return usagef("%v", err)
	}
	password, err := keysPassword(c, f.passwordFile)
	if err != nil {
		return err
	}
	if f.format == "" {
		switch {
		case k.Algorithm() != attest.Secp256k1:
			f.format = "pem"
		case password != nil:
			f.format = "keystore"
		default:
			f.format = "hex"
		}
	}
	var priv []byte
	switch f.format {
	case "pem":
		if password != nil {
			return usagef("--format pem writes unencrypted keys; use --format openssh to encrypt with the password")
		}
		priv, err = k.MarshalPKCS8PEM()
	case "openssh":
		priv, err = k.MarshalOpenSSH("aiprov", password)
	case "hex":
		if password != nil {
			return usagef("--format hex cannot be encrypted; use --format keystore")
		}
		priv, err = k.MarshalHex()
	case "keystore":
		if password == nil {
			return fmt.Errorf("--format keystore needs a password: set %s or use --password-file", envKeyPassword)
		}
		var params attest.KeystoreParams
		if f.lightKDF {
			params = attest.KeystoreParams{N: 1 << 12, P: 6} // geth's LightScryptN/P
		}
		priv, err = k.MarshalKeystore(password, params)
	default:
		return usagef("unknown --format %q (want pem, openssh, hex or keystore)", f.format)
	}
	if err != nil {
		return err
	}
	pub, err := k.Public().MarshalText()
	if err != nil {
		return err
	}
	// Refuse to overwrite either file: a lost private key cannot be recovered.
	for _, name := range []string{f.out, f.out + ".pub"} {
		if _, err := os.Lstat(name); err == nil {
			return fmt.Errorf("%s already exists; not overwriting a key", name)
		}
	}
	if err := writeFileNew(f.out, priv, 0o600); err != nil {
		return err
	}
	if err := writeFileNew(f.out+".pub", pub, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "%s\n", k.ID())
	fmt.Fprintf(c.stderr, "wrote %s (private, %s, mode 0600) and %s.pub\n", f.out, f.format, f.out)
	return nil
}

func newKeysShowCmd(c *cli) *cobra.Command {
	var pub bool
	var passwordFile string
	cmd := &cobra.Command{
		Use:   "show NAME",
		Short: "Print a key file's identity (or, with --pub, its public key)",
		Long: `Prints the identity of the key in NAME (a public or private key file):
ed25519:…, p256:… or a 0x address, what verify --key and trust policies take.`,
		Example: `  aiprov keys show alice.pub        # ed25519:6U9ig8…
  aiprov keys show --pub eth        # the 0x address of a secp256k1 key`,
		Args: nargs(1, 1, "keys show takes one key file"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runKeysShow(c, args[0], pub, passwordFile)
		},
	}
	cmd.Flags().BoolVar(&pub, "pub", false, "print the public key file's content (PKIX PEM or address) instead of the identity")
	cmd.Flags().StringVar(&passwordFile, "password-file", "", "password for an encrypted key, from `FILE` (default $"+envKeyPassword+")")
	return cmd
}

func runKeysShow(c *cli, name string, pub bool, passwordFile string) error {
	pk, err := keysLoadPublic(c, name, passwordFile)
	if err != nil {
		return err
	}
	if pub {
		txt, err := pk.MarshalText()
		if err != nil {
			return err
		}
		_, err = c.stdout.Write(txt)
		return err
	}
	fmt.Fprintln(c.stdout, pk.ID())
	return nil
}

// keysLoadPublic reads a public key file, or the public half of a private
// key file.
func keysLoadPublic(c *cli, name, passwordFile string) (*attest.PublicKey, error) {
	data, err := keysReadFile(name, 1<<20)
	if err != nil {
		return nil, err
	}
	if pk, err := attest.ParsePublicKey(data); err == nil {
		return pk, nil
	}
	k, err := attest.ParsePrivateKey(data, keysPasswordFunc(c, passwordFile))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return k.Public(), nil
}

// keysLoadSigner reads the private key in the file name, or when name is
// empty from $AIPROV_KEY: a key file, or the key itself (a hex secp256k1
// key or a key document), as CI secrets hold it.
func keysLoadSigner(c *cli, name, passwordFile string) (*attest.PrivateKey, error) {
	if name == "" {
		v := c.getenv(envKey)
		if v == "" {
			return nil, usagef("--key FILE is required (or set $%s to a key file or a key)", envKey)
		}
		if _, err := os.Stat(v); err != nil {
			// Not a file: the key itself, never echoed.
			k, err := attest.ParsePrivateKey([]byte(v), keysPasswordFunc(c, passwordFile))
			if err != nil {
				return nil, fmt.Errorf("$%s (neither a key file nor a key): %w", envKey, err)
			}
			return k, nil
		}
		name = v
	}
	data, err := keysReadFile(name, 1<<20)
	if err != nil {
		return nil, err
	}
	k, err := attest.ParsePrivateKey(data, keysPasswordFunc(c, passwordFile))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return k, nil
}

// keysPassword returns the password from --password-file or the
// environment, or nil when neither is set.
func keysPassword(c *cli, passwordFile string) ([]byte, error) {
	if passwordFile != "" {
		data, err := keysReadFile(passwordFile, 1<<20)
		if err != nil {
			return nil, fmt.Errorf("password file: %w", err)
		}
		pw := strings.TrimRight(string(data), "\r\n")
		if pw == "" {
			return nil, fmt.Errorf("password file %s is empty", passwordFile)
		}
		return []byte(pw), nil
	}
	if v := c.getenv(envKeyPassword); v != "" {
		return []byte(v), nil
	}
	return nil, nil
}

func keysPasswordFunc(c *cli, passwordFile string) func() ([]byte, error) {
	return func() ([]byte, error) {
		pw, err := keysPassword(c, passwordFile)
		if err == nil && pw == nil {
			err = errors.New("the key is encrypted: set " + envKeyPassword + " or use --password-file")
		}
		return pw, err
	}
}

// keysReadFile reads a file the user named, refusing one larger than limit
// bytes before reading it: signatures, keys and policies are small, and an
// oversized one is a mistake or an attack.
func keysReadFile(name string, limit int64) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s: larger than %d bytes", name, limit)
	}
	return data, nil
}
