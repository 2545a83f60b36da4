package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	tailor "github.com/tailorhq/tailor"
	"github.com/tailorhq/tailor/guardrails"
)

const checkUsage = `Usage: tailor check --brief BRIEF.json [--profile PROFILE.json] --channel CHANNEL (--copy COPY.json | --copies COPIES.jsonl)

Runs the guardrails the worker runs on copy someone wrote and prints the
report as JSON: one report for --copy, one report per line for --copies
(a JSONL file of copies). "-" reads stdin. Without --profile the copy is
checked as brief-only copy for a customer the brand knows nothing about.

Exit status: 0 approved, 1 flagged or rejected (any copy, for --copies),
2 bad input (the reason on stderr).

Flags:
`

// runCheck is "tailor check".
func runCheck(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, checkUsage); fs.PrintDefaults() }
	var briefPath, profilePath, channel, copyPath, copiesPath, canary string
	fs.StringVar(&briefPath, "brief", "", "the brief (JSON)")
	fs.StringVar(&profilePath, "profile", "", "the customer profile (JSON); optional")
	fs.StringVar(&channel, "channel", "", "the channel: email, sms, push or web")
	fs.StringVar(&copyPath, "copy", "", `the copy's fields (JSON), "-" for stdin`)
	fs.StringVar(&copiesPath, "copies", "", `many copies, one JSON object per line, "-" for stdin`)
	fs.StringVar(&canary, "canary", "", "the canary the system prompt carried, if any")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	bad := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "tailor check: "+format+"\n", a...)
		return 2
	}
	switch {
	case fs.NArg() > 0:
		return bad("unexpected argument %q", fs.Arg(0))
	case briefPath == "":
		return bad("--brief is required")
	case channel == "":
		return bad("--channel is required")
	case !tailor.Channel(channel).Valid():
		return bad("--channel: unknown channel %q (want email, sms, push or web)", channel)
	case (copyPath == "") == (copiesPath == ""):
		return bad("give exactly one of --copy and --copies")
	case copyPath == "-" && (briefPath == "-" || profilePath == "-") || copiesPath == "-" && (briefPath == "-" || profilePath == "-"):
		return bad("only one input can come from stdin")
	}
	in := guardrails.Input{Channel: tailor.Channel(channel), Canary: canary}
	data, err := readInput(briefPath, stdin)
	if err != nil {
		return bad("%v", err)
	}
	if in.Brief, err = tailor.DecodeBrief(data); err != nil {
		return bad("%s: %v", briefPath, err)
	}
	if profilePath != "" {
		if data, err = readInput(profilePath, stdin); err != nil {
			return bad("%v", err)
		}
		if in.Profile, err = tailor.DecodeProfile(data); err != nil {
			return bad("%s: %v", profilePath, err)
		}
	}
	if copyPath != "" {
		if data, err = readInput(copyPath, stdin); err != nil {
			return bad("%v", err)
		}
		if in.Fields, err = tailor.DecodeCopy(data, in.Channel); err != nil {
			return bad("%s: %v", copyPath, err)
		}
		rep := guardrails.Check(in)
		out, _ := json.MarshalIndent(rep, "", "  ")
		fmt.Fprintf(stdout, "%s\n", out)
		return exitFor(rep.Status)
	}
	copies, err := readCopies(ctx, copiesPath, stdin, in.Channel)
	if err != nil {
		return bad("%s: %v", copiesPath, err)
	}
	status := 0
	enc := json.NewEncoder(stdout)
	for _, fields := range copies {
		in.Fields = fields
		rep := guardrails.Check(in)
		if err := enc.Encode(rep); err != nil {
			fmt.Fprintf(stderr, "tailor check: %v\n", err)
			return 1
		}
		status = max(status, exitFor(rep.Status))
	}
	return status
}

func exitFor(s tailor.Status) int {
	if s == tailor.Approved {
		return 0
	}
	return 1
}

// maxInput bounds what check reads from one file: a brief is a few
// kilobytes, a JSONL of copies a few megabytes.
const maxInput = 64 << 20

func readInput(path string, stdin io.Reader) ([]byte, error) {
	var r io.Reader = stdin
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, maxInput+1))
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	if len(data) > maxInput {
		return nil, fmt.Errorf("%s: larger than %d bytes", path, maxInput)
	}
	return data, nil
}

// readCopies decodes a JSONL file of copies. Every line is validated before
// any is checked, so bad input never yields half a result.
func readCopies(ctx context.Context, path string, stdin io.Reader, ch tailor.Channel) ([]map[string]string, error) {
	data, err := readInput(path, stdin)
	if err != nil {
		return nil, err
	}
	var (
		copies []map[string]string
		errs   []string
	)
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64<<10), maxInput)
	for n := 1; sc.Scan(); n++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		fields, err := tailor.DecodeCopy(line, ch)
		if err != nil {
			errs = append(errs, fmt.Sprintf("line %d: %v", n, err))
			continue
		}
		copies = append(copies, fields)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(errs) > 0 {
		return nil, errors.New(strings.Join(errs, "\n"))
	}
	if len(copies) == 0 {
		return nil, errors.New("no copies")
	}
	return copies, nil
}
