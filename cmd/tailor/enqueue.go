package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"time"

	tailor "github.com/tailorhq/tailor"
	"github.com/tailorhq/tailor/queue"
)

func runEnqueue(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	var c config
	fs := flag.NewFlagSet("enqueue", flag.ContinueOnError)
	c.register(fs)
	low := fs.Bool("low", false, "queue on the low-priority queue (nightly regeneration), served one time in seven")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: tailor enqueue [flags] FILE... (JSON, JSON array or JSONL of jobs; - for stdin)")
		fs.PrintDefaults()
	}
	if err := parse(fs, args, stderr); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	client := queue.NewClient(c.redis(), queue.Config{Queue: c.queue, Low: *low})
	defer client.Close()

	var counts struct{ queued, duplicate, invalid int }
	start, last := time.Now(), time.Now()
	for _, path := range fs.Args() {
		err := eachRecord(path, stdin, func(n int, data []byte) error {
			res, err := client.EnqueueJSON(ctx, data)
			switch {
			case errors.Is(err, tailor.ErrInvalid):
				counts.invalid++
				fmt.Fprintf(stderr, "%s:%d: %v\n", path, n, err)
				return nil
			case err != nil:
				return fmt.Errorf("%s:%d: %w", path, n, err)
			case res.Duplicate:
				counts.duplicate++
			default:
				counts.queued++
			}
			if time.Since(last) > time.Second {
				fmt.Fprintf(stderr, "enqueue: %d queued so far\n", counts.queued)
				last = time.Now()
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	fmt.Fprintf(stdout, "enqueue: %d queued, %d duplicates, %d invalid on queue %q in %s\n",
		counts.queued, counts.duplicate, counts.invalid, c.queue, time.Since(start).Round(time.Millisecond))
	if counts.invalid > 0 {
		return fmt.Errorf("%d invalid job(s) not queued", counts.invalid)
	}
	return nil
}
