-- Timpora schema 0010: the public tip line, its triage timeline, shares, photos, notices and the email outbox.

CREATE TABLE "outbox_emails" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_outbox_emails" PRIMARY KEY AUTOINCREMENT,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "created_utc" TEXT NOT NULL,
    "sent_utc" TEXT NULL,
    "attempts" INTEGER NOT NULL,
    "next_attempt_utc" TEXT NOT NULL,
    "last_error" TEXT NULL
);

CREATE TABLE "tips" (
    "id" TEXT NOT NULL CONSTRAINT "pk_tips" PRIMARY KEY,
    "tracking_code" TEXT NOT NULL,
    "secret_hash" TEXT NOT NULL,
    "kind" INTEGER NOT NULL,
    "state" INTEGER NOT NULL,
    "channel" INTEGER NOT NULL,
    "place" TEXT NULL,
    "latitude" REAL NULL,
    "longitude" REAL NULL,
    "occurred_utc" TEXT NULL,
    "account" TEXT NOT NULL,
    "subject_name" TEXT NULL,
    "subject_nationality" TEXT NULL,
    "subject_description" TEXT NULL,
    "vehicle" TEXT NULL,
    "anonymous" INTEGER NOT NULL,
    "reporter_name" TEXT NULL,
    "reporter_phone" TEXT NULL,
    "reporter_email" TEXT NULL,
    "filed_by_user_id" TEXT NULL,
    "filed_by_name" TEXT NULL,
    "rejection" INTEGER NULL,
    "duplicate_of_id" TEXT NULL,
    "assigned_unit_id" INTEGER NULL,
    "assigned_user_id" TEXT NULL,
    "due_utc" TEXT NULL,
    "outcome" INTEGER NULL,
    "source_reliability" TEXT NULL,
    "credibility" INTEGER NULL,
    "escalated_utc" TEXT NULL,
    "escalation_kanim_id" INTEGER NULL,
    "escalation_note" TEXT NULL,
    "operation_reference" TEXT NULL,
    "public_message" TEXT NULL,
    "last_action_utc" TEXT NOT NULL,
    "kanim_id" INTEGER NOT NULL,
    "area_code" TEXT NOT NULL,
    "created_utc" TEXT NOT NULL,
    "updated_utc" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    CONSTRAINT "fk_tips_agency_units_assigned_unit_id" FOREIGN KEY ("assigned_unit_id") REFERENCES "agency_units" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_tips_kanims_kanim_id" FOREIGN KEY ("kanim_id") REFERENCES "kanims" ("id") ON DELETE RESTRICT
);

CREATE TABLE "tip_events" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_tip_events" PRIMARY KEY AUTOINCREMENT,
    "tip_id" TEXT NOT NULL,
    "at_utc" TEXT NOT NULL,
    "kind" INTEGER NOT NULL,
    "by" TEXT NOT NULL,
    "text" TEXT NULL,
    CONSTRAINT "fk_tip_events_tips_tip_id" FOREIGN KEY ("tip_id") REFERENCES "tips" ("id") ON DELETE CASCADE
);

CREATE TABLE "tip_foreigner_links" (
    "tip_id" TEXT NOT NULL,
    "foreigner_id" TEXT NOT NULL,
    CONSTRAINT "pk_tip_foreigner_links" PRIMARY KEY ("tip_id", "foreigner_id"),
    CONSTRAINT "fk_tip_foreigner_links_foreigners_foreigner_id" FOREIGN KEY ("foreigner_id") REFERENCES "foreigners" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_tip_foreigner_links_tips_tip_id" FOREIGN KEY ("tip_id") REFERENCES "tips" ("id") ON DELETE CASCADE
);

CREATE TABLE "tip_photos" (
    "id" TEXT NOT NULL CONSTRAINT "pk_tip_photos" PRIMARY KEY,
    "tip_id" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "length" INTEGER NOT NULL,
    "created_utc" TEXT NOT NULL,
    CONSTRAINT "fk_tip_photos_tips_tip_id" FOREIGN KEY ("tip_id") REFERENCES "tips" ("id") ON DELETE CASCADE
);

CREATE TABLE "tip_shares" (
    "tip_id" TEXT NOT NULL,
    "agency_unit_id" INTEGER NOT NULL,
    "shared_utc" TEXT NOT NULL,
    CONSTRAINT "pk_tip_shares" PRIMARY KEY ("tip_id", "agency_unit_id"),
    CONSTRAINT "fk_tip_shares_agency_units_agency_unit_id" FOREIGN KEY ("agency_unit_id") REFERENCES "agency_units" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_tip_shares_tips_tip_id" FOREIGN KEY ("tip_id") REFERENCES "tips" ("id") ON DELETE CASCADE
);

CREATE TABLE "tip_notifications" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_tip_notifications" PRIMARY KEY AUTOINCREMENT,
    "user_id" TEXT NOT NULL,
    "tip_id" TEXT NOT NULL,
    "kind" INTEGER NOT NULL,
    "created_utc" TEXT NOT NULL,
    "read_utc" TEXT NULL,
    CONSTRAINT "fk_tip_notifications_tips_tip_id" FOREIGN KEY ("tip_id") REFERENCES "tips" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_tip_notifications_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_outbox_emails_sent_utc_next_attempt_utc" ON "outbox_emails" ("sent_utc", "next_attempt_utc");

CREATE INDEX "ix_tip_events_tip_id_at_utc" ON "tip_events" ("tip_id", "at_utc");

CREATE INDEX "ix_tip_foreigner_links_foreigner_id" ON "tip_foreigner_links" ("foreigner_id");

CREATE INDEX "ix_tip_notifications_tip_id" ON "tip_notifications" ("tip_id");

CREATE INDEX "ix_tip_notifications_user_id_read_utc" ON "tip_notifications" ("user_id", "read_utc");

CREATE UNIQUE INDEX "ix_tip_notifications_user_id_tip_id_kind" ON "tip_notifications" ("user_id", "tip_id", "kind");

CREATE INDEX "ix_tip_photos_tip_id" ON "tip_photos" ("tip_id");

CREATE INDEX "ix_tip_shares_agency_unit_id" ON "tip_shares" ("agency_unit_id");

CREATE INDEX "ix_tips_assigned_unit_id_created_utc" ON "tips" ("assigned_unit_id", "created_utc");

CREATE INDEX "ix_tips_due_utc" ON "tips" ("due_utc");

CREATE INDEX "ix_tips_filed_by_user_id_created_utc" ON "tips" ("filed_by_user_id", "created_utc");

CREATE INDEX "ix_tips_kanim_id_area_code_created_utc" ON "tips" ("kanim_id", "area_code", "created_utc");

CREATE INDEX "ix_tips_kanim_id_created_utc" ON "tips" ("kanim_id", "created_utc");

CREATE INDEX "ix_tips_kanim_id_kind_created_utc" ON "tips" ("kanim_id", "kind", "created_utc");

CREATE INDEX "ix_tips_kanim_id_state_created_utc" ON "tips" ("kanim_id", "state", "created_utc");

CREATE UNIQUE INDEX "ix_tips_tracking_code" ON "tips" ("tracking_code");
