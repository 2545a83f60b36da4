package openaitest

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	goopenai "github.com/sashabaranov/go-openai"
)

// maxVariants bounds how many array items an answer holds, whatever the
// prompt asks for.
const maxVariants = 100

// angles are the angles answers cycle through.
var angles = []string{"loyalty", "offer", "education", "seasonal", "social proof"}

// Answer is the server's default answer to a chat request. With a
// json_schema response format it returns a document valid against the
// schema: an array of objects gets as many items as the last user message
// asks for ("Write 3 variants", default 1), other arrays are empty, strings
// are short copy within their maxLength. In plain JSON mode it looks for a
// schema quoted in the messages (a line holding a JSON object with a
// "type"), else answers {}. It is deterministic except for the Created time.
func Answer(req goopenai.ChatCompletionRequest) (goopenai.ChatCompletionResponse, error) {
	if req.Stream {
		return goopenai.ChatCompletionResponse{}, errors.New("openaitest: streaming is not supported")
	}
	if len(req.Messages) == 0 {
		return goopenai.ChatCompletionResponse{}, errors.New("messages: must not be empty")
	}
	var all strings.Builder
	user := ""
	for _, m := range req.Messages {
		t := text(m)
		all.WriteString(t)
		if m.Role == goopenai.ChatMessageRoleUser {
			user = t
		}
	}

	schema, err := schemaOf(req)
	if err != nil {
		return goopenai.ChatCompletionResponse{}, err
	}
	var content string
	switch {
	case schema != nil:
		w := writerFor(user)
		doc, err := json.Marshal(w.value(schema, "", 0))
		if err != nil {
			return goopenai.ChatCompletionResponse{}, fmt.Errorf("openaitest: encoding answer: %w", err)
		}
		content = string(doc)
	case req.ResponseFormat != nil && req.ResponseFormat.Type == goopenai.ChatCompletionResponseFormatTypeJSONObject:
		content = "{}"
	default:
		content = "Your next trail is calling."
	}

	sum := sha256.Sum256([]byte(all.String() + content))
	prompt, completion := tokens(all.String()), tokens(content)
	return goopenai.ChatCompletionResponse{
		ID:      "chatcmpl-" + hex.EncodeToString(sum[:12]),
		Object:  "chat.completion",
		Created: time.Now().Unix(),
		Model:   req.Model,
		Choices: []goopenai.ChatCompletionChoice{{
			Message:      goopenai.ChatCompletionMessage{Role: goopenai.ChatMessageRoleAssistant, Content: content},
			FinishReason: goopenai.FinishReasonStop,
		}},
		Usage: goopenai.Usage{PromptTokens: prompt, CompletionTokens: completion, TotalTokens: prompt + completion},
	}, nil
}

// tokens estimates a token count the way OpenAI's rule of thumb does: one
// token per four characters.
func tokens(s string) int { return (utf8.RuneCountInString(s) + 3) / 4 }

func text(m goopenai.ChatCompletionMessage) string {
	if m.Content != "" {
		return m.Content
	}
	var b strings.Builder
	for _, p := range m.MultiContent {
		b.WriteString(p.Text)
	}
	return b.String()
}

// schemaOf returns the JSON schema the answer must follow, or nil.
func schemaOf(req goopenai.ChatCompletionRequest) (map[string]any, error) {
	if rf := req.ResponseFormat; rf != nil && rf.JSONSchema != nil && rf.JSONSchema.Schema != nil {
		raw, err := rf.JSONSchema.Schema.MarshalJSON()
		if err != nil {
			return nil, fmt.Errorf("response_format.json_schema.schema: %w", err)
		}
		var schema map[string]any
		if err := json.Unmarshal(raw, &schema); err != nil {
			return nil, fmt.Errorf("response_format.json_schema.schema: %w", err)
		}
		return schema, nil
	}
	if req.ResponseFormat == nil || req.ResponseFormat.Type != goopenai.ChatCompletionResponseFormatTypeJSONObject {
		return nil, nil
	}
	for i := len(req.Messages) - 1; i >= 0; i-- {
		for _, line := range strings.Split(text(req.Messages[i]), "\n") {
			line = strings.TrimSpace(line)
			var schema map[string]any
			if strings.HasPrefix(line, "{") && json.Unmarshal([]byte(line), &schema) == nil && schema["type"] != nil {
				return schema, nil
			}
		}
	}
	return nil, nil
}

// What the prompt says, line by line. Each pattern is tried only on the
// lines that start as it does: six multi-line patterns over the whole
// prompt made regexp backtracking a fifth of the stand-in's CPU, which the
// benchmark's worker shares two cores with.
var (
	variantsRe   = regexp.MustCompile(`Write (\d+) variants?\b`)
	productRe    = regexp.MustCompile(`^Product: (.+)$`)
	offerRe      = regexp.MustCompile(`^Offer[^:]*: (.+)$`)
	ctaRe        = regexp.MustCompile(`^Call to action: (.+)$`)
	disclaimerRe = regexp.MustCompile(`^The (\w+) must include this disclaimer word for word: (.+)$`)
	endsWithRe   = regexp.MustCompile(`^The (\w+) must end with "([^"]+)"`)
)

