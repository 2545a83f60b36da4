// Package prompts holds Tailor's versioned prompt templates and the JSON
// schemas a model's answer must follow, embedded in the binary. Rendering is
// pure: the same input always gives the same prompt.
package prompts

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"strings"
	"text/template"
	"unicode"

	tailor "github.com/tailorhq/tailor"
)

// Version is the template version; a variant records "<channel>/<Version>".
const Version = "v1"

// MaxFactValue caps how much of one customer-supplied value reaches the model.
const MaxFactValue = 200

//go:embed templates/*.tmpl
var files embed.FS

// text/template, not a template engine with environment access: operators
// may edit these files.
var templates = template.Must(template.New("").Funcs(template.FuncMap{
	"join": strings.Join,
}).ParseFS(files, "templates/*.tmpl"))

// Input is everything a prompt is rendered from. Facts must already be gated.
type Input struct {
	Brief     tailor.Brief
	Channel   tailor.Channel
	Facts     []tailor.Fact
	Stage     string
	Creatives []tailor.Creative
	N         int
	// Canary is a random marker placed in the system prompt; copy containing
	// it has leaked the prompt.
	Canary string
	// Repair, when set, asks for a rewrite of one variant that failed its checks.
	Repair *Repair
}

// Repair is a variant that failed, with why.
type Repair struct {
	Fields   map[string]string
	Findings []tailor.Finding
}

// Rendered is a prompt ready for a chat model.
type Rendered struct {
	Version    string          // "email/v1"
	System     string          // the brand's rules; trusted
	User       string          // the campaign and the fenced customer data
	SchemaName string          // a name for the JSON schema ("tailor_email_v1")
	Schema     json.RawMessage // the JSON schema of the answer
}

// Render builds the prompt for one channel.
func Render(in Input) (Rendered, error) {
	if !in.Channel.Valid() {
		return Rendered{}, fmt.Errorf("rendering prompt: unknown channel %q", in.Channel)
	}
	if in.N < 1 {
		in.N = 1
	}
	data := templateData{
		Input:     in,
		Fields:    fieldsOf(in.Brief, in.Channel),
		Customer:  fenceFacts(in.Facts),
		Examples:  examples(in.Creatives),
		Disclaim:  in.Brief.Brand.RequiredDisclaimers[string(in.Channel)],
		FactKeys:  factKeys(in.Facts),
		RepairDoc: repairDoc(in.Repair),
	}
	var sys, user bytes.Buffer
	if err := templates.ExecuteTemplate(&sys, "system.tmpl", data); err != nil {
		return Rendered{}, fmt.Errorf("rendering system prompt: %w", err)
	}
	if err := templates.ExecuteTemplate(&user, "user.tmpl", data); err != nil {
		return Rendered{}, fmt.Errorf("rendering user prompt: %w", err)
	}
	return Rendered{
		Version:    string(in.Channel) + "/" + Version,
		System:     sys.String(),
		User:       user.String(),
		SchemaName: "tailor_" + string(in.Channel) + "_" + Version,
		Schema:     AnswerSchema(in.Brief, in.Channel),
	}, nil
}

type templateData struct {
	Input
	Fields    []tailor.Field
	Customer  string
	Examples  []string
	Disclaim  string
	FactKeys  []string
	RepairDoc string
}

func fieldsOf(b tailor.Brief, ch tailor.Channel) []tailor.Field {
	fields := make([]tailor.Field, 0, len(ch.Spec().Fields))
	for _, f := range ch.Spec().Fields {
		fields = append(fields, tailor.Field{Name: f.Name, Limit: b.FieldLimit(ch, f.Name)})
	}
	return fields
}

// fenceFacts renders customer facts as JSON lines: JSON escapes quotes, and
// with HTML escaping on, "<" and ">" too, so a value cannot close the fence.
func fenceFacts(facts []tailor.Fact) string {
	var b strings.Builder
	for _, f := range facts {
		line, _ := json.Marshal(map[string]string{"key": f.Key, "value": Clean(f.Value, MaxFactValue), "source": f.Source})
		b.Write(line)
		b.WriteByte('\n')
	}
	return b.String()
}

func factKeys(facts []tailor.Fact) []string {
	keys := make([]string, len(facts))
	for i, f := range facts {
		keys[i] = f.Key
	}
	return keys
}

func examples(cs []tailor.Creative) []string {
	out := make([]string, 0, len(cs))
	for _, c := range cs {
		line, _ := json.Marshal(c.Fields)
		out = append(out, string(line))
	}
	return out
}

func repairDoc(r *Repair) string {
	if r == nil {
		return ""
	}
	doc, _ := json.Marshal(map[string]any{"previous": r.Fields, "problems": r.Findings})
	return string(doc)
}

// Clean makes untrusted text safe to show a model: control, format (zero-width,
// bidi) and private-use characters removed, whitespace runs folded to one
// space, and the result cut to at most max runes.
func Clean(s string, max int) string {
	var b strings.Builder
	space, n := false, 0
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		case unicode.In(r, unicode.Cc, unicode.Cf, unicode.Co, unicode.Cs) || r == unicode.ReplacementChar:
			continue
		}
		need := 1
		if space {
			need++
		}
		if n+need > max {
			break
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
		n += need
	}
	return b.String()
}
