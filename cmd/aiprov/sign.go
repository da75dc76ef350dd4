package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"

	"github.com/aiprov/aiprov/attest"
	"github.com/aiprov/aiprov/provenance"
	"github.com/spf13/cobra"
)

type signFlags struct {
	keyFile, out, format, contract, passwordFile string
	chainID                                      uint64
	manifest                                     string
	oms                                          omsFlags
}

func newSignCmd(c *cli) *cobra.Command {
	var f signFlags
	cmd := &cobra.Command{
		Use:   "sign MANIFEST|ENVELOPE|MODEL",
		Short: "Sign a manifest (DSSE/in-toto or EIP-712), or co-sign an envelope",
		Long: `Signs a valid manifest (DAG-JSON or DAG-CBOR): by default an in-toto
statement in a DSSE envelope; --format eip712 or eip191 with a secp256k1
key. Given a DSSE envelope, adds a signature over the same payload
(co-signing). Writes the JSON to standard output or --output FILE.

--format oms signs a model (a directory or a file) as an OpenSSF Model
Signing v1.0 bundle, which model_signing and other OMS verifiers check, with
an ECDSA P-256/P-384/P-521 key, or a key and its X.509 certificate (--cert,
--cert-chain). --manifest names the model's lineage manifest in the bundle,
where OMS verifiers ignore it and aiprov verify reports it.`,
		Example: `  aiprov sign model.json --key alice -o model.dsse.json
  aiprov sign model.dsse.json --key bob -o model.dsse.json     # co-sign
  AIPROV_KEY=0x… aiprov sign model.json --format eip712 --chain-id 1 -o model.eip712.json
  aiprov sign --format oms --key p384.key model/ -o model.sig --manifest model.json
  aiprov sign --format oms --key leaf.key --cert leaf.pem --cert-chain ca.pem model/ -o model.sig`,
		Args: nargs(1, 1, "sign takes one manifest (DAG-JSON or DAG-CBOR), one envelope to co-sign, or (--format oms) one model"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runSign(cmd.Context(), c, &f, args)
		},
	}
	fs := cmd.Flags()
	fs.StringVarP(&f.keyFile, "key", "k", "", "private key `FILE` (default $"+envKey+": a key file, or the key itself, e.g. a hex secp256k1 key)")
	fs.StringVarP(&f.out, "output", "o", "", "write the signature to `FILE` (default: standard output)")
	fs.StringVar(&f.format, "format", "dsse", "dsse (in-toto statement in a DSSE envelope), eip712 (typed data, secp256k1), eip191 (personal_sign, secp256k1) or oms (OpenSSF Model Signing bundle of a model)")
	fs.Uint64Var(&f.chainID, "chain-id", 0, "EIP-712 domain chainId (0: none)")
	bindEnv(fs, "chain-id", envChainID)
	fs.StringVar(&f.contract, "contract", "", "EIP-712 domain verifyingContract `ADDRESS` (default: none)")
	fs.StringVar(&f.passwordFile, "password-file", "", "password of an encrypted key, from `FILE` (default $"+envKeyPassword+")")
	fs.StringVar(&f.oms.cert, "cert", "", "OMS: the signing key's X.509 certificate, PEM `FILE` (certificate method)")
	fs.StringArrayVar(&f.oms.certChain, "cert-chain", nil, "OMS: PEM `FILE` of the certificate's chain (intermediates, root); repeatable")
	fs.StringArrayVar(&f.oms.ignorePaths, "ignore-path", nil, "OMS: leave `PATH` (inside the model) out of the signature; repeatable")
	fs.BoolVar(&f.oms.allowSymlinks, "allow-symlinks", false, "OMS: follow symbolic links that stay inside the model")
	fs.StringVar(&f.manifest, "manifest", "", "OMS: name this lineage manifest (`FILE` or CID) in the bundle")
	return cmd
}

