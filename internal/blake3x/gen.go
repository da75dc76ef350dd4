//go:build ignore

// gen writes blake3x_amd64.s: BLAKE3's compression function run on 16
// inputs at once with AVX-512, one input per 32-bit lane of a ZMM register.
// Run: go run gen.go > blake3x_amd64.s
//
// The state's 16 words and the block's 16 message words take all 32 ZMM
// registers. Each block of the 16 inputs is loaded as 16 rows and
// transposed in registers (four rounds of unpacks and 128-bit shuffles) so
// that register w holds message word w of every lane; the generator tracks
// which register holds which word, so the transpose and the message
// schedule cost no moves. The four G functions of a half-round are
// interleaved instruction by instruction: they are independent, and one
// G alone is a chain of dependent one-cycle instructions.
package main

import (
	"fmt"
	"os"
	"strings"
)

var out strings.Builder

func emit(format string, args ...any) { fmt.Fprintf(&out, "\t"+format+"\n", args...) }

func z(i int) string { return fmt.Sprintf("Z%d", i) }

// msgPerm is BLAKE3's message permutation, applied between rounds.
var msgPerm = [16]int{2, 6, 3, 10, 7, 0, 4, 13, 1, 11, 12, 5, 9, 14, 15, 8}

var iv = [8]uint32{0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19}

// regs is a pool of free ZMM registers.
type regs []int

func (r *regs) take() int  { x := (*r)[0]; *r = (*r)[1:]; return x }
func (r *regs) give(x int) { *r = append(*r, x) }

// loadRows loads the current 64-byte block of each of the 16 lanes into
// row registers. Lane l's input starts at base register R8+l/4 plus
// (l%4) strides: BX is the stride and DX three strides.
func loadRows(rows []int) {
	index := []string{"", "(BX*1)", "(BX*2)", "(DX*1)"}
	for l := 0; l < 16; l++ {
		emit("VMOVDQU32 (R%d)%s, %s", 8+l/4, index[l%4], z(rows[l]))
	}
}

// transpose16 turns rows[l] (16 words of lane l) into word registers: it
// returns w such that register w[i] holds word i of all 16 lanes. free
// must hold 8 registers; it holds 8 (others, maybe) on return.
func transpose16(rows []int, free *regs) []int {
	r := append([]int(nil), rows...)
	// Pairs of rows, then pairs of pairs: within each 128-bit lane this is
	// a 4×4 transpose of 32-bit words.
	unpack := func(lo, hi string, a, b int) (int, int) {
		t := free.take()
		emit("%s %s, %s, %s", lo, z(r[b]), z(r[a]), z(t))
		emit("%s %s, %s, %s", hi, z(r[b]), z(r[a]), z(r[b]))
		free.give(r[a])
		return t, r[b]
	}
	// After the dword unpacks, a[i] holds (per 128-bit lane L, rows i, i+1)
	// words 4L and 4L+1 interleaved; b[i] words 4L+2 and 4L+3.
	var a, b [16]int
	for i := 0; i < 16; i += 2 {
		a[i], b[i] = unpack("VPUNPCKLDQ", "VPUNPCKHDQ", i, i+1)
	}
	// v[g][e]: per 128-bit lane L, word 4L+e of rows 4g..4g+3.
	var v [4][4]int
	for g := 0; g < 4; g++ {
		i := 4 * g
		r[i], r[i+2] = a[i], a[i+2]
		v[g][0], v[g][1] = unpack("VPUNPCKLQDQ", "VPUNPCKHQDQ", i, i+2)
		r[i], r[i+2] = b[i], b[i+2]
		v[g][2], v[g][3] = unpack("VPUNPCKLQDQ", "VPUNPCKHQDQ", i, i+2)
	}
	// A 4×4 transpose of 128-bit lanes among v[0][e]..v[3][e], in two
	// rounds of VSHUFI32X4: 0x88 takes lanes 0,2 of each source, 0xdd lanes
	// 1,3.
	shuf := func(imm, x, y int) int {
		t := free.take()
		emit("VSHUFI32X4 $0x%02x, %s, %s, %s", imm, z(y), z(x), z(t))
		return t
	}
	w := make([]int, 16)
	for e := 0; e < 4; e++ {
		p := shuf(0x88, v[0][e], v[1][e]) // v0.L0 v0.L2 v1.L0 v1.L2
		q := shuf(0xdd, v[0][e], v[1][e]) // v0.L1 v0.L3 v1.L1 v1.L3
		free.give(v[0][e])
		free.give(v[1][e])
		p2 := shuf(0x88, v[2][e], v[3][e])
		q2 := shuf(0xdd, v[2][e], v[3][e])
		free.give(v[2][e])
		free.give(v[3][e])
		w[e] = shuf(0x88, p, p2)   // L0 of v0..v3
		w[8+e] = shuf(0xdd, p, p2) // L2
		free.give(p)
		free.give(p2)
		w[4+e] = shuf(0x88, q, q2)  // L1
		w[12+e] = shuf(0xdd, q, q2) // L3
		free.give(q)
		free.give(q2)
	}
	return w
}

