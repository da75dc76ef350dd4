// Package storage is documented in doc.go once implemented.
package storage
