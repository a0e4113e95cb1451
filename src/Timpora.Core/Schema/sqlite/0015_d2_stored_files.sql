-- Timpora schema 0015: the bytes of every uploaded file (tip photos, activity photos, meeting attachments) are kept
-- in the database, not on each server's disk, so that every instance and every backup has them (ADR 0026).

CREATE TABLE "stored_files" (
    "id" TEXT NOT NULL CONSTRAINT "pk_stored_files" PRIMARY KEY,
    "content_type" TEXT NOT NULL,
    "length" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "content" BLOB NOT NULL,
    "created_utc" TEXT NOT NULL,
    "staged_until_utc" TEXT NULL
);

CREATE INDEX "ix_stored_files_staged_until_utc" ON "stored_files" ("staged_until_utc");
