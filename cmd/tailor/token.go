package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"text/tabwriter"
	"time"

	"github.com/tailorhq/tailor/store"
)

const tokenUsage = `Usage:
  tailor token create --brand B --role enqueuer|reviewer|admin   print a new token's secret (shown once)
  tailor token list --brand B                                    list a brand's tokens
  tailor token revoke ID                                         revoke a token`

// cliActor names the command line in the audit log.
const cliActor = "cli"

func runToken(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprintln(stderr, tokenUsage)
		return errUsage
	}
	var c config
	fs := flag.NewFlagSet("token "+args[0], flag.ContinueOnError)
	c.register(fs)
	fs.Usage = func() {
		fmt.Fprintln(stderr, tokenUsage)
		fs.PrintDefaults()
	}
	brand := fs.String("brand", "", "the brand the token acts for")
	role := fs.String("role", "", "enqueuer (campaign systems), reviewer or admin")
	if err := parse(fs, args[1:], stderr); err != nil {
		return err
	}
	switch {
	case args[0] == "create" && *brand != "" && *role != "" && fs.NArg() == 0:
	case args[0] == "list" && *brand != "" && fs.NArg() == 0:
	case args[0] == "revoke" && fs.NArg() == 1:
	default:
		fs.Usage()
		return errUsage
	}
	st, err := openStore(ctx, &c)
	if err != nil {
		return err
	}
	defer st.Close()
	switch args[0] {
	case "create":
		tok, secret, err := st.CreateToken(ctx, *brand, store.Role(*role), cliActor)
		if err != nil {
			return err
		}
		// The secret alone on stdout, so TOKEN=$(tailor token create …) works.
		fmt.Fprintf(stderr, "token %s created for brand %s, role %s; its secret is shown once:\n", tok.ID, tok.BrandID, tok.Role)
		fmt.Fprintln(stdout, secret)
	case "list":
		toks, err := st.Tokens(ctx, *brand)
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tROLE\tCREATED\tREVOKED")
		for _, t := range toks {
			revoked := "-"
			if t.RevokedAt != nil {
				revoked = t.RevokedAt.UTC().Format(time.RFC3339)
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", t.ID, t.Role, t.CreatedAt.UTC().Format(time.RFC3339), revoked)
		}
		return tw.Flush()
	case "revoke":
		tok, err := st.RevokeToken(ctx, "", fs.Arg(0), cliActor)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "token %s (brand %s, role %s) revoked\n", tok.ID, tok.BrandID, tok.Role)
	}
	return nil
}
