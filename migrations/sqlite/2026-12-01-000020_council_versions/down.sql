DROP TABLE council_versions;
