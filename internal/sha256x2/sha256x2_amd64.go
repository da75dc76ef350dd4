//go:build amd64 && !purego

package sha256x2

import "github.com/klauspost/cpuid/v2"

//go:generate sh -c "go run gen.go > sha256x2_amd64.s"

var available = cpuid.CPU.Supports(cpuid.SHA, cpuid.SSSE3, cpuid.SSE4)

// blocks2 runs the SHA-256 compression function over n 64-byte blocks of
// each of pA and pB, updating dA and dB.
//
//go:noescape
func blocks2(dA, dB *[8]uint32, pA, pB *byte, n int)
