package attest

import (
	"context"
	"errors"
	"runtime"
	"sync"
)

// VerifyMany verifies many bundles, such as every manifest of a lineage,
// with one policy, on all cores. Each signature is checked on its own, as
// Verify checks it: a verdict never depends on which other bundles are
// verified with it (batch ed25519 verification would make it so, since it
// accepts signatures that single verification rejects). opts.Dir and
// opts.ManifestCID, which describe a single artifact, must be unset.
// reports[i] is bundle i's report; err is non-nil when any report has
// problems.
func VerifyMany(ctx context.Context, bundles []Bundle, opts VerifyOptions) (reports []*Report, err error) {
	if opts.Dir != "" || opts.ManifestCID.Defined() {
		return nil, errors.New("attest: VerifyMany checks many manifests; VerifyOptions.Dir and ManifestCID describe one")
	}
	pol, err := opts.compile()
	if err != nil {
		return nil, err
	}
	reports = make([]*Report, len(bundles))
	const chunk = 64 // bundles per task: few enough to keep every core busy
	forEach((len(bundles)+chunk-1)/chunk, func(c int) {
		for i := c * chunk; i < min((c+1)*chunk, len(bundles)); i++ {
			if ctx.Err() != nil {
				return // reports are dropped below
			}
			reports[i] = verifyBundle(ctx, bundles[i], opts, pol)
		}
	})
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var failed []error
	for _, r := range reports {
		if err := r.Err(); err != nil {
			failed = append(failed, err)
		}
	}
	return reports, errors.Join(failed...)
}

// forEach calls f(i) for each i in [0, n), on GOMAXPROCS goroutines, and
// returns when all calls have.
func forEach(n int, f func(i int)) {
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Go(func() {
			for i := range next {
				f(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}
