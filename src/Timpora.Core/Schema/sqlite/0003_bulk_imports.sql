-- Timpora schema 0003: bulk files of guest check-ins, processed in the background.

CREATE TABLE "bulk_imports" (
    "id" TEXT NOT NULL CONSTRAINT "pk_bulk_imports" PRIMARY KEY,
    "provider_id" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "format" INTEGER NOT NULL,
    "status" INTEGER NOT NULL,
    "total_rows" INTEGER NOT NULL,
    "processed_rows" INTEGER NOT NULL,
    "accepted" INTEGER NOT NULL,
    "rejected" INTEGER NOT NULL,
    "started_utc" TEXT NULL,
    "finished_utc" TEXT NULL,
    "created_by" TEXT NOT NULL,
    "time_zone_id" TEXT NOT NULL,
    "culture" TEXT NOT NULL,
    "error" TEXT NULL,
    "content" BLOB NOT NULL,
    "result" BLOB NULL,
    "kanim_id" INTEGER NOT NULL,
    "area_code" TEXT NOT NULL,
    "created_utc" TEXT NOT NULL,
    "updated_utc" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    CONSTRAINT "fk_bulk_imports_providers_provider_id" FOREIGN KEY ("provider_id") REFERENCES "providers" ("id") ON DELETE RESTRICT
);

CREATE INDEX "ix_bulk_imports_provider_id_created_utc" ON "bulk_imports" ("provider_id", "created_utc");

CREATE INDEX "ix_bulk_imports_status_created_utc" ON "bulk_imports" ("status", "created_utc");
