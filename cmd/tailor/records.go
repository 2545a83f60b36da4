package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
)

// eachRecord calls fn with every JSON record in a file: one object, an array
// of objects, or JSON Lines (one object a line, blank lines skipped). "-" is
// standard input. n is the record's line (JSONL) or index+1 (array).
func eachRecord(path string, stdin io.Reader, fn func(n int, data []byte) error) error {
	r := stdin
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		r = f
	}
	br := bufio.NewReaderSize(r, 1<<16)
	first, err := firstByte(br)
	if err == io.EOF {
		return nil
	}
	if err != nil {
		return err
	}
	if first == '[' {
		dec := json.NewDecoder(br)
		var all []json.RawMessage
		if err := dec.Decode(&all); err != nil {
			return fmt.Errorf("%s: not a JSON array: %w", path, err)
		}
		for i, rec := range all {
			if err := fn(i+1, rec); err != nil {
				return err
			}
		}
		return nil
	}
	// JSON Lines, which also covers a single object on one line; a single
	// pretty-printed object is read whole.
	data, err := io.ReadAll(br)
	if err != nil {
		return err
	}
	if json.Valid(data) {
		return fn(1, data)
	}
	for i, line := range bytes.Split(data, []byte("\n")) {
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		if err := fn(i+1, line); err != nil {
			return err
		}
	}
	return nil
}

func firstByte(br *bufio.Reader) (byte, error) {
	for {
		b, err := br.ReadByte()
		if err != nil {
			return 0, err
		}
		if b != ' ' && b != '\n' && b != '\r' && b != '\t' {
			return b, br.UnreadByte()
		}
	}
}
