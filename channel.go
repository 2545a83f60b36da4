package tailor

import "strings"

// Channel is where a variant will be sent.
type Channel string

// The channels of the contract.
const (
	Email Channel = "email"
	SMS   Channel = "sms"
	Push  Channel = "push"
	Web   Channel = "web"
)

// Channels lists every channel in a stable order.
var Channels = []Channel{Email, SMS, Push, Web}

// Field is one field of a channel with its hard limit in characters.
type Field struct {
	Name  string
	Limit int
}

// ChannelSpec says which fields a channel's copy has. Field order is the
// order a reader meets them.
type ChannelSpec struct {
	Channel Channel
	Fields  []Field
	// Body names the field that carries the main text (and the disclaimer).
	Body string
}

var specs = map[Channel]ChannelSpec{
	Email: {Email, []Field{{"subject", 60}, {"preheader", 100}, {"body", 1200}, {"cta", 30}}, "body"},
	// SMS limits are in GSM-7 characters; copy that needs UCS-2 gets 70.
	SMS:  {SMS, []Field{{"text", 160}}, "text"},
	Push: {Push, []Field{{"title", 50}, {"body", 150}}, "body"},
	Web:  {Web, []Field{{"headline", 60}, {"body", 200}, {"cta", 25}}, "body"},
}

// Valid reports whether c is a channel of the contract.
func (c Channel) Valid() bool { _, ok := specs[c]; return ok }

// Spec returns the channel's fields; the zero spec for an unknown channel.
func (c Channel) Spec() ChannelSpec { return specs[c] }

// Limit returns a field's limit, or 0 when the channel has no such field.
func (s ChannelSpec) Limit(field string) int {
	for _, f := range s.Fields {
		if f.Name == field {
			return f.Limit
		}
	}
	return 0
}

// BodyLimit returns the limit of the body field.
func (s ChannelSpec) BodyLimit() int { return s.Limit(s.Body) }

// FieldNames returns the names of the channel's fields in order.
func (s ChannelSpec) FieldNames() []string {
	names := make([]string, len(s.Fields))
	for i, f := range s.Fields {
		names[i] = f.Name
	}
	return names
}

func channelList() string {
	names := make([]string, len(Channels))
	for i, c := range Channels {
		names[i] = string(c)
	}
	return strings.Join(names, ", ")
}
