package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
)

// runStale lists the customers whose copy follows an older brief version, as
// JSON Lines, for a nightly scheduler to re-enqueue (tailor enqueue -low).
func runStale(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) error {
	var c config
	fs := flag.NewFlagSet("stale", flag.ContinueOnError)
	c.register(fs)
	brand := fs.String("brand", "", "the brand (required)")
	campaign := fs.String("campaign", "", "one campaign; empty: all of the brand's")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: tailor stale --brand B [--campaign C]: customers due for regeneration, one JSON object a line")
		fs.PrintDefaults()
	}
	if err := parse(fs, args, stderr); err != nil {
		return err
	}
	if *brand == "" || fs.NArg() != 0 {
		fs.Usage()
		return errUsage
	}
	st, err := openStore(ctx, &c)
	if err != nil {
		return err
	}
	defer st.Close()
	stale, err := st.StaleCustomers(ctx, *brand, *campaign)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(stdout)
	for _, s := range stale {
		if err := enc.Encode(s); err != nil {
			return err
		}
	}
	fmt.Fprintf(stderr, "stale: %d customer(s) due for regeneration\n", len(stale))
	return nil
}
