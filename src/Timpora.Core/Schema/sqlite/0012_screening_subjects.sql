-- Timpora schema 0012: every record that names a person is screened, not only guest reports. A hit and a
-- screening name their record by kind and id (the person in the register is optional: a finding or a tip may
-- name someone not registered); one cursor per kind; who marked an alert read.
-- SQLite cannot drop NOT NULL, so the tables are rebuilt; the alerts first, as dropping the hits they point
-- at would delete them.

CREATE TABLE "watchlist_alerts_0012" AS SELECT * FROM "watchlist_alerts";
DROP TABLE "watchlist_alerts";

ALTER TABLE "watchlist_hits" RENAME TO "watchlist_hits_0012";
CREATE TABLE "watchlist_hits" (
    "id" TEXT NOT NULL CONSTRAINT "pk_watchlist_hits" PRIMARY KEY,
    "subject_kind" INTEGER NOT NULL,
    "subject_id" TEXT NOT NULL,
    "foreigner_id" TEXT NULL,
    "guest_report_id" TEXT NULL,
    "entry_id" TEXT NOT NULL,
    "watchlist_code" TEXT NOT NULL,
    "screened_name" TEXT NOT NULL,
    "matched_name" TEXT NOT NULL,
    "score" REAL NOT NULL,
    "strong" INTEGER NOT NULL,
    "explanation" TEXT NOT NULL,
    "trigger" INTEGER NOT NULL,
    "status" INTEGER NOT NULL,
    "decision_reason" TEXT NULL,
    "decided_by" TEXT NULL,
    "decided_utc" TEXT NULL,
    "kanim_id" INTEGER NOT NULL,
    "area_code" TEXT NOT NULL,
    "created_utc" TEXT NOT NULL,
    "updated_utc" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    CONSTRAINT "fk_watchlist_hits_watchlist_entries_entry_id" FOREIGN KEY ("entry_id") REFERENCES "watchlist_entries" ("id") ON DELETE RESTRICT
);
INSERT INTO "watchlist_hits" ("id", "subject_kind", "subject_id", "foreigner_id", "guest_report_id", "entry_id", "watchlist_code", "screened_name",
    "matched_name", "score", "strong", "explanation", "trigger", "status", "decision_reason", "decided_by", "decided_utc", "kanim_id", "area_code",
    "created_utc", "updated_utc", "version")
SELECT "id", 1, coalesce("guest_report_id", "foreigner_id"), "foreigner_id", "guest_report_id", "entry_id", "watchlist_code", "screened_name",
    "matched_name", "score", "strong", "explanation", "trigger", "status", "decision_reason", "decided_by", "decided_utc", "kanim_id", "area_code",
    "created_utc", "updated_utc", "version"
FROM "watchlist_hits_0012";
DROP TABLE "watchlist_hits_0012";
CREATE INDEX "ix_watchlist_hits_entry_id" ON "watchlist_hits" ("entry_id");
CREATE INDEX "ix_watchlist_hits_foreigner_id_entry_id" ON "watchlist_hits" ("foreigner_id", "entry_id");
CREATE INDEX "ix_watchlist_hits_kanim_id_status_created_utc" ON "watchlist_hits" ("kanim_id", "status", "created_utc");
CREATE UNIQUE INDEX "ix_watchlist_hits_subject_kind_subject_id_entry_id" ON "watchlist_hits" ("subject_kind", "subject_id", "entry_id");

CREATE TABLE "watchlist_alerts" (
    "id" TEXT NOT NULL CONSTRAINT "pk_watchlist_alerts" PRIMARY KEY,
    "kanim_id" INTEGER NOT NULL,
    "hit_id" TEXT NOT NULL,
    "entry_id" TEXT NOT NULL,
    "person_name" TEXT NOT NULL,
    "entry_name" TEXT NOT NULL,
    "found_by_kanim_id" INTEGER NOT NULL,
    "confirmed_by" TEXT NOT NULL,
    "created_utc" TEXT NOT NULL,
    "read_utc" TEXT NULL,
    "read_by" TEXT NULL,
    CONSTRAINT "fk_watchlist_alerts_kanims_kanim_id" FOREIGN KEY ("kanim_id") REFERENCES "kanims" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_watchlist_alerts_watchlist_hits_hit_id" FOREIGN KEY ("hit_id") REFERENCES "watchlist_hits" ("id") ON DELETE CASCADE
);
INSERT INTO "watchlist_alerts" ("id", "kanim_id", "hit_id", "entry_id", "person_name", "entry_name", "found_by_kanim_id", "confirmed_by", "created_utc", "read_utc")
SELECT "id", "kanim_id", "hit_id", "entry_id", "person_name", "entry_name", "found_by_kanim_id", "confirmed_by", "created_utc", "read_utc"
FROM "watchlist_alerts_0012";
DROP TABLE "watchlist_alerts_0012";
CREATE INDEX "ix_watchlist_alerts_hit_id" ON "watchlist_alerts" ("hit_id");
CREATE INDEX "ix_watchlist_alerts_kanim_id_created_utc" ON "watchlist_alerts" ("kanim_id", "created_utc");

ALTER TABLE "person_screenings" RENAME TO "person_screenings_0012";
CREATE TABLE "person_screenings" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_person_screenings" PRIMARY KEY AUTOINCREMENT,
    "subject_kind" INTEGER NOT NULL,
    "subject_id" TEXT NOT NULL,
    "foreigner_id" TEXT NULL,
    "kanim_id" INTEGER NOT NULL,
    "screened_utc" TEXT NOT NULL,
    "hits" INTEGER NOT NULL
);
INSERT INTO "person_screenings" ("id", "subject_kind", "subject_id", "foreigner_id", "kanim_id", "screened_utc", "hits")
SELECT "id", 1, "guest_report_id", "foreigner_id", "kanim_id", "screened_utc", "hits" FROM "person_screenings_0012";
DROP TABLE "person_screenings_0012";
CREATE INDEX "ix_person_screenings_foreigner_id" ON "person_screenings" ("foreigner_id");
CREATE UNIQUE INDEX "ix_person_screenings_subject_kind_subject_id" ON "person_screenings" ("subject_kind", "subject_id");

CREATE INDEX "ix_stay_permits_created_utc" ON "stay_permits" ("created_utc");
CREATE INDEX "ix_operation_findings_created_utc" ON "operation_findings" ("created_utc");
CREATE INDEX "ix_tips_created_utc" ON "tips" ("created_utc");

INSERT INTO "screening_cursors" ("name", "position_utc") VALUES
    ('stay-permits', '2000-01-01 00:00:00'),
    ('operation-findings', '2000-01-01 00:00:00'),
    ('tips', '2000-01-01 00:00:00');
