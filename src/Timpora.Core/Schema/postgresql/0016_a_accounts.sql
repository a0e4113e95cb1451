-- Timpora schema 0016 (issue 29, administration): accounts are deactivated, not deleted; their last sign-in is kept
-- for the accounts list; a Kanwil supervisor or Kanim officer may be an office administrator. Offices carry their
-- class and a Kanwil its address (ADR 0031).

ALTER TABLE users ADD deactivated_utc timestamp with time zone;
ALTER TABLE users ADD last_sign_in_utc timestamp with time zone;
ALTER TABLE users ADD is_office_administrator boolean NOT NULL DEFAULT FALSE;
ALTER TABLE kanims ADD office_class character varying(50);
ALTER TABLE kanwils ADD address character varying(500);
ALTER TABLE users ALTER COLUMN is_office_administrator DROP DEFAULT;
