DROP TABLE audit_log;
DROP FUNCTION audit_log_append_only();
ALTER TABLE variants DROP COLUMN reviewed_by, DROP COLUMN reviewed_at;
DROP TABLE review_sessions;
DROP TABLE api_tokens;
