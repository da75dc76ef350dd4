//go:build ignore

// gen writes blake3x_amd64.s: BLAKE3's compression function run on 16
// inputs at once with AVX-512, one input per 32-bit lane of a ZMM register.
// Run: go run gen.go > blake3x_amd64.s
//
// The rounds need each message word of the 16 lanes side by side, so each
// block's 16 rows (one per lane) are transposed with unpacks and 128-bit
// shuffles. Those run on one execution port only, and done at the start of
// a block they hold up its rounds: the first kernel, which did that, ran
// at 7.2 GB/s and at 9.4 GB/s with the transpose left out. So the kernel
// is software-pipelined: the state lives in Z0-Z15, the rounds read their
// message words from a transposed copy of the block in memory (as operands
// of VPADDD, which costs a load but no instruction), and the transpose of
// the next block runs in Z16-Z31 with its instructions spread among the
// rounds', where the other port has room for the rounds' work.
//
// Parents need no transpose: chaining values are kept word-major (see
// cvRow), and a parent's message words are the even and odd columns of
// its children's rows.
//
// The four G functions of a half-round are interleaved instruction by
// instruction: they are independent, and one G alone is a chain of
// dependent one-cycle instructions.
package main

import (
	"fmt"
	"os"
	"strings"
)

var out strings.Builder

func emit(format string, args ...any) { fmt.Fprintf(&out, "\t"+format+"\n", args...) }

func label(name string) { fmt.Fprintf(&out, "%s:\n", name) }

func z(i int) string { return fmt.Sprintf("Z%d", i) }

// code is a list of instructions, to be emitted or interleaved.
type code []string

func (c *code) add(format string, args ...any) { *c = append(*c, fmt.Sprintf(format, args...)) }

func (c code) emit() {
	for _, s := range c {
		emit("%s", s)
	}
}

// interleave emits main with the instructions of side spread evenly among
// its own, keeping each list's order.
func interleave(main, side code) {
	j := 0
	for i, s := range main {
		emit("%s", s)
		for j < len(side) && j*len(main) <= i*len(side) {
			emit("%s", side[j])
			j++
		}
	}
	for ; j < len(side); j++ {
		emit("%s", side[j])
	}
}

// msgPerm is BLAKE3's message permutation, applied between rounds.
var msgPerm = [16]int{2, 6, 3, 10, 7, 0, 4, 13, 1, 11, 12, 5, 9, 14, 15, 8}

var iv = [8]uint32{0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19}

// regs is a pool of free ZMM registers, taken in the order given back.
type regs []int

func (r *regs) take() int  { x := (*r)[0]; *r = (*r)[1:]; return x }
func (r *regs) give(x int) { *r = append(*r, x) }

// Scratch, at R13 (64-byte aligned): the lanes' block counters (low and
// high words), this block's flags, two transposed message blocks (SI is
// the current one, DI the next), and room for the transpose's middle step.
const (
	ctrLo     = 0
	ctrHi     = 64
	flagsSlot = 128
	msgA      = 192
	msgB      = msgA + 1024
	spill     = msgB + 1024
	scratch   = spill + 1024
)

// prefetch is how far ahead of the block being transposed the kernel asks
// for the input to be brought into the cache, in bytes. Tensor data comes
// from the importer's chunk buffers, often no longer in this core's cache:
// with 16 streams 1 KiB apart the hardware prefetchers fell behind (4.2
// GB/s over a 256 MiB buffer, 7.4 GB/s in cache). Prefetching a block or
// two ahead in each lane got 5.9; the same block 16 KiB ahead, in the
// chunks the next kernel call hashes, 7.0.
const prefetch = 16 * 1024

