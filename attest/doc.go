// Package attest is documented in doc.go once implemented.
package attest
