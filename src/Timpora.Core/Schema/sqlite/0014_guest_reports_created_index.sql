-- Timpora schema 0014: the screening job reads new guest reports by the time they were saved, as it does the
-- other kinds of record (schema 0012); without this index each of its batches read the whole table.

CREATE INDEX "ix_guest_reports_created_utc" ON "guest_reports" ("created_utc");
