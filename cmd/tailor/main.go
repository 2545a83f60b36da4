// Command tailor is Tailor's one binary: the worker, the enqueue client, the
// database migrations, the guardrail checker and the demo.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

const usage = `tailor writes personalised marketing copy, safely.

Usage: tailor <command> [flags]

Commands:
  worker     run the worker: take jobs from the queue, write, check and store copy
  enqueue    validate jobs from JSON/JSONL files and queue them
  brief      register a brief version (tailor brief add FILE)
  creatives  load past creatives from a JSONL file (tailor creatives add FILE)
  outcomes   add clicks and conversions of sent variants (tailor outcomes add --brand B FILE)
  stale      list customers whose copy follows an older brief version (for nightly regeneration)
  migrate    create or update the database schema
  check      run the guardrails on copy someone wrote
  eval       measure the guardrails on a labelled set
  demo       run the whole pipeline on sample data and print a summary
  api        serve the HTTP API for campaign systems and the reviewer page
  token      create, list or revoke API tokens (tailor token create --brand B --role R)

Run 'tailor <command> -h' for a command's flags. Connection settings come from
the environment (TAILOR_DATABASE_URL, TAILOR_REDIS_ADDR, …; see README.md).
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run dispatches a subcommand and returns the process's exit status.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "check":
		return runCheck(ctx, rest, stdin, stdout, stderr)
	case "eval":
		return runEval(ctx, rest, stdout, stderr)
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	commands := map[string]func(context.Context, []string, io.Reader, io.Writer, io.Writer) error{
		"worker":    runWorker,
		"enqueue":   runEnqueue,
		"brief":     runBrief,
		"creatives": runCreatives,
		"outcomes":  runOutcomes,
		"stale":     runStale,
		"migrate":   runMigrate,
		"demo":      runDemo,
		"api":       runAPI,
		"token":     runToken,
	}
	fn, ok := commands[cmd]
	if !ok {
		fmt.Fprintf(stderr, "tailor: unknown command %q\n\n%s", cmd, usage)
		return 2
	}
	if err := fn(ctx, rest, stdin, stdout, stderr); err != nil {
		if err == errUsage {
			return 2
		}
		fmt.Fprintf(stderr, "tailor %s: %v\n", cmd, err)
		return 1
	}
	return 0
}
