package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	tailor "github.com/tailorhq/tailor"
	"github.com/tailorhq/tailor/generator"
	"github.com/tailorhq/tailor/store"
)

func runBrief(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) error {
	var c config
	fs := flag.NewFlagSet("brief", flag.ContinueOnError)
	c.register(fs)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: tailor brief add [flags] FILE.json")
		fs.PrintDefaults()
	}
	if len(args) == 0 || args[0] != "add" {
		fs.Usage()
		return errUsage
	}
	if err := parse(fs, args[1:], stderr); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errUsage
	}
	data, err := os.ReadFile(fs.Arg(0))
	if err != nil {
		return err
	}
	b, err := tailor.DecodeBrief(data)
	if err != nil {
		return fmt.Errorf("%s: %w", fs.Arg(0), err)
	}
	st, err := openStore(ctx, &c)
	if err != nil {
		return err
	}
	defer st.Close()
	created, err := st.PutBrief(ctx, b)
	if err != nil {
		return err
	}
	if created {
		fmt.Fprintf(stdout, "brief %s registered\n", b.Ref())
	} else {
		fmt.Fprintf(stdout, "brief %s already registered with this content\n", b.Ref())
	}
	return nil
}

func runCreatives(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	var c config
	fs := flag.NewFlagSet("creatives", flag.ContinueOnError)
	c.register(fs)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: tailor creatives add [flags] FILE.jsonl (one past creative a line; - for stdin)")
		fs.PrintDefaults()
	}
	if len(args) == 0 || args[0] != "add" {
		fs.Usage()
		return errUsage
	}
	if err := parse(fs, args[1:], stderr); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errUsage
	}
	st, err := openStore(ctx, &c)
	if err != nil {
		return err
	}
	defer st.Close()
	emb, err := c.buildEmbedder()
	if err != nil {
		return err
	}
	n, err := loadCreatives(ctx, st, emb, fs.Arg(0), stdin)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "creatives: %d added\n", n)
	return nil
}

// loadCreatives validates every creative in a file, then embeds and stores
// them in batches; nothing is stored if any line is invalid.
func loadCreatives(ctx context.Context, st *store.Store, emb generator.Embedder, path string, stdin io.Reader) (int, error) {
	var all []tailor.NewCreative
	err := eachRecord(path, stdin, func(n int, data []byte) error {
		cr, err := tailor.DecodeCreative(data)
		if err != nil {
			return fmt.Errorf("%s:%d: %w", path, n, err)
		}
		all = append(all, cr)
		return nil
	})
	if err != nil {
		return 0, err
	}
	const batch = 256
	for i := 0; i < len(all); i += batch {
		part := all[i:min(i+batch, len(all))]
		texts := make([]string, len(part))
		for j, cr := range part {
			texts[j] = generator.CopyText(cr.Channel, cr.Fields)
		}
		vecs, err := emb.Embed(ctx, texts)
		if err != nil {
			return i, err
		}
		if _, err := st.AddCreatives(ctx, part, vecs); err != nil {
			return i, err
		}
	}
	return len(all), nil
}
