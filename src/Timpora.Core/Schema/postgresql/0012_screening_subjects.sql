-- Timpora schema 0012: every record that names a person is screened, not only guest reports. A hit and a
-- screening name their record by kind and id (the person in the register is optional: a finding or a tip may
-- name someone not registered); one cursor per kind; who marked an alert read.

ALTER TABLE watchlist_hits ADD COLUMN subject_kind integer NOT NULL DEFAULT 1;
ALTER TABLE watchlist_hits ALTER COLUMN subject_kind DROP DEFAULT;
ALTER TABLE watchlist_hits ADD COLUMN subject_id uuid;
UPDATE watchlist_hits SET subject_id = coalesce(guest_report_id, foreigner_id);
ALTER TABLE watchlist_hits ALTER COLUMN subject_id SET NOT NULL;
ALTER TABLE watchlist_hits ALTER COLUMN foreigner_id DROP NOT NULL;
DROP INDEX ix_watchlist_hits_foreigner_id_entry_id;
CREATE INDEX ix_watchlist_hits_foreigner_id_entry_id ON watchlist_hits (foreigner_id, entry_id);
CREATE UNIQUE INDEX ix_watchlist_hits_subject_kind_subject_id_entry_id ON watchlist_hits (subject_kind, subject_id, entry_id);

ALTER TABLE person_screenings DROP CONSTRAINT fk_person_screenings_guest_reports_guest_report_id;
DROP INDEX ix_person_screenings_guest_report_id;
ALTER TABLE person_screenings RENAME COLUMN guest_report_id TO subject_id;
ALTER TABLE person_screenings ADD COLUMN subject_kind integer NOT NULL DEFAULT 1;
ALTER TABLE person_screenings ALTER COLUMN subject_kind DROP DEFAULT;
ALTER TABLE person_screenings ALTER COLUMN foreigner_id DROP NOT NULL;
CREATE UNIQUE INDEX ix_person_screenings_subject_kind_subject_id ON person_screenings (subject_kind, subject_id);

ALTER TABLE watchlist_alerts ADD COLUMN read_by character varying(256);

CREATE INDEX ix_stay_permits_created_utc ON stay_permits (created_utc);
CREATE INDEX ix_operation_findings_created_utc ON operation_findings (created_utc);
CREATE INDEX ix_tips_created_utc ON tips (created_utc);

INSERT INTO screening_cursors (name, position_utc) VALUES
    ('stay-permits', '2000-01-01 00:00:00+00'),
    ('operation-findings', '2000-01-01 00:00:00+00'),
    ('tips', '2000-01-01 00:00:00+00');
