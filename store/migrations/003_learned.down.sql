INSERT INTO creatives (brand_id, channel, fields, embedding, variant_id)
    SELECT brand_id, channel, fields, embedding, variant_id FROM learned;
DROP TABLE learned;
