package eip55

import (
	"errors"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
)

// TestAgainstGoEthereum compares String with go-ethereum's
// common.Address.Hex, an independent implementation, on random addresses,
// and Parse with common.IsHexAddress plus the checksum rule.
func TestAgainstGoEthereum(t *testing.T) {
	r := rand.New(rand.NewPCG(55, 55))
	for range 2000 {
		var a [20]byte
		for i := range a {
			a[i] = byte(r.Uint32())
		}
		want := common.Address(a).Hex()
		if got := String(a); got != want {
			t.Fatalf("String(%x) = %s, go-ethereum %s", a, got, want)
		}
		for _, s := range []string{want, strings.ToLower(want), "0x" + strings.ToUpper(want[2:])} {
			got, err := Parse(s, nil)
			if err != nil || got != a {
				t.Fatalf("Parse(%s) = %x, %v; want %x", s, got, err, a)
			}
		}
		// Flipping the case of one letter breaks the checksum (unless
		// that leaves the address all one case).
		b := []byte(want)
		for i := 2; i < len(b); i++ {
			if c := b[i]; c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' {
				b[i] ^= 0x20
				break
			}
		}
		if s := string(b); s != want && s[2:] != strings.ToLower(s[2:]) && s[2:] != strings.ToUpper(s[2:]) {
			if _, err := Parse(s, nil); !errors.Is(err, ErrChecksum) {
				t.Fatalf("Parse(%s) = %v; want ErrChecksum", s, err)
			}
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, s := range []string{"", "0x", "0x123", "1x" + strings.Repeat("0", 40), "0x" + strings.Repeat("g", 40), "0x" + strings.Repeat("0", 41)} {
		if _, err := Parse(s, nil); err == nil {
			t.Errorf("Parse(%q): no error", s)
		}
	}
}