// transpose returns code that loads the block at R8-R11 (lane l at
// R(8+l/4) plus l%4 strides: BX is the stride, DX three), transposes it
// and stores message word w of the 16 lanes at 64*w(dst). It uses only
// Z16-Z31 and the spill area.
func transpose(dst string) code {
	var c code
	free := regs{16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31}
	index := []string{"", "(BX*1)", "(BX*2)", "(DX*1)"}
	unpack := func(lo, hi string, a, b int) (int, int) {
		t := free.take()
		c.add("%s %s, %s, %s", lo, z(b), z(a), z(t))
		c.add("%s %s, %s, %s", hi, z(b), z(a), z(b))
		free.give(a)
		return t, b
	}
	// Rows 4g..4g+3: after the dword and qword unpacks, v[e] holds, in
	// each 128-bit lane L, word 4L+e of the four rows.
	for g := 0; g < 4; g++ {
		var r [4]int
		for k := range r {
			r[k] = free.take()
			c.add("VMOVDQU32 (R%d)%s, %s", 8+g, index[k], z(r[k]))
			// The same block of the next 16 chunks: a kernel call ahead.
			c.add("PREFETCHT0 %d(R%d)%s", prefetch, 8+g, index[k])
		}
		a0, b0 := unpack("VPUNPCKLDQ", "VPUNPCKHDQ", r[0], r[1])
		a2, b2 := unpack("VPUNPCKLDQ", "VPUNPCKHDQ", r[2], r[3])
		var v [4]int
		v[0], v[1] = unpack("VPUNPCKLQDQ", "VPUNPCKHQDQ", a0, a2)
		v[2], v[3] = unpack("VPUNPCKLQDQ", "VPUNPCKHQDQ", b0, b2)
		for e, x := range v {
			c.add("VMOVDQU32 %s, %d(R13)", z(x), spill+64*(4*g+e))
			free.give(x)
		}
	}
	// For each e, a 4×4 transpose of 128-bit lanes among the four groups'
	// v[e]: VSHUFI32X4 0x88 takes lanes 0 and 2 of each source, 0xdd lanes
	// 1 and 3.
	slot := func(g, e int) string { return fmt.Sprintf("%d(R13)", spill+64*(4*g+e)) }
	for e := 0; e < 4; e++ {
		var pq [2][2]int // [pair of groups][lanes 0,2 or 1,3]
		for h := 0; h < 2; h++ {
			x := free.take()
			c.add("VMOVDQU32 %s, %s", slot(2*h, e), z(x))
			for k, imm := range []int{0x88, 0xdd} {
				pq[h][k] = free.take()
				c.add("VSHUFI32X4 $0x%02x, %s, %s, %s", imm, slot(2*h+1, e), z(x), z(pq[h][k]))
			}
			free.give(x)
		}
		// pq[h][0] holds lanes 0 and 2 of groups 2h and 2h+1: word e of
		// rows 0-3 and 8-11 of those groups' rows, and so on.
		for k := 0; k < 2; k++ {
			for j, imm := range []int{0x88, 0xdd} {
				w := free.take()
				c.add("VSHUFI32X4 $0x%02x, %s, %s, %s", imm, z(pq[1][k]), z(pq[0][k]), z(w))
				word := 4*(2*j+k) + e // 128-bit lane L = 2j+k of the rows
				c.add("VMOVDQU32 %s, %d(%s)", z(w), 64*word, dst)
				free.give(w)
			}
			free.give(pq[0][k])
			free.give(pq[1][k])
		}
	}
	return c
}

// rounds returns the seven rounds on state registers Z0-Z15, message word
// w being the operand msg(w).
func rounds(msg func(w int) string) code {
	var c code
	perm := [16]int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}
	half := func(cols [4][4]int, words [4][2]int) {
		const a, b, cc, d = 0, 1, 2, 3
		type op struct {
			kind     string // addm (message word x or y), add, xor, ror
			dst, src int
			arg      int
		}
		ops := []op{
			{"addm", a, 0, 0}, {"add", a, b, 0}, {"xor", d, a, 0}, {"ror", d, 0, 16},
			{"add", cc, d, 0}, {"xor", b, cc, 0}, {"ror", b, 0, 12},
			{"addm", a, 0, 1}, {"add", a, b, 0}, {"xor", d, a, 0}, {"ror", d, 0, 8},
			{"add", cc, d, 0}, {"xor", b, cc, 0}, {"ror", b, 0, 7},
		}
		for _, o := range ops {
			for g := 0; g < 4; g++ {
				reg := func(k int) string { return z(cols[g][k]) }
				switch o.kind {
				case "addm":
					c.add("VPADDD %s, %s, %s", msg(perm[words[g][o.arg]]), reg(o.dst), reg(o.dst))
				case "add":
					c.add("VPADDD %s, %s, %s", reg(o.src), reg(o.dst), reg(o.dst))
				case "xor":
					c.add("VPXORD %s, %s, %s", reg(o.src), reg(o.dst), reg(o.dst))
				case "ror":
					c.add("VPRORD $%d, %s, %s", o.arg, reg(o.dst), reg(o.dst))
				}
			}
		}
	}
	for r := 0; r < 7; r++ {
		half([4][4]int{{0, 4, 8, 12}, {1, 5, 9, 13}, {2, 6, 10, 14}, {3, 7, 11, 15}},
			[4][2]int{{0, 1}, {2, 3}, {4, 5}, {6, 7}})
		half([4][4]int{{0, 5, 10, 15}, {1, 6, 11, 12}, {2, 7, 8, 13}, {3, 4, 9, 14}},
			[4][2]int{{8, 9}, {10, 11}, {12, 13}, {14, 15}})
		var next [16]int
		for i := range next {
			next[i] = perm[msgPerm[i]]
		}
		perm = next
	}
	return c
}