// round emits one round of the compression function on state registers
// s[0..15] with message word registers m (already permuted for the round).
func round(s [16]int, m []int) {
	half := func(cols [4][4]int, msg [4][2]int) {
		type op struct {
			kind string // add, addm, xor, ror
			dst  int    // index into a,b,c,d
			src  int
			arg  int // rotation, or message index x=0/y=1
		}
		const a, b, c, d = 0, 1, 2, 3
		ops := []op{
			{"addm", a, 0, 0}, {"add", a, b, 0}, {"xor", d, a, 0}, {"ror", d, 0, 16},
			{"add", c, d, 0}, {"xor", b, c, 0}, {"ror", b, 0, 12},
			{"addm", a, 0, 1}, {"add", a, b, 0}, {"xor", d, a, 0}, {"ror", d, 0, 8},
			{"add", c, d, 0}, {"xor", b, c, 0}, {"ror", b, 0, 7},
		}
		for _, o := range ops {
			for g := 0; g < 4; g++ {
				reg := func(k int) string { return z(s[cols[g][k]]) }
				switch o.kind {
				case "addm":
					emit("VPADDD %s, %s, %s", z(m[msg[g][o.arg]]), reg(o.dst), reg(o.dst))
				case "add":
					emit("VPADDD %s, %s, %s", reg(o.src), reg(o.dst), reg(o.dst))
				case "xor":
					emit("VPXORD %s, %s, %s", reg(o.src), reg(o.dst), reg(o.dst))
				case "ror":
					emit("VPRORD $%d, %s, %s", o.arg, reg(o.dst), reg(o.dst))
				}
			}
		}
	}
	half([4][4]int{{0, 4, 8, 12}, {1, 5, 9, 13}, {2, 6, 10, 14}, {3, 7, 11, 15}},
		[4][2]int{{0, 1}, {2, 3}, {4, 5}, {6, 7}})
	half([4][4]int{{0, 5, 10, 15}, {1, 6, 11, 12}, {2, 7, 8, 13}, {3, 4, 9, 14}},
		[4][2]int{{8, 9}, {10, 11}, {12, 13}, {14, 15}})
}

// storeCVs transposes the chaining values in Z0..Z7 (register i holds word
// i of all lanes) into lane order and stores them at (DI): lane l's 8
// words at 32*l.
func storeCVs(free *regs) {
	var x [2][4]int // x[h][e]: per 128-bit lane L, words 4h..4h+3 of lane 4L+e
	for h := 0; h < 2; h++ {
		var lo, hi [2]int
		for p := 0; p < 2; p++ {
			i := 4*h + 2*p
			lo[p], hi[p] = free.take(), free.take()
			emit("VPUNPCKLDQ %s, %s, %s", z(i+1), z(i), z(lo[p]))
			emit("VPUNPCKHDQ %s, %s, %s", z(i+1), z(i), z(hi[p]))
		}
		for k, src := range [][2]int{{lo[0], lo[1]}, {hi[0], hi[1]}} {
			x[h][2*k], x[h][2*k+1] = free.take(), free.take()
			emit("VPUNPCKLQDQ %s, %s, %s", z(src[1]), z(src[0]), z(x[h][2*k]))
			emit("VPUNPCKHQDQ %s, %s, %s", z(src[1]), z(src[0]), z(x[h][2*k+1]))
		}
		for p := 0; p < 2; p++ {
			free.give(lo[p])
			free.give(hi[p])
		}
	}
	shuf := func(imm, a, b int) int {
		t := free.take()
		emit("VSHUFI32X4 $0x%02x, %s, %s, %s", imm, z(b), z(a), z(t))
		return t
	}
	for e := 0; e < 4; e += 2 {
		// Output register k holds lanes 2k and 2k+1: for lanes 4L+e and
		// 4L+e+1, [x0e.L, x1e.L, x0e'.L, x1e'.L].
		m := shuf(0x44, x[0][e], x[1][e]) // x0e.L0 x0e.L1 x1e.L0 x1e.L1
		n := shuf(0xee, x[0][e], x[1][e]) // x0e.L2 x0e.L3 x1e.L2 x1e.L3
		m2 := shuf(0x44, x[0][e+1], x[1][e+1])
		n2 := shuf(0xee, x[0][e+1], x[1][e+1])
		for L, src := range [][2]int{{m, m2}, {m, m2}, {n, n2}, {n, n2}} {
			imm := 0x88
			if L%2 == 1 {
				imm = 0xdd
			}
			t := shuf(imm, src[0], src[1])
			k := 2*L + e/2
			emit("VMOVDQU32 %s, %d(DI)", z(t), 64*k)
			free.give(t)
		}
	}
}

