//go:build !amd64 || purego

package blake3x

const available = false

func hashMany16(out *[16][8]uint32, in *byte, stride uintptr, blocks int, ctrLo, ctrHi, laneStep uint32, flags, first, last uint32) {
	panic("unreachable")
}
