DROP TABLE form_versions;
