package tailor

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// Schema is the JSON Schema (draft 2020-12) of every input shape, under $defs:
// brief, profile, job, brief_ref, creative, copy. The API serves it as is.
//
//go:embed schema/tailor.schema.json
var Schema []byte

var schemas = sync.OnceValue(func() map[string]*jsonschema.Schema {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(Schema))
	if err != nil {
		panic("tailor: embedded schema: " + err.Error())
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("tailor.schema.json", doc); err != nil {
		panic("tailor: embedded schema: " + err.Error())
	}
	compiled := map[string]*jsonschema.Schema{}
	for _, name := range []string{"brief", "profile", "job", "creative", "copy"} {
		compiled[name] = c.MustCompile("tailor.schema.json#/$defs/" + name)
	}
	return compiled
})

// DecodeBrief decodes and validates a brief.
func DecodeBrief(data []byte) (Brief, error) {
	var b Brief
	if err := decode("brief", data, &b); err != nil {
		return Brief{}, err
	}
	return b, b.validate()
}

// DecodeProfile decodes and validates a customer profile.
func DecodeProfile(data []byte) (Profile, error) {
	var p Profile
	return p, decode("profile", data, &p)
}

// DecodeJob decodes and validates a job.
func DecodeJob(data []byte) (Job, error) {
	var j Job
	if err := decode("job", data, &j); err != nil {
		return Job{}, err
	}
	return j, j.validate()
}

// DecodeCopy decodes the fields of one piece of copy ({"subject": "…", …})
// and checks them against the channel's fields.
func DecodeCopy(data []byte, ch Channel) (map[string]string, error) {
	var fields map[string]string
	if err := decode("copy", data, &fields); err != nil {
		return nil, err
	}
	var p problems
	for _, name := range sortedKeys(fields) {
		if ch.Spec().Limit(name) == 0 {
			p.add(name, "the %s channel has no such field (want %s)", ch, strings.Join(ch.Spec().FieldNames(), ", "))
		}
	}
	return fields, p.err()
}

// NewCreative is a past creative as loaded from a file, before it has an ID.
type NewCreative struct {
	BrandID     string            `json:"brand_id"`
	Channel     Channel           `json:"channel"`
	Fields      map[string]string `json:"fields"`
	Impressions int64             `json:"impressions,omitempty"`
	Clicks      int64             `json:"clicks,omitempty"`
	Conversions int64             `json:"conversions,omitempty"`
}

// DecodeCreative decodes and validates a past creative.
func DecodeCreative(data []byte) (NewCreative, error) {
	var c NewCreative
	if err := decode("creative", data, &c); err != nil {
		return NewCreative{}, err
	}
	var p problems
	for _, name := range sortedKeys(c.Fields) {
		if c.Channel.Spec().Limit(name) == 0 {
			p.add("fields."+name, "the %s channel has no such field", c.Channel)
		}
	}
	return c, p.err()
}

// decode validates data against the named schema, then unmarshals it into v.
func decode(name string, data []byte, v any) error {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return &ValidationError{Problems: []FieldError{{Message: "not valid JSON: " + err.Error()}}}
	}
	if err := schemas()[name].Validate(doc); err != nil {
		verr, ok := err.(*jsonschema.ValidationError)
		if !ok {
			return fmt.Errorf("%w: %v", ErrInvalid, err)
		}
		var p problems
		collect(verr, &p)
		sort.SliceStable(p, func(i, j int) bool { return p[i].Field < p[j].Field })
		return p.err()
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	return nil
}

var printer = message.NewPrinter(language.English)

// collect flattens the validator's error tree into one problem per leaf.
func collect(e *jsonschema.ValidationError, p *problems) {
	if len(e.Causes) > 0 {
		for _, c := range e.Causes {
			collect(c, p)
		}
		return
	}
	field := fieldPath(e.InstanceLocation)
	switch k := e.ErrorKind.(type) {
	case *kind.Required:
		for _, m := range k.Missing {
			p.add(join(field, m), "required")
		}
	case *kind.AdditionalProperties:
		for _, name := range k.Properties {
			p.add(join(field, name), "unknown field")
		}
	case *kind.Type:
		p.add(field, "must be %s, not %s", strings.Join(k.Want, " or "), k.Got)
	case *kind.Enum:
		want := make([]string, len(k.Want))
		for i, w := range k.Want {
			want[i] = fmt.Sprint(w)
		}
		p.add(field, "must be one of %s", strings.Join(want, ", "))
	case *kind.MaxLength:
		p.add(field, "too long: %d characters, at most %d", k.Got, k.Want)
	case *kind.MinLength:
		p.add(field, "must not be empty")
	case *kind.Pattern:
		p.add(field, "%q does not match %s", k.Got, k.Want)
	case *kind.MaxItems:
		p.add(field, "too many items: %d, at most %d", k.Got, k.Want)
	case *kind.MinItems:
		p.add(field, "needs at least %d item(s)", k.Want)
	case *kind.UniqueItems:
		p.add(field, "items %d and %d are the same", k.Duplicates[0], k.Duplicates[1])
	default:
		p.add(field, "%s", e.ErrorKind.LocalizedString(printer))
	}
}

// fieldPath turns ["profile","facts","3","source"] into "profile.facts[3].source".
func fieldPath(loc []string) string {
	var b strings.Builder
	for _, seg := range loc {
		if _, err := strconv.Atoi(seg); err == nil {
			b.WriteString("[" + seg + "]")
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(seg)
	}
	return b.String()
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
