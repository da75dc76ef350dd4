// Command oms-adapter plugs aiprov into the OpenSSF Model Signing (OMS)
// conformance harness (github.com/sampras343/model-signing-conformance): it
// implements that harness's adapter CLI protocol over attest's public API.
//
//	oms-adapter sign-model --method key --model-path /m --output-bundle /m.sig --private-key k.pem [--ignore-paths P]...
//	oms-adapter sign-model --method certificate ... --signing-cert leaf.pem --cert-chain ca.pem...
//	oms-adapter verify-model --method key --model-path /m --bundle /m.sig --public-key k.pub [--ignore-unsigned-files]
//	oms-adapter verify-model --method certificate ... --cert-chain ca.pem...
//
// It exits 0 on success and 1 on failure (the reason on stderr). The
// sigstore (keyless) method needs the network and Sigstore's trust root,
// which aiprov does not use; it exits 1 for it.
package main

import (
	"context"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"flag"
	"fmt"
	"os"

	"github.com/aiprov/aiprov/attest"
)

// repeated is a flag that may be given many times.
type repeated []string

func (r *repeated) String() string     { return fmt.Sprint(*r) }
func (r *repeated) Set(v string) error { *r = append(*r, v); return nil }

func main() {
	if err := run(context.Background(), os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "oms-adapter:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string) error {
	if len(args) == 0 {
		return errors.New("usage: oms-adapter sign-model|verify-model [flags]")
	}
	fs := flag.NewFlagSet(args[0], flag.ContinueOnError)
	method := fs.String("method", "", "key, certificate or sigstore")
	modelPath := fs.String("model-path", "", "the model directory or file")
	output := fs.String("output-bundle", "", "where sign-model writes the bundle")
	bundlePath := fs.String("bundle", "", "the bundle verify-model checks")
	privateKey := fs.String("private-key", "", "PEM EC private key (sign)")
	publicKey := fs.String("public-key", "", "PEM EC public key (verify, key method)")
	signingCert := fs.String("signing-cert", "", "PEM leaf certificate (sign, certificate method)")
	ignoreUnsigned := fs.Bool("ignore-unsigned-files", false, "accept files the bundle does not list")
	fs.String("identity-token", "", "sigstore method (unsupported)")
	fs.String("identity", "", "sigstore method (unsupported)")
	fs.String("identity-provider", "", "sigstore method (unsupported)")
	fs.Bool("use-staging", false, "sigstore method (unsupported)")
	var certChain, ignorePaths repeated
	fs.Var(&certChain, "cert-chain", "PEM certificate file; repeatable")
	fs.Var(&ignorePaths, "ignore-paths", "path to leave out; repeatable")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if *method == "sigstore" {
		return errors.New("keyless sigstore signing and verification need the network and Sigstore's trust root: not supported")
	}
	if *method != "key" && *method != "certificate" {
		return fmt.Errorf("--method %q: want key or certificate", *method)
	}
	switch args[0] {
	case "sign-model":
		data, err := os.ReadFile(*privateKey)
		if err != nil {
			return err
		}
		key, err := attest.ParsePrivateKey(data, nil)
		if err != nil {
			return err
		}
		opts := attest.OMSSignOptions{Signer: key, IgnorePaths: ignorePaths, SignaturePath: *output}
		if *method == "certificate" {
			for _, name := range append([]string{*signingCert}, certChain...) {
				certs, err := readCerts(name)
				if err != nil {
					return err
				}
				opts.Certificates = append(opts.Certificates, certs...)
			}
		}
		b, err := attest.SignOMS(ctx, *modelPath, opts)
		if err != nil {
			return err
		}
		js, err := b.MarshalJSON()
		if err != nil {
			return err
		}
		return os.WriteFile(*output, js, 0o644)
	case "verify-model":
		data, err := os.ReadFile(*bundlePath)
		if err != nil {
			return err
		}
		b, err := attest.ParseOMSBundle(data)
		if err != nil {
			return err
		}
		opts := attest.OMSVerifyOptions{IgnorePaths: ignorePaths, IgnoreUnsignedFiles: *ignoreUnsigned, SignaturePath: *bundlePath}
		if *method == "key" {
			pemKey, err := os.ReadFile(*publicKey)
			if err != nil {
				return err
			}
			k, err := attest.ParsePublicKey(pemKey)
			if err != nil {
				return err
			}
			opts.Keys = []*attest.PublicKey{k}
		} else {
			for _, name := range certChain {
				certs, err := readCerts(name)
				if err != nil {
					return err
				}
				opts.Roots = append(opts.Roots, certs...)
			}
		}
		_, err = attest.VerifyOMS(ctx, b, *modelPath, opts)
		return err
	}
	return fmt.Errorf("unknown command %q (want sign-model or verify-model)", args[0])
}

func readCerts(name string) ([]*x509.Certificate, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	var certs []*x509.Certificate
	for block, rest := pem.Decode(data); block != nil; block, rest = pem.Decode(rest) {
		if block.Type == "CERTIFICATE" {
			c, err := x509.ParseCertificate(block.Bytes)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", name, err)
			}
			certs = append(certs, c)
		}
	}
	if len(certs) == 0 {
		return nil, fmt.Errorf("%s: no PEM certificate", name)
	}
	return certs, nil
}
