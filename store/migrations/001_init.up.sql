-- Briefs are immutable per version: a new version makes older variants stale.
CREATE TABLE briefs (
    brand_id    text        NOT NULL,
    campaign_id text        NOT NULL,
    version     integer     NOT NULL CHECK (version >= 1),
    body        jsonb       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (brand_id, campaign_id, version)
);

-- One row per job that finished. The id derives from (brand_id,
-- idempotency_key), so a replayed job conflicts here and stores nothing.
CREATE TABLE jobs (
    id              text        PRIMARY KEY,
    brand_id        text        NOT NULL,
    idempotency_key text        NOT NULL,
    campaign_id     text        NOT NULL,
    brief_version   integer     NOT NULL,
    customer_id     text        NOT NULL,
    refusals        jsonb       NOT NULL DEFAULT '[]',
    withheld        jsonb       NOT NULL DEFAULT '[]',
    created_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (brand_id, idempotency_key)
);

CREATE TABLE variants (
    id                uuid        PRIMARY KEY,
    job_id            text        NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    brand_id          text        NOT NULL,
    campaign_id       text        NOT NULL,
    brief_version     integer     NOT NULL,
    customer_id       text        NOT NULL,
    channel           text        NOT NULL,
    ordinal           integer     NOT NULL,
    fields            jsonb       NOT NULL,
    angle             text        NOT NULL DEFAULT '',
    used_facts        text[]      NOT NULL DEFAULT '{}',
    status            text        NOT NULL CHECK (status IN ('approved', 'flagged', 'rejected')),
    report            jsonb       NOT NULL,
    model             text        NOT NULL,
    prompt_version    text        NOT NULL,
    prompt_tokens     integer     NOT NULL DEFAULT 0,
    completion_tokens integer     NOT NULL DEFAULT 0,
    creatives         bigint[]    NOT NULL DEFAULT '{}',
    created_at        timestamptz NOT NULL DEFAULT now(),
    UNIQUE (job_id, channel, ordinal)
);
CREATE INDEX variants_customer ON variants (brand_id, customer_id, campaign_id, channel);
CREATE INDEX variants_status ON variants (brand_id, status, created_at);

-- Past creatives ground new copy. The vector dimension is fixed per
-- deployment (see settings); retrieval is cosine over an HNSW index.
CREATE TABLE creatives (
    id          bigserial   PRIMARY KEY,
    brand_id    text        NOT NULL,
    channel     text        NOT NULL,
    fields      jsonb       NOT NULL,
    embedding   vector(384) NOT NULL,
    variant_id  uuid        UNIQUE REFERENCES variants (id) ON DELETE CASCADE,
    impressions bigint      NOT NULL DEFAULT 0 CHECK (impressions >= 0),
    clicks      bigint      NOT NULL DEFAULT 0 CHECK (clicks >= 0),
    conversions bigint      NOT NULL DEFAULT 0 CHECK (conversions >= 0),
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX creatives_embedding ON creatives USING hnsw (embedding vector_cosine_ops);
CREATE INDEX creatives_brand_channel ON creatives (brand_id, channel);

CREATE TABLE settings (
    key   text PRIMARY KEY,
    value text NOT NULL
);
INSERT INTO settings (key, value) VALUES ('embedding_dimensions', '384');
