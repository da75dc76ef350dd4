// Package omsinterop holds only tests: OMS bundles that aiprov's attest
// package writes are verified with sigstore-go, Sigstore's Go verifier,
// given a public key or a certificate authority as its trust root.
//
// It is a module of its own so that sigstore-go's large dependency graph
// stays out of aiprov's go.mod. Run it with
//
//	cd internal/omsinterop && go test ./...
package omsinterop
