DROP INDEX creatives_embedding_grouped;
ALTER TABLE creatives DROP COLUMN grouped;
DROP FUNCTION creatives_grouped(vector, text, text);
CREATE INDEX creatives_embedding ON creatives USING hnsw (embedding vector_cosine_ops);
