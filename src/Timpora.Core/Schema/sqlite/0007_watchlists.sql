-- Timpora schema 0007: ban and wanted lists (watchlists), their entries, hits for review, alerts to the owning
-- office, and the screening streams. The four kinds of list are seeded; an administrator adds others.

CREATE TABLE "screening_cursors" (
    "name" TEXT NOT NULL CONSTRAINT "pk_screening_cursors" PRIMARY KEY,
    "position_utc" TEXT NOT NULL,
    "holder" TEXT NULL,
    "lease_until_utc" TEXT NULL
);

CREATE TABLE "watchlists" (
    "code" TEXT NOT NULL CONSTRAINT "pk_watchlists" PRIMARY KEY,
    "name" TEXT NOT NULL,
    "english_name" TEXT NOT NULL,
    "description" TEXT NULL,
    "created_utc" TEXT NOT NULL
);

CREATE TABLE "watchlist_entries" (
    "id" TEXT NOT NULL CONSTRAINT "pk_watchlist_entries" PRIMARY KEY,
    "watchlist_code" TEXT NOT NULL,
    "reference" TEXT NULL,
    "name" TEXT NOT NULL,
    "birth_date" TEXT NULL,
    "nationality" TEXT NULL,
    "sex" INTEGER NOT NULL,
    "valid_from" TEXT NULL,
    "valid_until" TEXT NULL,
    "source" TEXT NULL,
    "reason" TEXT NULL,
    "kanim_id" INTEGER NOT NULL,
    "created_utc" TEXT NOT NULL,
    "updated_utc" TEXT NOT NULL,
    "updated_by" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    CONSTRAINT "fk_watchlist_entries_kanims_kanim_id" FOREIGN KEY ("kanim_id") REFERENCES "kanims" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_watchlist_entries_watchlists_watchlist_code" FOREIGN KEY ("watchlist_code") REFERENCES "watchlists" ("code") ON DELETE RESTRICT
);

CREATE TABLE "watchlist_aliases" (
    "id" TEXT NOT NULL CONSTRAINT "pk_watchlist_aliases" PRIMARY KEY,
    "entry_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    CONSTRAINT "fk_watchlist_aliases_watchlist_entries_entry_id" FOREIGN KEY ("entry_id") REFERENCES "watchlist_entries" ("id") ON DELETE CASCADE
);

CREATE TABLE "watchlist_changes" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_watchlist_changes" PRIMARY KEY AUTOINCREMENT,
    "entry_id" TEXT NOT NULL,
    "changed_utc" TEXT NOT NULL,
    "rescreened_utc" TEXT NULL,
    CONSTRAINT "fk_watchlist_changes_watchlist_entries_entry_id" FOREIGN KEY ("entry_id") REFERENCES "watchlist_entries" ("id") ON DELETE CASCADE
);

CREATE TABLE "watchlist_documents" (
    "id" TEXT NOT NULL CONSTRAINT "pk_watchlist_documents" PRIMARY KEY,
    "entry_id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    CONSTRAINT "fk_watchlist_documents_watchlist_entries_entry_id" FOREIGN KEY ("entry_id") REFERENCES "watchlist_entries" ("id") ON DELETE CASCADE
);

CREATE TABLE "watchlist_hits" (
    "id" TEXT NOT NULL CONSTRAINT "pk_watchlist_hits" PRIMARY KEY,
    "foreigner_id" TEXT NOT NULL,
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

CREATE TABLE "person_screenings" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_person_screenings" PRIMARY KEY AUTOINCREMENT,
    "guest_report_id" TEXT NOT NULL,
    "foreigner_id" TEXT NOT NULL,
    "kanim_id" INTEGER NOT NULL,
    "screened_utc" TEXT NOT NULL,
    "hits" INTEGER NOT NULL,
    CONSTRAINT "fk_person_screenings_guest_reports_guest_report_id" FOREIGN KEY ("guest_report_id") REFERENCES "guest_reports" ("id") ON DELETE CASCADE
);

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
    CONSTRAINT "fk_watchlist_alerts_kanims_kanim_id" FOREIGN KEY ("kanim_id") REFERENCES "kanims" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_watchlist_alerts_watchlist_hits_hit_id" FOREIGN KEY ("hit_id") REFERENCES "watchlist_hits" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_person_screenings_foreigner_id" ON "person_screenings" ("foreigner_id");

CREATE UNIQUE INDEX "ix_person_screenings_guest_report_id" ON "person_screenings" ("guest_report_id");

CREATE INDEX "ix_watchlist_alerts_hit_id" ON "watchlist_alerts" ("hit_id");

CREATE INDEX "ix_watchlist_alerts_kanim_id_created_utc" ON "watchlist_alerts" ("kanim_id", "created_utc");

CREATE INDEX "ix_watchlist_aliases_entry_id" ON "watchlist_aliases" ("entry_id");

CREATE INDEX "ix_watchlist_changes_entry_id" ON "watchlist_changes" ("entry_id");

CREATE INDEX "ix_watchlist_changes_rescreened_utc" ON "watchlist_changes" ("rescreened_utc");

CREATE INDEX "ix_watchlist_documents_entry_id" ON "watchlist_documents" ("entry_id");

CREATE INDEX "ix_watchlist_documents_number" ON "watchlist_documents" ("number");

CREATE INDEX "ix_watchlist_entries_kanim_id" ON "watchlist_entries" ("kanim_id");

CREATE INDEX "ix_watchlist_entries_name" ON "watchlist_entries" ("name");

CREATE UNIQUE INDEX "ix_watchlist_entries_watchlist_code_reference" ON "watchlist_entries" ("watchlist_code", "reference");

CREATE INDEX "ix_watchlist_hits_entry_id" ON "watchlist_hits" ("entry_id");

CREATE UNIQUE INDEX "ix_watchlist_hits_foreigner_id_entry_id" ON "watchlist_hits" ("foreigner_id", "entry_id");

CREATE INDEX "ix_watchlist_hits_kanim_id_status_created_utc" ON "watchlist_hits" ("kanim_id", "status", "created_utc");

INSERT INTO "watchlists" ("code", "name", "english_name", "description", "created_utc") VALUES
    ('pencegahan', 'Pencegahan (larangan keluar)', 'Exit ban (pencegahan)', 'UU 6/2011 Pasal 91-97: paling lama 6 bulan, dapat diperpanjang', '2026-12-01 00:00:00'),
    ('penangkalan', 'Penangkalan (larangan masuk)', 'Entry ban (penangkalan)', 'UU 6/2011 Pasal 102-105: paling lama 10 tahun, dapat diperpanjang', '2026-12-01 00:00:00'),
    ('dpo', 'Daftar pencarian orang (DPO)', 'Wanted person', NULL, '2026-12-01 00:00:00'),
    ('dokumen-hilang', 'Dokumen perjalanan hilang atau dicuri', 'Lost or stolen travel document', NULL, '2026-12-01 00:00:00');

INSERT INTO "screening_cursors" ("name", "position_utc") VALUES ('guest-reports', '2000-01-01 00:00:00');

INSERT INTO "reference_data_versions" ("name", "version", "loaded_utc") VALUES ('watchlists', 'initial', '2026-12-01 00:00:00');
