-- Approved variants wait here, outside the HNSW index, until outcomes come
-- in for them: retrieval skips unproven copy anyway, and an insert into the
-- HNSW index costs about ten times a plain one.
CREATE TABLE learned (
    variant_id uuid        PRIMARY KEY REFERENCES variants (id) ON DELETE CASCADE,
    brand_id   text        NOT NULL,
    channel    text        NOT NULL,
    fields     jsonb       NOT NULL,
    embedding  vector(384) NOT NULL
);
INSERT INTO learned (variant_id, brand_id, channel, fields, embedding)
    SELECT variant_id, brand_id, channel, fields, embedding FROM creatives
    WHERE variant_id IS NOT NULL AND impressions = 0;
DELETE FROM creatives WHERE variant_id IS NOT NULL AND impressions = 0;
