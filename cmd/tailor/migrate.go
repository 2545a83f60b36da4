package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/tailorhq/tailor/store"
)

func runMigrate(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) error {
	var c config
	fs := flag.NewFlagSet("migrate", flag.ContinueOnError)
	c.register(fs)
	if err := parse(fs, args, stderr); err != nil {
		return err
	}
	applied, err := store.Migrate(ctx, c.store())
	if err != nil {
		return err
	}
	if len(applied) == 0 {
		fmt.Fprintln(stdout, "migrate: schema is up to date")
		return nil
	}
	fmt.Fprintf(stdout, "migrate: applied %v\n", applied)
	return nil
}