// cvRow is the distance in bytes between the rows of the chaining-value
// scratch, [8][maxSubtree]uint32 in blake3x.go: row j holds word j of
// each chaining value, so that the kernels load and store 16 of them as
// one register, with no transpose.
const cvRow = 256 * 4

// parents writes the kernel that hashes 16 parents: for k < 16, the parent
// of chaining values 2k and 2k+1 of the rows at in goes to column k of the
// rows at out. With the children side by side in a row, the message words
// are the even (left child) and odd (right child) columns of two
// registers' worth of a row.
func parents() {
	out.WriteString("// func parents16AVX512(out, in *uint32)\n")
	out.WriteString("// Requires: AVX512F\n")
	out.WriteString("TEXT ·parents16AVX512(SB), NOSPLIT, $0-16\n")
	emit("MOVQ out+0(FP), AX")
	emit("MOVQ in+8(FP), SI")
	// Z8-Z15 are free until the state needs them.
	for j := 0; j < 8; j++ {
		t := 8 + j
		emit("VMOVDQU32 %d(SI), %s", j*cvRow, z(t))
		emit("VMOVDQU32 evens<>(SB), %s", z(16+j))
		emit("VPERMI2D %d(SI), %s, %s", j*cvRow+64, z(t), z(16+j))
		emit("VMOVDQU32 odds<>(SB), %s", z(24+j))
		emit("VPERMI2D %d(SI), %s, %s", j*cvRow+64, z(t), z(24+j))
	}
	for i := 0; i < 8; i++ {
		emit("VPBROADCASTD iv<>+%d(SB), %s", 4*i, z(i))
	}
	for i := 0; i < 4; i++ {
		emit("VPBROADCASTD iv<>+%d(SB), %s", 4*i, z(8+i))
	}
	emit("VPXORD Z12, Z12, Z12") // counter 0
	emit("VPXORD Z13, Z13, Z13")
	emit("VPBROADCASTD blockLen<>(SB), Z14")
	emit("VPBROADCASTD parentFlag<>(SB), Z15")
	rounds(func(w int) string { return z(16 + w) }).emit()
	for i := 0; i < 8; i++ {
		emit("VPXORD %s, %s, %s", z(8+i), z(i), z(i))
		emit("VMOVDQU32 %s, %d(AX)", z(i), i*cvRow)
	}
	emit("VZEROUPPER")
	emit("RET")
	out.WriteString("\n")
}

