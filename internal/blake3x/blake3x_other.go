//go:build !amd64 || purego

package blake3x

var available = false

func hashMany16(out *uint32, in *byte, stride uintptr, blocks int, ctrLo, ctrHi, laneStep uint32, flags, first, last uint32) {
	panic("unreachable")
}

func parents16AVX512(out, in *uint32) { panic("unreachable") }
