package guardrails

import (
	"sync"
	"sync/atomic"
)

// memo caches a pure function of a short string. A worker checks many
// variants for the same brief and profile, so the same fact values and
// phrases come back on every call; their words and shapes are worked out
// once. Callers must treat the values as read-only: they are shared.
type memo[V any] struct {
	f func(string) V
	m sync.Map // string → V
	n atomic.Int64
}

const (
	maxMemoEntries = 4096 // then start again: a flood of one-off values
	maxMemoKey     = 256  // longer strings (a system prompt) are not kept
)

func newMemo[V any](f func(string) V) *memo[V] { return &memo[V]{f: f} }

func (c *memo[V]) get(k string) V {
	if len(k) > maxMemoKey {
		return c.f(k)
	}
	if v, ok := c.m.Load(k); ok {
		return v.(V)
	}
	v := c.f(k)
	if c.n.Add(1) > maxMemoEntries {
		c.m.Clear()
		c.n.Store(0)
	}
	c.m.Store(k, v)
	return v
}

// bigMemo caches a pure function of a long string (a system prompt) for the
// few calls that share it: a job's variants on one channel, then its
// repairs. It keeps a handful of entries, since each prompt is unique to a
// job (it carries the job's canary).
type bigMemo[V any] struct {
	f  func(string) V
	mu sync.Mutex
	m  map[string]V
}

const maxBigMemoEntries = 64

func newBigMemo[V any](f func(string) V) *bigMemo[V] {
	return &bigMemo[V]{f: f, m: map[string]V{}}
}

func (c *bigMemo[V]) get(k string) V {
	c.mu.Lock()
	v, ok := c.m[k]
	c.mu.Unlock()
	if ok {
		return v
	}
	v = c.f(k)
	c.mu.Lock()
	if len(c.m) >= maxBigMemoEntries {
		clear(c.m)
	}
	c.m[k] = v
	c.mu.Unlock()
	return v
}
