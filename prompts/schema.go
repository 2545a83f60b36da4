package prompts

import (
	"encoding/json"
	"strconv"
	"sync"

	tailor "github.com/tailorhq/tailor"
)

// AnswerSchema returns the JSON schema of a model's answer for a channel:
// {"variants": [{"angle", "used_facts", <the channel's fields>}]}. It is written
// by hand for strict structured output: every property required, no extra
// properties, every string bounded (small models otherwise never close one).
//
// The schema depends only on the channel and its field limits, so it is
// built once per such pair and shared: callers must not modify it.
func AnswerSchema(b tailor.Brief, ch tailor.Channel) json.RawMessage {
	key := string(ch)
	for _, f := range ch.Spec().Fields {
		key += ":" + strconv.Itoa(b.FieldLimit(ch, f.Name))
	}
	if s, ok := schemas.Load(key); ok {
		return s.(json.RawMessage)
	}
	s := answerSchema(b, ch)
	schemas.Store(key, s)
	return s
}

// schemas caches AnswerSchema by channel and field limits: a few entries.
var schemas sync.Map

func answerSchema(b tailor.Brief, ch tailor.Channel) json.RawMessage {
	props := map[string]any{
		"angle":      map[string]any{"type": "string", "maxLength": 40, "description": "the variant's persuasive angle, e.g. loyalty, education, offer"},
		"used_facts": map[string]any{"type": "array", "items": map[string]any{"type": "string", "maxLength": 64}, "description": "keys of the customer facts this variant relies on"},
	}
	required := []string{"angle", "used_facts"}
	for _, f := range ch.Spec().Fields {
		props[f.Name] = map[string]any{"type": "string", "maxLength": b.FieldLimit(ch, f.Name)}
		required = append(required, f.Name)
	}
	schema := map[string]any{
		"type":                 "object",
		"additionalProperties": false,
		"required":             []string{"variants"},
		"properties": map[string]any{
			"variants": map[string]any{
				"type": "array",
				"items": map[string]any{
					"type":                 "object",
					"additionalProperties": false,
					"required":             required,
					"properties":           props,
				},
			},
		},
	}
	out, _ := json.Marshal(schema)
	return out
}
