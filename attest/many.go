package attest

import (
	"context"
	"errors"
	"runtime"
	"sync"
)

// manyChunk is how many bundles one batch verification covers: enough to
// amortise the batch's fixed cost, few enough to keep both cores busy.
const manyChunk = 256

// VerifyMany verifies many bundles, such as every manifest of a lineage,
// with one policy, on all cores. Ed25519 envelope signatures whose key ID
// names a trusted key are checked in batches (see verifyEd25519Batch),
// several times faster than one at a time; a batch that fails falls back
// to checking its signatures one by one, so reports name exactly the bad
// ones. opts.Dir and opts.ManifestCID, which describe a single artifact,
// must be unset. reports[i] is bundle i's report; err is non-nil when any
// report has problems.
func VerifyMany(ctx context.Context, bundles []Bundle, opts VerifyOptions) (reports []*Report, err error) {
	if opts.Dir != "" || opts.ManifestCID.Defined() {
		return nil, errors.New("attest: VerifyMany checks many manifests; VerifyOptions.Dir and ManifestCID describe one")
	}
	pol, err := opts.compile()
	if err != nil {
		return nil, err
	}
	reports = make([]*Report, len(bundles))
	forEach((len(bundles)+manyChunk-1)/manyChunk, func(c int) {
		if ctx.Err() != nil {
			return // reports are dropped below
		}
		lo := c * manyChunk
		hi := min(lo+manyChunk, len(bundles))
		verifyChunk(ctx, bundles[lo:hi], reports[lo:hi], opts, pol)
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

func verifyChunk(ctx context.Context, bundles []Bundle, reports []*Report, opts VerifyOptions, pol *compiledPolicy) {
	type ref struct{ bundle, sig int }
	var items []ed25519Item
	var refs []ref
	// The PAE headers of all envelopes, in one buffer: batch items hash
	// header and payload without a copy of the payload.
	headers := make([]byte, 0, 64*len(bundles))
	for bi, b := range bundles {
		if b.Envelope == nil {
			continue
		}
		var header []byte
		for si, s := range b.Envelope.Signatures {
			id := pol.keyIDOwner(s.KeyID)
			if id == "" {
				continue
			}
			k := pol.keys[id].key
			if k == nil || k.alg != Ed25519 {
				continue
			}
			if header == nil {
				start := len(headers)
				headers = appendPAEHeader(headers, b.Envelope.PayloadType, len(b.Envelope.Payload))
				header = headers[start:len(headers):len(headers)]
			}
			items = append(items, ed25519Item{pub: k.ed, prefix: header, msg: b.Envelope.Payload, sig: s.Sig})
			refs = append(refs, ref{bi, si})
		}
	}
	pre := make([][]bool, len(bundles))
	if len(items) > 1 && verifyEd25519Batch(items, nil) {
		for _, r := range refs {
			if pre[r.bundle] == nil {
				pre[r.bundle] = make([]bool, len(bundles[r.bundle].Envelope.Signatures))
			}
			pre[r.bundle][r.sig] = true
		}
	}
	for i, b := range bundles {
		reports[i] = verifyBundle(ctx, b, opts, pol, pre[i])
	}
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
