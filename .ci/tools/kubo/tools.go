//go:build tools

// Package tools pins the Kubo command for `go build`.
package tools

import _ "github.com/ipfs/kubo/cmd/ipfs"