// writer fills a schema with copy, using what the prompt says about the
// campaign so that the copy reads plausibly and passes the usual checks.
type writer struct {
	n                   int
	product, offer, cta string
	// suffix is text a field must end with (disclaimers, opt-out wording).
	suffix map[string]string
}

func writerFor(user string) *writer {
	w := &writer{n: 1, product: "our new collection", suffix: map[string]string{}}
	var sawN, sawProduct, sawOffer, sawCTA bool
	var endings [][]string // after every disclaimer, which they follow
	// first sets *v from re's first group on the first line it matches.
	first := func(saw *bool, re *regexp.Regexp, line string, v *string) {
		if !*saw {
			if m := re.FindStringSubmatch(line); m != nil {
				*v, *saw = strings.TrimSpace(m[1]), true
			}
		}
	}
	for line := range strings.Lines(user) {
		line = strings.TrimSuffix(line, "\n")
		switch {
		case strings.HasPrefix(line, "Product: "):
			first(&sawProduct, productRe, line, &w.product)
		case strings.HasPrefix(line, "Offer"):
			first(&sawOffer, offerRe, line, &w.offer)
		case strings.HasPrefix(line, "Call to action: "):
			first(&sawCTA, ctaRe, line, &w.cta)
		case strings.HasPrefix(line, "The "):
			if m := disclaimerRe.FindStringSubmatch(line); m != nil {
				w.suffix[m[1]] = strings.TrimSpace(m[2])
			} else if m := endsWithRe.FindStringSubmatch(line); m != nil {
				endings = append(endings, m)
			}
		}
		if !sawN && strings.Contains(line, "Write ") {
			if m := variantsRe.FindStringSubmatch(line); m != nil {
				sawN = true
				if n, err := strconv.Atoi(m[1]); err == nil && n > 0 {
					w.n = min(n, maxVariants)
				}
			}
		}
	}
	for _, m := range endings {
		w.suffix[m[1]] = join(w.suffix[m[1]], m[2])
	}
	return w
}

func (w *writer) value(schema map[string]any, name string, i int) any {
	switch typeOf(schema) {
	case "object":
		out := map[string]any{}
		props, _ := schema["properties"].(map[string]any)
		for k, p := range props {
			if ps, ok := p.(map[string]any); ok {
				out[k] = w.value(ps, k, i)
			}
		}
		return out
	case "array":
		items, _ := schema["items"].(map[string]any)
		out := []any{}
		if typeOf(items) == "object" {
			for j := range w.n {
				out = append(out, w.value(items, name, j))
			}
		}
		return out
	case "string":
		if enum, ok := schema["enum"].([]any); ok && len(enum) > 0 {
			return enum[0]
		}
		limit := 0
		if f, ok := schema["maxLength"].(float64); ok {
			limit = int(f)
		}
		return fit(w.copy(name, i), w.suffix[name], limit)
	case "integer", "number":
		if f, ok := schema["minimum"].(float64); ok {
			return f
		}
		return 0
	case "boolean":
		return false
	}
	return nil
}

func typeOf(schema map[string]any) string {
	switch t := schema["type"].(type) {
	case string:
		return t
	case []any: // ["string", "null"]: the first that is not null
		for _, v := range t {
			if s, ok := v.(string); ok && s != "null" {
				return s
			}
		}
	}
	return ""
}

var (
	hooks = []string{"Your next adventure starts here.", "Made for the days you love most.", "Built for every season ahead.", "A little something for the road.", "Ready when you are."}
	heads = []string{"Meet %s", "%s is here", "Your pick: %s", "Made for you: %s", "Say hello to %s"}
)

// copy is the text of a field before fitting; it varies with the variant.
func (w *writer) copy(name string, i int) string {
	hook := hooks[i%len(hooks)]
	switch name {
	case "angle":
		return angles[i%len(angles)]
	case "subject", "title", "headline":
		return fmt.Sprintf(heads[i%len(heads)], w.product)
	case "preheader":
		return join(hook, sentence(w.offer))
	case "cta":
		if w.cta != "" {
			return w.cta
		}
		return "Shop now"
	case "body", "text":
		return join(hook, "Discover "+w.product+".", sentence(w.offer))
	}
	return "Sample " + name + "."
}

func join(parts ...string) string {
	var kept []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, " ")
}

// fit cuts s to leave room for suffix within limit runes (0: no limit),
// cutting at a word boundary when it can.
func fit(s, suffix string, limit int) string {
	if limit <= 0 {
		return join(s, suffix)
	}
	if suffix != "" {
		room := limit - utf8.RuneCountInString(suffix) - 2 // a space and a full stop
		if room <= 0 {
			return cut(suffix, limit)
		}
		return join(sentence(cut(s, room)), suffix)
	}
	return cut(s, limit)
}

// sentence ends s with a full stop unless it ends a sentence already.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsAny(s[len(s)-1:], ".!?") {
		return s
	}
	return s + "."
}

func cut(s string, limit int) string {
	if utf8.RuneCountInString(s) <= limit {
		return s
	}
	r := []rune(s)[:limit]
	if i := strings.LastIndexByte(string(r), ' '); i > 0 {
		return strings.TrimRight(string(r)[:i], " ,;:-")
	}
	return string(r)
}