func runSign(ctx context.Context, c *cli, f *signFlags, rest []string) error {
	if f.format == "oms" {
		return runSignOMS(ctx, c, f, rest[0])
	}
	if f.oms.cert != "" || len(f.oms.certChain) > 0 || len(f.oms.ignorePaths) > 0 || f.oms.allowSymlinks || f.manifest != "" {
		return usagef("--cert, --cert-chain, --ignore-path, --allow-symlinks and --manifest go with --format oms")
	}
	domain := attest.DefaultDomain()
	domain.ChainID = f.chainID
	if f.contract != "" {
		contract, err := addressFlag("--contract", f.contract)
		if err != nil {
			return err
		}
		domain.VerifyingContract = contract
	}
	key, err := keysLoadSigner(c, f.keyFile, f.passwordFile)
	if err != nil {
		return err
	}
	data, err := keysReadFile(rest[0], attest.MaxEnvelopeSize)
	if err != nil {
		return err
	}

	var result any
	switch f.format {
	case "dsse":
		var env *attest.Envelope
		if isEnvelope(data) {
			// Co-signing: add a signature over the same payload bytes.
			if env, err = attest.ParseEnvelope(data); err != nil {
				return fmt.Errorf("%s: %w", rest[0], err)
			}
			// ManifestOf reads the statement strictly and validates the
			// manifest: what is shown below is what the signature covers.
			m, err := attest.ManifestOf(env)
			if err != nil {
				return fmt.Errorf("%s: not a valid lineage attestation: %w", rest[0], err)
			}
			signShowManifest(c, m)
			if env.SignedBy(key.Public()) >= 0 {
				fmt.Fprintf(c.stderr, "aiprov sign: %s already signed %s; not adding another signature\n", key.ID(), rest[0])
			} else if err := env.Sign(ctx, key); err != nil {
				return err
			}
		} else {
			m, err := signReadManifest(rest[0], data)
			if err != nil {
				return err
			}
			if env, err = attest.Sign(ctx, m, key); err != nil {
				return err
			}
		}
		result = env
	case "eip712", "eip191":
		if key.Algorithm() != attest.Secp256k1 {
			return usagef("--format %s needs a secp256k1 (Ethereum) key, not %s", f.format, key.Algorithm())
		}
		if isEnvelope(data) {
			return usagef("--format %s signs a manifest, not an envelope", f.format)
		}
		m, err := signReadManifest(rest[0], data)
		if err != nil {
			return err
		}
		if f.format == "eip712" {
			result, err = attest.SignEIP712(ctx, m, key, domain)
		} else {
			result, err = attest.SignEIP191(ctx, m, key)
		}
		if err != nil {
			return err
		}
	default:
		return usagef("unknown --format %q (want dsse, eip712, eip191 or oms)", f.format)
	}

	js, err := json.MarshalIndent(result, "", "  ")
	if err != nil {
		return err
	}
	js = append(js, '\n')
	if f.out == "" {
		_, err = c.stdout.Write(js)
		return err
	}
	if err := writeBytesAtomic(f.out, 0o644, js); err != nil {
		return err
	}
	fmt.Fprintf(c.stderr, "signed by %s; wrote %s\n", key.ID(), f.out)
	return nil
}

// isEnvelope says whether data looks like a DSSE envelope rather than a
// manifest.
func isEnvelope(data []byte) bool {
	var probe struct {
		PayloadType *string `json:"payloadType"`
	}
	return bytes.HasPrefix(bytes.TrimSpace(data), []byte("{")) && json.Unmarshal(data, &probe) == nil && probe.PayloadType != nil
}

func signReadManifest(name string, data []byte) (*provenance.Manifest, error) {
	m, _, err := provenance.ReadManifest(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if err := m.Validate(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return m, nil
}

// signShowManifest tells a co-signer, on stderr, what they are about to
// sign: the manifest the envelope carries, not what its name suggests.
func signShowManifest(c *cli, m *provenance.Manifest) {
	mcid, _ := m.CID()
	w := c.stderr
	fmt.Fprintf(w, "co-signing manifest %s\n", mcid)
	fmt.Fprintf(w, "  subject %s (%s) %s, %d bytes, %d file(s)\n", verifyPrintable(m.Subject.Name), m.Subject.Kind, m.Subject.CID, m.Subject.Size, len(m.Subject.Files))
	for _, p := range m.Parents {
		fmt.Fprintf(w, "  parent %s %s %s\n", p.CID, p.Relation, provenance.FormatShare(p.Share))
	}
	for _, ct := range m.Contributors {
		fmt.Fprintf(w, "  contributor %s %s %s\n", verifyPrintable(ct.ID), verifyPrintable(ct.Role), provenance.FormatShare(ct.Share))
	}
	fmt.Fprintf(w, "  license %s, created %s\n", verifyPrintable(m.License), m.Created)
}