func main() {
	out.WriteString("// Code generated by gen.go; DO NOT EDIT.\n\n//go:build amd64 && !purego\n\n#include \"textflag.h\"\n\n")
	out.WriteString("// func hashMany16(out *uint32, in *byte, stride uintptr, blocks int, ctrLo, ctrHi, laneStep uint32, flags, first, last uint32)\n")
	out.WriteString("// Requires: AVX512F\n")
	fmt.Fprintf(&out, "TEXT ·hashMany16(SB), 0, $%d-56\n", scratch+64)
	emit("LEAQ 63(SP), R13")
	emit("ANDQ $~63, R13")
	emit("LEAQ %d(R13), SI", msgA)
	emit("LEAQ %d(R13), DI", msgB)
	emit("MOVQ in+8(FP), R8")
	emit("MOVQ stride+16(FP), BX")
	emit("MOVQ blocks+24(FP), CX")
	emit("LEAQ (BX)(BX*2), DX")
	emit("LEAQ (R8)(BX*4), R9")
	emit("LEAQ (R9)(BX*4), R10")
	emit("LEAQ (R10)(BX*4), R11")
	// Lane l's counter is the 64-bit ctrHi:ctrLo plus l*laneStep.
	emit("MOVL ctrLo+32(FP), AX")
	emit("VPBROADCASTD AX, Z0")
	emit("MOVL ctrHi+36(FP), AX")
	emit("VPBROADCASTD AX, Z1")
	emit("MOVL laneStep+40(FP), AX")
	emit("VPBROADCASTD AX, Z2")
	emit("VPMULLD lanes<>(SB), Z2, Z2")
	emit("VPADDD Z2, Z0, Z0")
	emit("VPCMPUD $1, Z2, Z0, K1") // the low word wrapped
	emit("VPADDD.BCST one<>(SB), Z1, K1, Z1")
	emit("VMOVDQU32 Z0, %d(R13)", ctrLo)
	emit("VMOVDQU32 Z1, %d(R13)", ctrHi)
	emit("MOVL flags+44(FP), R12")
	emit("ORL first+48(FP), R12")
	for i := 0; i < 8; i++ {
		emit("VPBROADCASTD iv<>+%d(SB), %s", 4*i, z(i))
	}
	// The first block's transpose goes to SI. Each iteration transposes
	// the block after its own (R8-R11 point at it), or its own again when
	// it is the last, into DI.
	transpose("SI").emit()
	emit("CMPQ CX, $2")
	emit("JLT loop")
	for i := 8; i <= 11; i++ {
		emit("ADDQ $64, R%d", i)
	}
	label("loop")
	emit("MOVL R12, AX")
	emit("CMPQ CX, $1")
	emit("JNE notlast")
	emit("ORL last+52(FP), AX")
	label("notlast")
	emit("MOVL AX, %d(R13)", flagsSlot)
	for i := 0; i < 4; i++ {
		emit("VPBROADCASTD iv<>+%d(SB), %s", 4*i, z(8+i))
	}
	emit("VMOVDQU32 %d(R13), Z12", ctrLo)
	emit("VMOVDQU32 %d(R13), Z13", ctrHi)
	emit("VPBROADCASTD blockLen<>(SB), Z14")
	emit("VPBROADCASTD %d(R13), Z15", flagsSlot)
	interleave(rounds(func(w int) string { return fmt.Sprintf("%d(SI)", 64*w) }), transpose("DI"))
	for i := 0; i < 8; i++ {
		emit("VPXORD %s, %s, %s", z(8+i), z(i), z(i))
	}
	emit("MOVL flags+44(FP), R12")
	emit("XCHGQ SI, DI")
	emit("DECQ CX")
	emit("JEQ done")
	emit("CMPQ CX, $2")
	emit("JLT loop")
	for i := 8; i <= 11; i++ {
		emit("ADDQ $64, R%d", i)
	}
	emit("JMP loop")
	label("done")
	emit("MOVQ out+0(FP), AX")
	for i := 0; i < 8; i++ {
		emit("VMOVDQU32 %s, %d(AX)", z(i), i*cvRow)
	}
	emit("VZEROUPPER")
	emit("RET")
	out.WriteString("\n")
	parents()
	for i, v := range iv {
		fmt.Fprintf(&out, "DATA iv<>+%d(SB)/4, $0x%08x\n", 4*i, v)
	}
	out.WriteString("GLOBL iv<>(SB), RODATA|NOPTR, $32\n\n")
	for i := 0; i < 16; i++ {
		fmt.Fprintf(&out, "DATA lanes<>+%d(SB)/4, $%d\n", 4*i, i)
	}
	out.WriteString("GLOBL lanes<>(SB), RODATA|NOPTR, $64\n\n")
	out.WriteString("DATA one<>+0(SB)/4, $1\nGLOBL one<>(SB), RODATA|NOPTR, $4\n\n")
	out.WriteString("DATA blockLen<>+0(SB)/4, $64\nGLOBL blockLen<>(SB), RODATA|NOPTR, $4\n\n")
	out.WriteString("DATA parentFlag<>+0(SB)/4, $4\nGLOBL parentFlag<>(SB), RODATA|NOPTR, $4\n\n")
	for i := 0; i < 16; i++ {
		fmt.Fprintf(&out, "DATA evens<>+%d(SB)/4, $%d\n", 4*i, 2*i)
	}
	out.WriteString("GLOBL evens<>(SB), RODATA|NOPTR, $64\n\n")
	for i := 0; i < 16; i++ {
		fmt.Fprintf(&out, "DATA odds<>+%d(SB)/4, $%d\n", 4*i, 2*i+1)
	}
	out.WriteString("GLOBL odds<>(SB), RODATA|NOPTR, $64\n")
	os.Stdout.WriteString(out.String())
}
