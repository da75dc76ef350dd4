package provenance

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/ipfs/go-cid"
)

// randomManifests returns n encodable manifests drawn from a fixed seed:
// random Unicode (control characters, astral planes), integers at every
// CBOR head size and sign, and nested extensions of every IPLD kind except
// floats.
func randomManifests(n int) []*Manifest {
	r := rand.New(rand.NewPCG(1, 2))
	out := make([]*Manifest, n)
	for i := range out {
		m := minimalManifest()
		m.Subject.Name = randString(r, 40)
		m.Subject.Kind = Kind(randString(r, 8))
		m.Subject.Size = randInt(r) & math.MaxInt64
		m.License = randString(r, 20)
		// Any instant RFC 3339 can write, to the nanosecond.
		m.Created = time.Unix(r.Int64N(253402300800), r.Int64N(1e9)).UTC()
		for j := range r.IntN(20) {
			p := Parent{CID: testCID(fmt.Sprint(i, "parent", j), []uint64{cid.DagCBOR, cid.Raw, cid.DagProtobuf}[r.IntN(3)]),
				Relation: Relation(randString(r, 12)), Share: r.Uint64N(ShareWhole + 1)}
			if r.IntN(2) == 0 {
				p.Name = randString(r, 30) + "x"
			}
			m.Parents = append(m.Parents, p)
		}
		for range r.IntN(5) {
			m.Contributors = append(m.Contributors, Contributor{ID: randString(r, 50), Role: randString(r, 10), Share: r.Uint64N(ShareWhole + 1)})
		}
		if r.IntN(2) == 0 {
			m.Royalty.Policy = RoyaltyPolicy(randString(r, 10) + "p")
		}
		if r.IntN(2) == 0 {
			m.Builder = &Builder{Commit: strings.Repeat("a", r.IntN(3))}
		}
		if r.IntN(3) > 0 {
			m.Extensions = map[string]any{}
			for range 1 + r.IntN(4) {
				m.Extensions[randString(r, 15)] = randValue(r, 0)
			}
		}
		out[i] = m
	}
	return out
}

// randString mixes ASCII, escapes, Latin, CJK, astral and separator runes.
func randString(r *rand.Rand, max int) string {
	pools := []string{"abcXYZ019 -_./:", "\"\\\n\t\r\b\f\x00\x01\x1f\x7f", "éüßØ", "日本語模型", "🚀𝔘😀", "\u2028\u2029\u00a0\ufeff\u0085"}
	var b strings.Builder
	for range r.IntN(max + 1) {
		pool := []rune(pools[r.IntN(len(pools))])
		b.WriteRune(pool[r.IntN(len(pool))])
	}
	return b.String()
}

func randInt(r *rand.Rand) int64 {
	edges := []int64{0, 1, 23, 24, 255, 256, 65535, 65536, math.MaxUint32, math.MaxUint32 + 1, math.MaxInt64}
	v := edges[r.IntN(len(edges))]
	if r.IntN(3) == 0 {
		v = r.Int64()
	}
	if r.IntN(2) == 0 {
		return -v - 1 // reaches math.MinInt64
	}
	return v
}

func randValue(r *rand.Rand, depth int) any {
	k := r.IntN(9)
	if depth > 4 {
		k %= 6
	}
	switch k {
	case 0:
		return nil
	case 1:
		return r.IntN(2) == 0
	case 2:
		return randInt(r)
	case 3:
		return randString(r, 20)
	case 4:
		b := make([]byte, r.IntN(40))
		for i := range b {
			b[i] = byte(r.IntN(256))
		}
		return b
	case 5:
		return testCID(randString(r, 5), cid.DagCBOR)
	case 6, 7:
		l := make([]any, r.IntN(5))
		for i := range l {
			l[i] = randValue(r, depth+1)
		}
		return l
	default:
		m := map[string]any{}
		for range r.IntN(5) {
			if key := randString(r, 8); key != "/" {
				m[key] = randValue(r, depth+1)
			}
		}
		return m
	}
}
