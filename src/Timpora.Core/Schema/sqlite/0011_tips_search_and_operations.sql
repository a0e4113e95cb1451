-- Timpora schema 0011: the tips' search text (computed on read; SQLite keeps no index on it, ADR 0014), and a
-- tip's link to the joint operation record it was escalated to.

ALTER TABLE "tips" ADD COLUMN "operation_id" TEXT NULL REFERENCES "joint_operations" ("id") ON DELETE RESTRICT;

ALTER TABLE "tips" ADD COLUMN "search_text" AS (upper(account || ' ' || coalesce(subject_name, '') || ' ' || coalesce(place, '')));

CREATE INDEX "ix_tips_operation_id" ON "tips" ("operation_id");
