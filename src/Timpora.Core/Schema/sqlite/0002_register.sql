-- Timpora schema 0002: the register of foreigners, stay permits, accommodation providers and guest reports.
-- Tables and indexes as 'Timpora.Cli schema-script sqlite' derives them from the model; see docs/adr/0002-schema-history.md.

CREATE TABLE "idempotency_records" (
    "provider_id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "request_hash" TEXT NOT NULL,
    "status_code" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "created_utc" TEXT NOT NULL,
    CONSTRAINT "pk_idempotency_records" PRIMARY KEY ("provider_id", "key")
);

CREATE TABLE "overstay_rates" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_overstay_rates" PRIMARY KEY AUTOINCREMENT,
    "effective_from" TEXT NOT NULL,
    "rupiah_per_day" INTEGER NOT NULL,
    "legal_basis" TEXT NOT NULL
);

CREATE TABLE "visa_indexes" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_visa_indexes" PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "permit_kind" INTEGER NOT NULL,
    "stay_days" INTEGER NULL,
    "extendable" INTEGER NOT NULL,
    "valid_from" TEXT NOT NULL,
    "valid_until" TEXT NULL
);

CREATE TABLE "foreigners" (
    "id" TEXT NOT NULL CONSTRAINT "pk_foreigners" PRIMARY KEY,
    "surname" TEXT NOT NULL,
    "given_names" TEXT NOT NULL,
    "name_key" TEXT NOT NULL,
    "sex" INTEGER NOT NULL,
    "birth_date" TEXT NULL,
    "nationality" TEXT NOT NULL,
    "occupation" TEXT NULL,
    "street" TEXT NULL,
    "latitude" REAL NULL,
    "longitude" REAL NULL,
    "phone" TEXT NULL,
    "email" TEXT NULL,
    "guarantor_kind" INTEGER NULL,
    "guarantor_name" TEXT NULL,
    "guarantor_number" TEXT NULL,
    "guarantor_contact" TEXT NULL,
    "kanim_id" INTEGER NOT NULL,
    "area_code" TEXT NOT NULL,
    "created_utc" TEXT NOT NULL,
    "updated_utc" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    CONSTRAINT "fk_foreigners_kanims_kanim_id" FOREIGN KEY ("kanim_id") REFERENCES "kanims" ("id") ON DELETE RESTRICT
);

CREATE TABLE "providers" (
    "id" TEXT NOT NULL CONSTRAINT "pk_providers" PRIMARY KEY,
    "name" TEXT NOT NULL,
    "kind" INTEGER NOT NULL,
    "business_number" TEXT NULL,
    "street" TEXT NULL,
    "contact_name" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "decision_note" TEXT NULL,
    "decided_utc" TEXT NULL,
    "decided_by" TEXT NULL,
    "kanim_id" INTEGER NOT NULL,
    "area_code" TEXT NOT NULL,
    "created_utc" TEXT NOT NULL,
    "updated_utc" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    CONSTRAINT "fk_providers_kanims_kanim_id" FOREIGN KEY ("kanim_id") REFERENCES "kanims" ("id") ON DELETE RESTRICT
);

CREATE TABLE "foreigner_addresses" (
    "id" TEXT NOT NULL CONSTRAINT "pk_foreigner_addresses" PRIMARY KEY,
    "foreigner_id" TEXT NOT NULL,
    "area_code" TEXT NOT NULL,
    "street" TEXT NULL,
    "until_utc" TEXT NOT NULL,
    CONSTRAINT "fk_foreigner_addresses_foreigners_foreigner_id" FOREIGN KEY ("foreigner_id") REFERENCES "foreigners" ("id") ON DELETE CASCADE
);

CREATE TABLE "foreigner_aliases" (
    "id" TEXT NOT NULL CONSTRAINT "pk_foreigner_aliases" PRIMARY KEY,
    "foreigner_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    CONSTRAINT "fk_foreigner_aliases_foreigners_foreigner_id" FOREIGN KEY ("foreigner_id") REFERENCES "foreigners" ("id") ON DELETE CASCADE
);

CREATE TABLE "stay_permits" (
    "id" TEXT NOT NULL CONSTRAINT "pk_stay_permits" PRIMARY KEY,
    "foreigner_id" TEXT NOT NULL,
    "kind" INTEGER NOT NULL,
    "visa_index_id" INTEGER NULL,
    "number" TEXT NULL,
    "issued_on" TEXT NULL,
    "expires_on" TEXT NOT NULL,
    "issuing_kanim_id" INTEGER NULL,
    "status" INTEGER NOT NULL,
    "kanim_id" INTEGER NOT NULL,
    "area_code" TEXT NOT NULL,
    "created_utc" TEXT NOT NULL,
    "updated_utc" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    CONSTRAINT "fk_stay_permits_foreigners_foreigner_id" FOREIGN KEY ("foreigner_id") REFERENCES "foreigners" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_stay_permits_kanims_issuing_kanim_id" FOREIGN KEY ("issuing_kanim_id") REFERENCES "kanims" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_stay_permits_visa_indexes_visa_index_id" FOREIGN KEY ("visa_index_id") REFERENCES "visa_indexes" ("id") ON DELETE RESTRICT
);

