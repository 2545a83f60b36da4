package tailor

import "time"

// Fact sources: where a fact came from decides whether copy may use it.
const (
	Declared = "declared" // the customer told the brand
	Observed = "observed" // first-party behaviour with the brand
	Inferred = "inferred" // a model's or a third party's guess
)

// Profile is one customer as a campaign system knows them. Fact values are
// untrusted text: they are data to the model, never instructions.
type Profile struct {
	CustomerID string  `json:"customer_id"`
	Locale     string  `json:"locale,omitempty"`
	Facts      []Fact  `json:"facts,omitempty"`
	Consent    Consent `json:"consent"`
}

// Fact is one thing known about a customer and where it came from.
type Fact struct {
	Key       string     `json:"key"`
	Value     string     `json:"value"`
	Source    string     `json:"source"`
	At        *time.Time `json:"at,omitempty"`
	Sensitive bool       `json:"sensitive,omitempty"`
	PII       bool       `json:"pii,omitempty"`
}

// Consent is what the customer agreed to.
type Consent struct {
	Personalization bool      `json:"personalization"`
	InferredData    bool      `json:"inferred_data,omitempty"`
	Channels        []Channel `json:"channels"`
}

// Fact returns the value of the first fact with the key, and whether there is one.
func (p Profile) Fact(key string) (string, bool) {
	for _, f := range p.Facts {
		if f.Key == key {
			return f.Value, true
		}
	}
	return "", false
}

// AllowsChannel reports whether the customer consented to the channel.
func (c Consent) AllowsChannel(ch Channel) bool {
	for _, allowed := range c.Channels {
		if allowed == ch {
			return true
		}
	}
	return false
}
