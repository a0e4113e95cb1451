-- Timpora schema 0015: the bytes of every uploaded file (tip photos, activity photos, meeting attachments) are kept
-- in the database, not on each server's disk, so that every instance and every backup has them (ADR 0026).

CREATE TABLE stored_files (
    id uuid NOT NULL,
    content_type character varying(100) NOT NULL,
    length bigint NOT NULL,
    sha256 character varying(64) NOT NULL,
    content bytea NOT NULL,
    created_utc timestamp with time zone NOT NULL,
    staged_until_utc timestamp with time zone,
    CONSTRAINT pk_stored_files PRIMARY KEY (id)
);

CREATE INDEX ix_stored_files_staged_until_utc ON stored_files (staged_until_utc);
