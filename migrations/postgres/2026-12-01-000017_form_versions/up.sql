-- Every version of every form definition the portal has published, as it was first published:
-- a submission is exported (FHIR) with the version it answered, even after the form changes.
CREATE TABLE form_versions (
    form_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    definition TEXT NOT NULL,
    published_at TIMESTAMP NOT NULL,
    PRIMARY KEY (form_id, version)
);
