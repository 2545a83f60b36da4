// Package answer parses a model's answer, the JSON document described by
// prompts.AnswerSchema, into drafts. Every model provider shares it so that
// an answer means the same thing whoever wrote it.
package answer

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/tailorhq/tailor/generator"
)

// Parse reads {"variants": [{"angle", "used_facts", <fields>…}]} and returns
// one draft per variant, each with exactly the given fields. A missing or
// non-string field, or an answer with no variant, is an error; properties
// outside the schema are ignored (models in plain JSON mode add some). When
// n > 0, at most n drafts are returned.
func Parse(content string, fields []string, n int) ([]generator.Draft, error) {
	var doc struct {
		Variants []map[string]json.RawMessage `json:"variants"`
	}
	dec := json.NewDecoder(strings.NewReader(unfence(content)))
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("decoding answer: %w", err)
	}
	if len(doc.Variants) == 0 {
		return nil, errors.New("answer has no variants")
	}
	if n > 0 && len(doc.Variants) > n {
		doc.Variants = doc.Variants[:n]
	}
	drafts := make([]generator.Draft, len(doc.Variants))
	for i, v := range doc.Variants {
		d, err := draft(v, fields)
		if err != nil {
			return nil, fmt.Errorf("answer variants[%d]: %w", i, err)
		}
		drafts[i] = d
	}
	return drafts, nil
}

func draft(v map[string]json.RawMessage, fields []string) (generator.Draft, error) {
	if v == nil {
		return generator.Draft{}, errors.New("not an object")
	}
	d := generator.Draft{Fields: make(map[string]string, len(fields))}
	for _, name := range fields {
		raw, ok := v[name]
		if !ok {
			return generator.Draft{}, fmt.Errorf("missing field %q", name)
		}
		var s *string // a pointer, or json.Unmarshal would turn null into ""
		if err := json.Unmarshal(raw, &s); err != nil || s == nil {
			return generator.Draft{}, fmt.Errorf("field %q: want a string", name)
		}
		d.Fields[name] = *s
	}
	if raw, ok := v["angle"]; ok {
		if err := json.Unmarshal(raw, &d.Angle); err != nil {
			return generator.Draft{}, fmt.Errorf("angle: want a string: %w", err)
		}
	}
	if raw, ok := v["used_facts"]; ok && !bytes.Equal(bytes.TrimSpace(raw), []byte("null")) {
		if err := json.Unmarshal(raw, &d.UsedFacts); err != nil {
			return generator.Draft{}, fmt.Errorf("used_facts: want an array of strings: %w", err)
		}
	}
	return d, nil
}

// unfence strips a Markdown code fence, which models without structured
// output like to put around JSON.
func unfence(s string) string {
	s = strings.TrimSpace(s)
	if !strings.HasPrefix(s, "```") {
		return s
	}
	s = strings.TrimPrefix(s, "```")
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[i+1:] // drop the info string ("json")
	}
	return strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "```"))
}