func main() {
	out.WriteString("// Code generated by gen.go; DO NOT EDIT.\n\n//go:build amd64 && !purego\n\n#include \"textflag.h\"\n\n")
	out.WriteString("// func hashMany16(out *[16][8]uint32, in *byte, stride uintptr, blocks int, ctrLo, ctrHi, laneStep uint32, flags, first, last uint32)\n")
	out.WriteString("// Requires: AVX512F\n")
	// Frame: 0(SP) counter low words, 64(SP) high words, 128(SP) this
	// block's flags.
	out.WriteString("TEXT ·hashMany16(SB), NOSPLIT, $192-56\n")
	emit("MOVQ out+0(FP), DI")
	emit("MOVQ in+8(FP), R8")
	emit("MOVQ stride+16(FP), BX")
	emit("MOVQ blocks+24(FP), CX")
	emit("LEAQ (BX)(BX*2), DX")
	emit("LEAQ (R8)(BX*4), R9")
	emit("LEAQ (R9)(BX*4), R10")
	emit("LEAQ (R10)(BX*4), R11")
	// Lane l's counter is counter + l*laneStep, carried into the high word.
	emit("MOVL ctrLo+32(FP), AX")
	emit("VPBROADCASTD AX, Z0")
	emit("MOVL ctrHi+36(FP), AX")
	emit("VPBROADCASTD AX, Z1")
	emit("MOVL laneStep+40(FP), AX")
	emit("VPBROADCASTD AX, Z2")
	emit("VPMULLD lanes<>(SB), Z2, Z2")
	emit("VPADDD Z2, Z0, Z0")
	emit("VPCMPUD $1, Z2, Z0, K1") // low word wrapped
	emit("VPADDD.BCST one<>(SB), Z1, K1, Z1")
	emit("VMOVDQU32 Z0, (SP)")
	emit("VMOVDQU32 Z1, 64(SP)")
	emit("MOVL flags+44(FP), R12")
	emit("ORL first+48(FP), R12")
	for i := 0; i < 8; i++ {
		emit("VPBROADCASTD iv<>+%d(SB), %s", 4*i, z(i))
	}
	out.WriteString("loop:\n")
	emit("MOVL R12, AX")
	emit("CMPQ CX, $1")
	emit("JNE notlast")
	emit("ORL last+52(FP), AX")
	out.WriteString("notlast:\n")
	emit("MOVL AX, 128(SP)")
	rows := make([]int, 16)
	for i := range rows {
		rows[i] = 16 + i
	}
	free := regs{8, 9, 10, 11, 12, 13, 14, 15}
	loadRows(rows)
	m := transpose16(rows, &free)
	var s [16]int
	for i := 0; i < 8; i++ {
		s[i] = i
		s[8+i] = free.take()
	}
	for i := 0; i < 4; i++ {
		emit("VPBROADCASTD iv<>+%d(SB), %s", 4*i, z(s[8+i]))
	}
	emit("VMOVDQU32 (SP), %s", z(s[12]))
	emit("VMOVDQU32 64(SP), %s", z(s[13]))
	emit("VPBROADCASTD blockLen<>(SB), %s", z(s[14]))
	emit("VPBROADCASTD 128(SP), %s", z(s[15]))
	perm := make([]int, 16)
	copy(perm, m)
	for r := 0; r < 7; r++ {
		round(s, perm)
		next := make([]int, 16)
		for i := range next {
			next[i] = perm[msgPerm[i]]
		}
		perm = next
	}
	for i := 0; i < 8; i++ {
		emit("VPXORD %s, %s, %s", z(s[8+i]), z(s[i]), z(s[i]))
	}
	for i := 8; i <= 11; i++ {
		emit("ADDQ $64, R%d", i)
	}
	emit("MOVL flags+44(FP), R12")
	emit("DECQ CX")
	emit("JNE loop")
	free = regs{}
	for i := 8; i < 32; i++ {
		free.give(i)
	}
	storeCVs(&free)
	emit("VZEROUPPER")
	emit("RET")
	out.WriteString("\n")
	for i, v := range iv {
		fmt.Fprintf(&out, "DATA iv<>+%d(SB)/4, $0x%08x\n", 4*i, v)
	}
	out.WriteString("GLOBL iv<>(SB), RODATA|NOPTR, $32\n\n")
	for i := 0; i < 16; i++ {
		fmt.Fprintf(&out, "DATA lanes<>+%d(SB)/4, $%d\n", 4*i, i)
	}
	out.WriteString("GLOBL lanes<>(SB), RODATA|NOPTR, $64\n\n")
	out.WriteString("DATA one<>+0(SB)/4, $1\nGLOBL one<>(SB), RODATA|NOPTR, $4\n\n")
	out.WriteString("DATA blockLen<>+0(SB)/4, $64\nGLOBL blockLen<>(SB), RODATA|NOPTR, $4\n")
	os.Stdout.WriteString(out.String())
}