CREATE TABLE "travel_documents" (
    "id" TEXT NOT NULL CONSTRAINT "pk_travel_documents" PRIMARY KEY,
    "foreigner_id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "issuing_state" TEXT NOT NULL,
    "expires_on" TEXT NULL,
    CONSTRAINT "fk_travel_documents_foreigners_foreigner_id" FOREIGN KEY ("foreigner_id") REFERENCES "foreigners" ("id") ON DELETE CASCADE
);

CREATE TABLE "api_keys" (
    "id" TEXT NOT NULL CONSTRAINT "pk_api_keys" PRIMARY KEY,
    "provider_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "secret_hash" TEXT NOT NULL,
    "created_utc" TEXT NOT NULL,
    "created_by" TEXT NULL,
    "last_used_utc" TEXT NULL,
    "revoked_utc" TEXT NULL,
    CONSTRAINT "fk_api_keys_providers_provider_id" FOREIGN KEY ("provider_id") REFERENCES "providers" ("id") ON DELETE CASCADE
);

CREATE TABLE "guest_reports" (
    "id" TEXT NOT NULL CONSTRAINT "pk_guest_reports" PRIMARY KEY,
    "provider_id" TEXT NOT NULL,
    "foreigner_id" TEXT NOT NULL,
    "receipt_number" TEXT NOT NULL,
    "channel" INTEGER NOT NULL,
    "surname" TEXT NOT NULL,
    "given_names" TEXT NOT NULL,
    "sex" INTEGER NOT NULL,
    "birth_date" TEXT NULL,
    "nationality" TEXT NOT NULL,
    "passport_number" TEXT NOT NULL,
    "passport_issuing_state" TEXT NOT NULL,
    "passport_expires_on" TEXT NULL,
    "permit_kind" INTEGER NOT NULL,
    "visa_index_code" TEXT NULL,
    "permit_number" TEXT NULL,
    "permit_expires_on" TEXT NULL,
    "check_in_utc" TEXT NOT NULL,
    "planned_departure_utc" TEXT NULL,
    "room" TEXT NULL,
    "purpose" TEXT NULL,
    "reported_utc" TEXT NOT NULL,
    "is_late" INTEGER NOT NULL,
    "check_out_utc" TEXT NULL,
    "check_out_reported_utc" TEXT NULL,
    "match" INTEGER NOT NULL,
    "kanim_id" INTEGER NOT NULL,
    "area_code" TEXT NOT NULL,
    "created_utc" TEXT NOT NULL,
    "updated_utc" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    CONSTRAINT "fk_guest_reports_foreigners_foreigner_id" FOREIGN KEY ("foreigner_id") REFERENCES "foreigners" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_guest_reports_providers_provider_id" FOREIGN KEY ("provider_id") REFERENCES "providers" ("id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "ix_api_keys_prefix" ON "api_keys" ("prefix");

CREATE INDEX "ix_api_keys_provider_id" ON "api_keys" ("provider_id");

CREATE INDEX "ix_foreigner_addresses_foreigner_id" ON "foreigner_addresses" ("foreigner_id");

CREATE INDEX "ix_foreigner_aliases_foreigner_id" ON "foreigner_aliases" ("foreigner_id");

CREATE INDEX "ix_foreigners_kanim_id_name_key" ON "foreigners" ("kanim_id", "name_key");

CREATE INDEX "ix_foreigners_name_key_birth_date" ON "foreigners" ("name_key", "birth_date");

CREATE INDEX "ix_guest_reports_foreigner_id" ON "guest_reports" ("foreigner_id");

CREATE INDEX "ix_guest_reports_kanim_id_check_in_utc" ON "guest_reports" ("kanim_id", "check_in_utc");

CREATE INDEX "ix_guest_reports_provider_id_check_in_utc" ON "guest_reports" ("provider_id", "check_in_utc");

CREATE UNIQUE INDEX "ix_guest_reports_receipt_number" ON "guest_reports" ("receipt_number");

CREATE UNIQUE INDEX "ix_overstay_rates_effective_from" ON "overstay_rates" ("effective_from");

CREATE INDEX "ix_providers_kanim_id_status" ON "providers" ("kanim_id", "status");

CREATE INDEX "ix_stay_permits_foreigner_id" ON "stay_permits" ("foreigner_id");

CREATE INDEX "ix_stay_permits_issuing_kanim_id" ON "stay_permits" ("issuing_kanim_id");

CREATE INDEX "ix_stay_permits_kanim_id_expires_on" ON "stay_permits" ("kanim_id", "expires_on");

CREATE INDEX "ix_stay_permits_visa_index_id" ON "stay_permits" ("visa_index_id");

CREATE INDEX "ix_travel_documents_foreigner_id" ON "travel_documents" ("foreigner_id");

CREATE UNIQUE INDEX "ix_travel_documents_number_issuing_state" ON "travel_documents" ("number", "issuing_state");

CREATE UNIQUE INDEX "ix_visa_indexes_code_valid_from" ON "visa_indexes" ("code", "valid_from");

-- Operators of an accommodation provider.
ALTER TABLE "users" ADD COLUMN "provider_id" TEXT NULL REFERENCES "providers" ("id") ON DELETE RESTRICT;

CREATE INDEX "ix_users_provider_id" ON "users" ("provider_id");
