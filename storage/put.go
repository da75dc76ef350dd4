package storage

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sync"

	"github.com/aiprov/aiprov/provenance"
	"github.com/ipfs/go-cid"
)

// What Put means for a DAG: the importer hands blocks over children before
// parents (a parent's CID needs its children's), and the store writes each
// block atomically. putDAG additionally holds back the last block handed
// over — the root — until every other block is durably stored, so the root
// becomes visible last. A put that fails or is killed part way leaves only
// unreferenced blocks, never a root whose DAG is incomplete; putting the
// same content again reuses them.

// verifiedPutter is implemented by stores that can skip re-hashing a
// block whose CID was just computed from it (by the importer, or by
// CARReader.Next). data is handed over: the store may keep it.
type verifiedPutter interface {
	putVerified(c cid.Cid, data []byte) error
}

// blockBatch is implemented by stores that can write many blocks and make
// them durable together (see dirBatch); put and sync may be called from
// several goroutines.
type blockBatch interface {
	put(c cid.Cid, data []byte) error
	sync(ctx context.Context) error
}

type batcher interface {
	newBatch() blockBatch
}

// putWorkers is how many blocks are written at once, while the importer
// goes on hashing; for stores without batches, each write waits on fsync
// or a round trip, which overlap well.
const putWorkers = 4

type heldBlock struct {
	c    cid.Cid
	data []byte
}

// stagingSink is a provenance.BlockSink that writes blocks to a Store
// through a small pool of writers, holding back the most recent block.
type stagingSink struct {
	s      Store
	ctx    context.Context
	cancel context.CancelCauseFunc

	mu   sync.Mutex
	held *heldBlock

	batch blockBatch // nil: each block is written durably on its own

	jobs chan heldBlock
	wg   sync.WaitGroup
}

func newStagingSink(ctx context.Context, s Store) *stagingSink {
	ctx, cancel := context.WithCancelCause(ctx)
	k := &stagingSink{s: s, ctx: ctx, cancel: cancel, jobs: make(chan heldBlock, putWorkers)}
	if b, ok := s.(batcher); ok {
		k.batch = b.newBatch()
	}
	for range putWorkers {
		k.wg.Add(1)
		go func() {
			defer k.wg.Done()
			for b := range k.jobs {
				if k.ctx.Err() != nil {
					continue
				}
				var err error
				if k.batch != nil {
					if err = checkSize(b.c, len(b.data)); err == nil {
						err = k.batch.put(b.c, b.data)
					}
				} else {
					err = putOne(k.ctx, k.s, b.c, b.data)
				}
				if err != nil {
					k.cancel(err)
				}
			}
		}()
	}
	return k
}

func putOne(ctx context.Context, s Store, c cid.Cid, data []byte) error {
	if vp, ok := s.(verifiedPutter); ok {
		if err := checkSize(c, len(data)); err != nil {
			return err
		}
		return vp.putVerified(c, data)
	}
	return s.PutBlock(ctx, c, data)
}

// PutBlock implements provenance.BlockSink, which hands data over to keep.
func (k *stagingSink) PutBlock(ctx context.Context, c cid.Cid, data []byte) error {
	if err := context.Cause(k.ctx); err != nil {
		return err
	}
	b := heldBlock{c: c, data: data}
	k.mu.Lock()
	prev := k.held
	k.held = &b
	k.mu.Unlock()
	if prev == nil {
		return nil
	}
	select {
	case k.jobs <- *prev:
		return nil
	case <-k.ctx.Done():
		return context.Cause(k.ctx)
	}
}

// commit waits for the other blocks, then writes the root last.
func (k *stagingSink) commit(root cid.Cid) error {
	close(k.jobs)
	k.wg.Wait()
	defer k.cancel(nil)
	if err := context.Cause(k.ctx); err != nil {
		return err
	}
	if k.batch != nil {
		if err := k.batch.sync(k.ctx); err != nil {
			return err
		}
	}
	k.mu.Lock()
	held := k.held
	k.mu.Unlock()
	if held != nil {
		if err := putOne(k.ctx, k.s, held.c, held.data); err != nil {
			return err
		}
		if held.c.Equals(root) {
			return nil
		}
	}
	// The importer returned a root it did not hand over last (a root
	// already stored, say): it must be in the store now.
	ok, err := k.s.Has(k.ctx, root)
	if err != nil {
		return err
	}
	if !ok {
		return fmt.Errorf("importer did not hand over root block %s", root)
	}
	return nil
}

// abort stops the writers after a failed import.
func (k *stagingSink) abort(err error) {
	k.cancel(err)
	close(k.jobs)
	k.wg.Wait()
}

// putDAG runs an importer against s with root-last staging.
func putDAG(ctx context.Context, s Store, importer func(ctx context.Context, sink *stagingSink) (cid.Cid, error)) (cid.Cid, error) {
	sink := newStagingSink(ctx, s)
	root, err := importer(sink.ctx, sink)
	if err != nil {
		// Prefer the store's error (disk full) over the importer's
		// report of the cancellation it caused.
		if cause := context.Cause(sink.ctx); cause != nil && !errors.Is(cause, context.Canceled) {
			err = cause
		}
		sink.abort(err)
		return cid.Undef, err
	}
	if err := sink.commit(root); err != nil {
		return cid.Undef, err
	}
	if err := pin(ctx, s, root); err != nil {
		return cid.Undef, err
	}
	return root, nil
}

// PutOptions control Put and PutPath. The zero value imports with
// provenance.DefaultParams (unixfs-v1-2025).
type PutOptions struct {
	// Params determine the CID, as for provenance.Hash.
	Params provenance.Params
	// SHA256 also computes each file's plain SHA-256.
	SHA256 bool
	// Progress, if set, is called as content bytes are imported.
	Progress func(done, total int64)
}

func (o *PutOptions) importOptions(sink provenance.BlockSink) *provenance.Options {
	var po provenance.Options
	if o != nil {
		po = provenance.Options{Params: o.Params, SHA256: o.SHA256, Progress: o.Progress}
	}
	po.Blocks = sink
	return &po
}

// Put imports everything r yields as one UnixFS file into s and returns its
// CID, which equals `ipfs add` with the same parameters (and
// provenance.HashReader). The file's blocks are stored children first and
// the root last, once all others are durable: if Put fails or the process
// dies, the root is not in the store and the partial DAG is only
// unreferenced blocks, which a later Put of the same content reuses.
func Put(ctx context.Context, s Store, r io.Reader, opts *PutOptions) (*provenance.FileResult, error) {
	var res *provenance.FileResult
	_, err := putDAG(ctx, s, func(ctx context.Context, sink *stagingSink) (cid.Cid, error) {
		var err error
		res, err = provenance.HashReader(ctx, r, opts.importOptions(sink))
		if err != nil {
			return cid.Undef, err
		}
		return res.CID, nil
	})
	if err != nil {
		return nil, err
	}
	return res, nil
}

// PutPath imports the file or directory tree at path into s, as Put does
// for a stream, and returns what provenance.Hash returns: the root CID
// (equal to `ipfs add -r` with the same parameters) and every file's CID.
// The root becomes visible last.
func PutPath(ctx context.Context, s Store, path string, opts *PutOptions) (*provenance.Result, error) {
	var res *provenance.Result
	_, err := putDAG(ctx, s, func(ctx context.Context, sink *stagingSink) (cid.Cid, error) {
		var err error
		res, err = provenance.Hash(ctx, path, opts.importOptions(sink))
		if err != nil {
			return cid.Undef, err
		}
		return res.CID, nil
	})
	if err != nil {
		return nil, err
	}
	return res, nil
}
