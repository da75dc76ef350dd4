package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"

	"github.com/aiprov/aiprov/attest"
	"github.com/aiprov/aiprov/provenance"
	"github.com/ethereum/go-ethereum/common"
)

func runSign(ctx context.Context, c *cli, args []string) error {
	fs := newFlagSet(c, "sign", "MANIFEST|ENVELOPE")
	keyFile := fs.String("key", "", "private key `FILE` (default: the hex secp256k1 key in $"+keyEnv+")")
	out := fs.String("o", "", "write the signature to `FILE` (default: standard output)")
	format := fs.String("format", "dsse", "dsse (in-toto statement in a DSSE envelope), eip712 (typed data, secp256k1) or eip191 (personal_sign, secp256k1)")
	chainID := fs.Uint64("chain-id", 0, "EIP-712 domain chainId (0: none)")
	contract := fs.String("contract", "", "EIP-712 domain verifyingContract `ADDRESS` (default: none)")
	passwordFile := fs.String("password-file", "", "password of an encrypted key, from `FILE` (or set "+keyPasswordEnv+")")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return usagef("sign takes one manifest (DAG-JSON or DAG-CBOR) or one envelope to co-sign")
	}
	domain := attest.DefaultDomain()
	domain.ChainID = *chainID
	if *contract != "" {
		if !common.IsHexAddress(*contract) {
			return usagef("--contract %q is not an address (0x + 40 hex digits)", *contract)
		}
		domain.VerifyingContract = common.HexToAddress(*contract)
	}
	key, err := keysLoadSigner(c, *keyFile, *passwordFile)
	if err != nil {
		return err
	}
	data, err := keysReadFile(rest[0], attest.MaxEnvelopeSize)
	if err != nil {
		return err
	}

	var result any
	switch *format {
	case "dsse":
		var env *attest.Envelope
		if isEnvelope(data) {
			// Co-signing: add a signature over the same payload bytes.
			if env, err = attest.ParseEnvelope(data); err != nil {
				return fmt.Errorf("%s: %w", rest[0], err)
			}
			if _, err := attest.ManifestOf(env); err != nil {
				return fmt.Errorf("%s: not a lineage attestation: %w", rest[0], err)
			}
			if err := env.Sign(ctx, key); err != nil {
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
			return usagef("--format %s needs a secp256k1 (Ethereum) key, not %s", *format, key.Algorithm())
		}
		if isEnvelope(data) {
			return usagef("--format %s signs a manifest, not an envelope", *format)
		}
		m, err := signReadManifest(rest[0], data)
		if err != nil {
			return err
		}
		if *format == "eip712" {
			result, err = attest.SignEIP712(ctx, m, key, domain)
		} else {
			result, err = attest.SignEIP191(ctx, m, key)
		}
		if err != nil {
			return err
		}
	default:
		return usagef("unknown --format %q (want dsse, eip712 or eip191)", *format)
	}

	js, err := json.MarshalIndent(result, "", "  ")
	if err != nil {
		return err
	}
	js = append(js, '\n')
	if *out == "" {
		_, err = c.stdout.Write(js)
		return err
	}
	if err := writeBytesAtomic(*out, 0o644, js); err != nil {
		return err
	}
	fmt.Fprintf(c.stderr, "signed by %s; wrote %s\n", key.ID(), *out)
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
