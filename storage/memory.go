package storage

import (
	"context"
	"iter"
	"slices"
	"strings"
	"sync"

	"github.com/aiprov/aiprov/internal/cidcheck"
	"github.com/ipfs/go-cid"
)

// Memory is a Store held in memory, for tests and small tools. The zero
// value is not usable; call NewMemory.
type Memory struct {
	mu     sync.RWMutex
	blocks map[cid.Cid][]byte
}

// NewMemory returns an empty memory store.
func NewMemory() *Memory {
	return &Memory{blocks: make(map[cid.Cid][]byte)}
}

// PutBlock implements Store. It copies data.
func (m *Memory) PutBlock(ctx context.Context, c cid.Cid, data []byte) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := checkSize(c, len(data)); err != nil {
		return err
	}
	if err := Verify(c, data, "put"); err != nil {
		return err
	}
	return m.putVerified(c, slices.Clone(data))
}

// putVerified keeps data, which the caller hands over.
func (m *Memory) putVerified(c cid.Cid, data []byte) error {
	k := key(c)
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.blocks[k]; !ok {
		m.blocks[k] = data
	}
	return nil
}

// GetBlock implements Store. The block is verified on every read, so that
// a caller who modified a returned slice cannot poison the store.
func (m *Memory) GetBlock(ctx context.Context, c cid.Cid) ([]byte, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := cidcheck.Check(c); err != nil {
		return nil, err
	}
	m.mu.RLock()
	b, ok := m.blocks[key(c)]
	m.mu.RUnlock()
	if !ok {
		return nil, &NotFoundError{CID: c}
	}
	b = slices.Clone(b)
	if err := Verify(c, b, "memory store"); err != nil {
		return nil, err
	}
	return b, nil
}

// Has implements Store.
func (m *Memory) Has(ctx context.Context, c cid.Cid) (bool, error) {
	if err := ctx.Err(); err != nil {
		return false, err
	}
	m.mu.RLock()
	defer m.mu.RUnlock()
	_, ok := m.blocks[key(c)]
	return ok, nil
}

// Stat implements Store.
func (m *Memory) Stat(ctx context.Context, c cid.Cid) (BlockInfo, error) {
	if err := ctx.Err(); err != nil {
		return BlockInfo{}, err
	}
	m.mu.RLock()
	defer m.mu.RUnlock()
	b, ok := m.blocks[key(c)]
	if !ok {
		return BlockInfo{}, &NotFoundError{CID: c}
	}
	return BlockInfo{CID: c, Size: int64(len(b))}, nil
}

// Delete implements Store.
func (m *Memory) Delete(ctx context.Context, c cid.Cid) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.blocks, key(c))
	return nil
}

// List implements Store. It yields CIDs in a stable (sorted) order, from a
// snapshot taken when iteration starts.
func (m *Memory) List(ctx context.Context) iter.Seq2[cid.Cid, error] {
	return func(yield func(cid.Cid, error) bool) {
		m.mu.RLock()
		keys := make([]cid.Cid, 0, len(m.blocks))
		for k := range m.blocks {
			keys = append(keys, k)
		}
		m.mu.RUnlock()
		slices.SortFunc(keys, func(a, b cid.Cid) int { return strings.Compare(a.KeyString(), b.KeyString()) })
		for _, k := range keys {
			if err := ctx.Err(); err != nil {
				yield(cid.Undef, err)
				return
			}
			if !yield(k, nil) {
				return
			}
		}
	}
}
