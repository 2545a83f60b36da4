-- API tokens: shown once, stored as the SHA-256 of the secret. A token acts
-- for one brand in one role; revoking keeps the row for the audit trail.
CREATE TABLE api_tokens (
    id         text        PRIMARY KEY,
    brand_id   text        NOT NULL,
    role       text        NOT NULL CHECK (role IN ('enqueuer', 'reviewer', 'admin')),
    hash       bytea       NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now(),
    revoked_at timestamptz
);
CREATE INDEX api_tokens_brand ON api_tokens (brand_id, created_at);

-- Reviewer page sessions, stored hashed; they end with their token.
CREATE TABLE review_sessions (
    hash       bytea       PRIMARY KEY,
    token_id   text        NOT NULL REFERENCES api_tokens (id) ON DELETE CASCADE,
    csrf       text        NOT NULL,
    expires_at timestamptz NOT NULL
);

-- Who decided a flagged variant, and when.
ALTER TABLE variants ADD COLUMN reviewed_by text, ADD COLUMN reviewed_at timestamptz;

-- The audit log: review decisions, edits, token changes, erasures. Rows are
-- never updated or deleted (a trigger refuses it), with one exception: an
-- erasure may clear the before/after copy of a customer's entries, because
-- the copy may hold their name. customer_hash is sha256(brand, customer), so
-- the log names no customer.
CREATE TABLE audit_log (
    id            bigserial   PRIMARY KEY,
    at            timestamptz NOT NULL DEFAULT clock_timestamp(),
    actor         text        NOT NULL,
    brand_id      text        NOT NULL,
    action        text        NOT NULL,
    subject       text        NOT NULL DEFAULT '',
    customer_hash text,
    before        jsonb,
    after         jsonb,
    detail        jsonb,
    redacted      boolean     NOT NULL DEFAULT false
);
CREATE INDEX audit_log_brand ON audit_log (brand_id, id);
CREATE INDEX audit_log_customer ON audit_log (brand_id, customer_hash) WHERE customer_hash IS NOT NULL;

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE'
        AND NOT OLD.redacted AND NEW.redacted
        AND NEW.before IS NULL AND NEW.after IS NULL
        AND (NEW.id, NEW.at, NEW.actor, NEW.brand_id, NEW.action, NEW.subject, NEW.customer_hash, NEW.detail)
            IS NOT DISTINCT FROM (OLD.id, OLD.at, OLD.actor, OLD.brand_id, OLD.action, OLD.subject, OLD.customer_hash, OLD.detail)
    THEN
        RETURN NEW; -- an erasure clearing the copy, nothing else
    END IF;
    RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP;
END;
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
