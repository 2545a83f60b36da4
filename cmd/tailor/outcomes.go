package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"

	tailor "github.com/tailorhq/tailor"
	"github.com/tailorhq/tailor/store"
)

// runOutcomes feeds clicks and conversions back, so retrieval favours what
// worked: tailor outcomes add --brand B FILE.jsonl.
func runOutcomes(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	var c config
	fs := flag.NewFlagSet("outcomes", flag.ContinueOnError)
	c.register(fs)
	brand := fs.String("brand", "", "the brand the variants belong to (required)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, `Usage: tailor outcomes add --brand B FILE.jsonl (lines of {"variant_id", "impressions", "clicks", "conversions"}; - for stdin)`)
		fs.PrintDefaults()
	}
	if len(args) == 0 || args[0] != "add" {
		fs.Usage()
		return errUsage
	}
	if err := parse(fs, args[1:], stderr); err != nil {
		return err
	}
	if fs.NArg() != 1 || *brand == "" {
		fs.Usage()
		return errUsage
	}
	st, err := openStore(ctx, &c)
	if err != nil {
		return err
	}
	defer st.Close()
	var added, skipped int
	err = eachRecord(fs.Arg(0), stdin, func(n int, data []byte) error {
		var o store.Outcome
		if err := json.Unmarshal(data, &o); err != nil {
			return fmt.Errorf("%s:%d: %w", fs.Arg(0), n, err)
		}
		err := st.AddOutcome(ctx, *brand, o)
		switch {
		case errors.Is(err, tailor.ErrNotFound) || errors.Is(err, tailor.ErrInvalid):
			skipped++
			fmt.Fprintf(stderr, "%s:%d: %v\n", fs.Arg(0), n, err)
			return nil
		case err != nil:
			return err
		}
		added++
		return nil
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "outcomes: %d added, %d skipped\n", added, skipped)
	return nil
}
