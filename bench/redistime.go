package bench

import (
	"context"
	"strings"
	"sync"
	"time"

	"github.com/hibiken/asynq"
	"github.com/redis/go-redis/v9"
)

// timedRedis gives the worker's asynq server a Redis client that times the
// two round trips every task makes between one job and the next: taking
// it from the queue (the dequeue script, run by one goroutine for the
// whole server) and acknowledging it (done, or complete when the task is
// retained). Their wall time, scheduling included, is what a worker slot
// waits between jobs, which the latency goal counts against Tailor.
type timedRedis struct {
	opt asynq.RedisClientOpt

	mu             sync.Mutex
	dequeues, acks []time.Duration
}

// MakeRedisClient builds the client asynq would (same options, same pool)
// with the timing hook added.
func (t *timedRedis) MakeRedisClient() any {
	c := t.opt.MakeRedisClient().(*redis.Client)
	c.AddHook(t)
	return c
}

func (t *timedRedis) DialHook(next redis.DialHook) redis.DialHook { return next }

func (t *timedRedis) ProcessPipelineHook(next redis.ProcessPipelineHook) redis.ProcessPipelineHook {
	return next
}

func (t *timedRedis) ProcessHook(next redis.ProcessHook) redis.ProcessHook {
	return func(ctx context.Context, cmd redis.Cmder) error {
		start := time.Now()
		err := next(ctx, cmd)
		d := time.Since(start)
		switch scriptKind(cmd) {
		case "dequeue":
			t.mu.Lock()
			t.dequeues = append(t.dequeues, d)
			t.mu.Unlock()
		case "ack":
			t.mu.Lock()
			t.acks = append(t.acks, d)
			t.mu.Unlock()
		}
		return err
	}
}

// scriptKind tells asynq's scripts apart by their first key (EVALSHA sha
// numkeys key…): the dequeue script starts at the queue's pending list,
// done and complete at its active list.
func scriptKind(cmd redis.Cmder) string {
	if name := cmd.Name(); name != "evalsha" && name != "eval" {
		return ""
	}
	args := cmd.Args()
	if len(args) < 4 {
		return ""
	}
	key, _ := args[3].(string)
	switch {
	case strings.HasSuffix(key, ":pending"):
		return "dequeue"
	case strings.HasSuffix(key, ":active"):
		return "ack"
	}
	return ""
}

// stats returns the two round trips' distributions and how many dequeues
// there were.
func (t *timedRedis) stats() (dequeue, ack Percentiles, dequeues int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	return percentiles(t.dequeues), percentiles(t.acks), len(t.dequeues)
}
