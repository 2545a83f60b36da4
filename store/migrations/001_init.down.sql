DROP TABLE settings;
DROP TABLE creatives;
DROP TABLE variants;
DROP TABLE jobs;
DROP TABLE briefs;
