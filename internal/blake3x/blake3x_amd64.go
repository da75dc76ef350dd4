//go:build amd64 && !purego

package blake3x

import "github.com/klauspost/cpuid/v2"

//go:generate sh -c "go run gen.go > blake3x_amd64.s"

var available = cpuid.CPU.Supports(cpuid.AVX512F)

// hashMany16 runs blocks full blocks of each of 16 inputs through the
// compression function, starting from the IV, and writes each input's
// chaining value to out, word-major: word j of lane l at out[j*256+l].
// Lane l's input starts stride*l bytes after in and has block counter
// ctrHi<<32 + ctrLo + l*laneStep (carried); every block has flags, the
// first also first and the last also last. blocks must be at least 1.
//
//go:noescape
func hashMany16(out *uint32, in *byte, stride uintptr, blocks int, ctrLo, ctrHi, laneStep uint32, flags, first, last uint32)

// parents16AVX512 hashes 16 parents in word-major rows of 256 values: the
// parent of values 2k and 2k+1 at in goes to value k at out.
//
//go:noescape
func parents16AVX512(out, in *uint32)
