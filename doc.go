// Package tailor holds the data contract of Tailor, a worker that writes
// segment-of-one marketing copy: the brief (a brand's voice plus one
// campaign), the customer profile, the job a campaign system enqueues, and
// the variants with their guardrail reports that come back.
//
// Every input is decoded strictly (DecodeBrief, DecodeProfile, DecodeJob):
// an unknown field, a missing required field, a wrong type or an over-long
// value is a *ValidationError naming the field, never a silent default.
//
// The job flow, one package each:
//
//	queue      asynq task "generate" → handler
//	generator  gate facts → retrieve → prompt → model → guardrails → repair
//	store      Postgres: briefs, jobs, variants, past creatives (pgvector)
//
// This package imports only the standard library and a JSON Schema validator.
package tailor
