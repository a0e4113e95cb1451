-- Timpora schema 0004: the daily digest of overstays and expiring permits per Kanim.

CREATE TABLE "office_digests" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_office_digests" PRIMARY KEY AUTOINCREMENT,
    "kanim_id" INTEGER NOT NULL,
    "day" TEXT NOT NULL,
    "overstays" INTEGER NOT NULL,
    "deportation_proposed" INTEGER NOT NULL,
    "expiring" INTEGER NOT NULL,
    "created_utc" TEXT NOT NULL,
    CONSTRAINT "fk_office_digests_kanims_kanim_id" FOREIGN KEY ("kanim_id") REFERENCES "kanims" ("id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "ix_office_digests_kanim_id_day" ON "office_digests" ("kanim_id", "day");
