package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/tailorhq/tailor/guardrails/eval"
)

const evalUsage = `Usage: tailor eval --set DIR [--split dev,test] [--misses]

Runs the guardrails on a labelled evaluation set (briefs/, profiles/ and one
JSONL file of cases per split) and prints, for each split, the precision and
recall of each category, the share of unsafe copy stopped and the share of
safe copy flagged.

Exit status: 0 every split meets the targets (≥ 97% of unsafe copy stopped,
≤ 5% of safe copy flagged), 1 a split misses them, 2 bad input.

Flags:
`

// runEval is "tailor eval".
func runEval(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, evalUsage); fs.PrintDefaults() }
	var dir, splits string
	var misses bool
	fs.StringVar(&dir, "set", "guardrails/testdata/eval", "the evaluation set's directory")
	fs.StringVar(&splits, "split", "", "comma-separated splits to run (default: all, in name order)")
	fs.BoolVar(&misses, "misses", false, "list the cases the guardrails got wrong, with their findings")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "tailor eval: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	set, err := eval.Load(os.DirFS(dir))
	if err != nil {
		fmt.Fprintf(stderr, "tailor eval: %s: %v\n", dir, err)
		return 2
	}
	names := make([]string, 0, len(set.Splits))
	for name := range set.Splits {
		names = append(names, name)
	}
	slices.Sort(names)
	if splits != "" {
		names = strings.Split(splits, ",")
	}
	status := 0
	for i, name := range names {
		if err := ctx.Err(); err != nil {
			fmt.Fprintf(stderr, "tailor eval: %v\n", err)
			return 1
		}
		res, err := set.Run(strings.TrimSpace(name))
		if err != nil {
			fmt.Fprintf(stderr, "tailor eval: %v\n", err)
			return 2
		}
		if i > 0 {
			fmt.Fprintln(stdout)
		}
		res.Write(stdout)
		if misses {
			res.WriteMisses(stdout)
		}
		if !res.Meets() {
			status = 1
		}
	}
	return status
}
