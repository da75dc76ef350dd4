package provenance

import (
	"fmt"
	"strconv"
	"strings"
)

// shareDecimals is how many decimals of a percentage ShareWhole resolves:
// 1% = 1_000_000, so six.
const shareDecimals = 6

// ParseShare converts a percentage such as "10%", "2.5%" or "0.000001%"
// exactly into ShareWhole units. It refuses what cannot be represented
// exactly (more than six decimals), negative values and more than 100%.
func ParseShare(s string) (uint64, error) {
	num, ok := strings.CutSuffix(s, "%")
	if !ok {
		return 0, fmt.Errorf("share %q: want a percentage such as 10%% or 2.5%%", s)
	}
	whole, frac, hasDot := strings.Cut(num, ".")
	if whole == "" || !allDigits(whole) || (hasDot && (frac == "" || !allDigits(frac))) {
		return 0, fmt.Errorf("share %q: want a percentage such as 10%% or 2.5%%", s)
	}
	frac = strings.TrimRight(frac, "0")
	if len(frac) > shareDecimals {
		return 0, fmt.Errorf("share %q: more than %d decimals cannot be represented exactly (the unit is 1/%d)", s, shareDecimals, ShareWhole)
	}
	if len(whole) > 3 {
		return 0, fmt.Errorf("share %q: more than 100%%", s)
	}
	w, _ := strconv.ParseUint(whole, 10, 64)
	f, _ := strconv.ParseUint(frac+strings.Repeat("0", shareDecimals-len(frac)), 10, 64)
	v := w*1_000_000 + f
	if v > ShareWhole {
		return 0, fmt.Errorf("share %q: more than 100%%", s)
	}
	return v, nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// FormatShare writes a share as the shortest exact percentage: 2_500_000
// is "2.5%".
func FormatShare(v uint64) string {
	s := strconv.FormatUint(v/1_000_000, 10)
	if f := v % 1_000_000; f != 0 {
		s += "." + strings.TrimRight(fmt.Sprintf("%06d", f), "0")
	}
	return s + "%"
}
