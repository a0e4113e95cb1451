-- Timpora schema 0001: the foundation (areas, organisation, accounts, audit).
-- Derived from the EF model with 'Timpora.Cli schema-script sqlite'; see docs/adr/0002-schema-history.md.

CREATE TABLE "agencies" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_agencies" PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL
);


CREATE TABLE "areas" (
    "code" TEXT NOT NULL CONSTRAINT "pk_areas" PRIMARY KEY,
    "parent_code" TEXT NULL,
    "level" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "search_name" TEXT NOT NULL
);


CREATE TABLE "audit_entries" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_audit_entries" PRIMARY KEY AUTOINCREMENT,
    "at_utc" TEXT NOT NULL,
    "user_id" TEXT NULL,
    "user_name" TEXT NOT NULL,
    "ip_address" TEXT NULL,
    "action" INTEGER NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "kanim_id" INTEGER NULL,
    "reason" TEXT NULL,
    "changes" TEXT NULL
);


CREATE TABLE "data_protection_keys" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_data_protection_keys" PRIMARY KEY AUTOINCREMENT,
    "friendly_name" TEXT NULL,
    "xml" TEXT NULL
);


CREATE TABLE "reference_data_versions" (
    "name" TEXT NOT NULL CONSTRAINT "pk_reference_data_versions" PRIMARY KEY,
    "version" TEXT NOT NULL,
    "loaded_utc" TEXT NOT NULL
);


CREATE TABLE "roles" (
    "id" TEXT NOT NULL CONSTRAINT "pk_roles" PRIMARY KEY,
    "requires_two_factor" INTEGER NOT NULL,
    "name" TEXT NULL,
    "normalized_name" TEXT NULL,
    "concurrency_stamp" TEXT NULL
);


CREATE TABLE "area_aliases" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_area_aliases" PRIMARY KEY AUTOINCREMENT,
    "area_code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "search_name" TEXT NOT NULL,
    CONSTRAINT "fk_area_aliases_areas_area_code" FOREIGN KEY ("area_code") REFERENCES "areas" ("code") ON DELETE CASCADE
);


CREATE TABLE "kanwils" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_kanwils" PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "province_code" TEXT NOT NULL,
    CONSTRAINT "fk_kanwils_areas_province_code" FOREIGN KEY ("province_code") REFERENCES "areas" ("code") ON DELETE RESTRICT
);


CREATE TABLE "role_claims" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_role_claims" PRIMARY KEY AUTOINCREMENT,
    "role_id" TEXT NOT NULL,
    "claim_type" TEXT NULL,
    "claim_value" TEXT NULL,
    CONSTRAINT "fk_role_claims_roles_role_id" FOREIGN KEY ("role_id") REFERENCES "roles" ("id") ON DELETE CASCADE
);


CREATE TABLE "kanims" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_kanims" PRIMARY KEY AUTOINCREMENT,
    "kanwil_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "address" TEXT NULL,
    "time_zone_id" TEXT NOT NULL,
    CONSTRAINT "fk_kanims_kanwils_kanwil_id" FOREIGN KEY ("kanwil_id") REFERENCES "kanwils" ("id") ON DELETE RESTRICT
);


CREATE TABLE "agency_units" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_agency_units" PRIMARY KEY AUTOINCREMENT,
    "agency_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "area_code" TEXT NOT NULL,
    "kanim_id" INTEGER NOT NULL,
    CONSTRAINT "fk_agency_units_agencies_agency_id" FOREIGN KEY ("agency_id") REFERENCES "agencies" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_agency_units_areas_area_code" FOREIGN KEY ("area_code") REFERENCES "areas" ("code") ON DELETE RESTRICT,
    CONSTRAINT "fk_agency_units_kanims_kanim_id" FOREIGN KEY ("kanim_id") REFERENCES "kanims" ("id") ON DELETE RESTRICT
);


CREATE TABLE "kanim_working_areas" (
    "kanim_id" INTEGER NOT NULL,
    "regency_code" TEXT NOT NULL,
    CONSTRAINT "pk_kanim_working_areas" PRIMARY KEY ("kanim_id", "regency_code"),
    CONSTRAINT "fk_kanim_working_areas_areas_regency_code" FOREIGN KEY ("regency_code") REFERENCES "areas" ("code") ON DELETE RESTRICT,
    CONSTRAINT "fk_kanim_working_areas_kanims_kanim_id" FOREIGN KEY ("kanim_id") REFERENCES "kanims" ("id") ON DELETE CASCADE
);


CREATE TABLE "users" (
    "id" TEXT NOT NULL CONSTRAINT "pk_users" PRIMARY KEY,
    "display_name" TEXT NOT NULL,
    "person_id" TEXT NULL,
    "kanim_id" INTEGER NULL,
    "kanwil_id" INTEGER NULL,
    "user_name" TEXT NULL,
    "normalized_user_name" TEXT NULL,
    "email" TEXT NULL,
    "normalized_email" TEXT NULL,
    "email_confirmed" INTEGER NOT NULL,
    "password_hash" TEXT NULL,
    "security_stamp" TEXT NULL,
    "concurrency_stamp" TEXT NULL,
    "phone_number" TEXT NULL,
    "phone_number_confirmed" INTEGER NOT NULL,
    "two_factor_enabled" INTEGER NOT NULL,
    "lockout_end" TEXT NULL,
    "lockout_enabled" INTEGER NOT NULL,
    "access_failed_count" INTEGER NOT NULL,
    CONSTRAINT "fk_users_kanims_kanim_id" FOREIGN KEY ("kanim_id") REFERENCES "kanims" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_users_kanwils_kanwil_id" FOREIGN KEY ("kanwil_id") REFERENCES "kanwils" ("id") ON DELETE RESTRICT
);


CREATE TABLE "people" (
    "id" TEXT NOT NULL CONSTRAINT "pk_people" PRIMARY KEY,
    "full_name" TEXT NOT NULL,
    "employee_number" TEXT NULL,
    "position" TEXT NULL,
    "phone" TEXT NULL,
    "email" TEXT NULL,
    "unit_id" INTEGER NOT NULL,
    "kanim_id" INTEGER NOT NULL,
    "area_code" TEXT NOT NULL,
    "created_utc" TEXT NOT NULL,
    "updated_utc" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    CONSTRAINT "fk_people_agency_units_unit_id" FOREIGN KEY ("unit_id") REFERENCES "agency_units" ("id") ON DELETE RESTRICT
);


CREATE TABLE "pimpasa_villages" (
    "user_id" TEXT NOT NULL,
    "village_code" TEXT NOT NULL,
    CONSTRAINT "pk_pimpasa_villages" PRIMARY KEY ("user_id", "village_code"),
    CONSTRAINT "fk_pimpasa_villages_areas_village_code" FOREIGN KEY ("village_code") REFERENCES "areas" ("code") ON DELETE RESTRICT,
    CONSTRAINT "fk_pimpasa_villages_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);


CREATE TABLE "user_claims" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_user_claims" PRIMARY KEY AUTOINCREMENT,
    "user_id" TEXT NOT NULL,
    "claim_type" TEXT NULL,
    "claim_value" TEXT NULL,
    CONSTRAINT "fk_user_claims_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);


CREATE TABLE "user_logins" (
    "login_provider" TEXT NOT NULL,
    "provider_key" TEXT NOT NULL,
    "provider_display_name" TEXT NULL,
    "user_id" TEXT NOT NULL,
    CONSTRAINT "pk_user_logins" PRIMARY KEY ("login_provider", "provider_key"),
    CONSTRAINT "fk_user_logins_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);


CREATE TABLE "user_roles" (
    "user_id" TEXT NOT NULL,
    "role_id" TEXT NOT NULL,
    CONSTRAINT "pk_user_roles" PRIMARY KEY ("user_id", "role_id"),
    CONSTRAINT "fk_user_roles_roles_role_id" FOREIGN KEY ("role_id") REFERENCES "roles" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_user_roles_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);


CREATE TABLE "user_tokens" (
    "user_id" TEXT NOT NULL,
    "login_provider" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "value" TEXT NULL,
    CONSTRAINT "pk_user_tokens" PRIMARY KEY ("user_id", "login_provider", "name"),
    CONSTRAINT "fk_user_tokens_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);


CREATE UNIQUE INDEX "ix_agencies_code" ON "agencies" ("code");


CREATE INDEX "ix_agency_units_agency_id" ON "agency_units" ("agency_id");


CREATE INDEX "ix_agency_units_area_code" ON "agency_units" ("area_code");


CREATE INDEX "ix_agency_units_kanim_id" ON "agency_units" ("kanim_id");


CREATE INDEX "ix_area_aliases_area_code" ON "area_aliases" ("area_code");


CREATE INDEX "ix_area_aliases_search_name" ON "area_aliases" ("search_name");


CREATE INDEX "ix_areas_parent_code" ON "areas" ("parent_code");


CREATE INDEX "ix_areas_search_name" ON "areas" ("search_name");


CREATE INDEX "ix_audit_entries_at_utc" ON "audit_entries" ("at_utc");


CREATE INDEX "ix_audit_entries_entity_type_entity_id" ON "audit_entries" ("entity_type", "entity_id");


CREATE UNIQUE INDEX "ix_kanim_working_areas_regency_code" ON "kanim_working_areas" ("regency_code");


CREATE INDEX "ix_kanims_kanwil_id" ON "kanims" ("kanwil_id");


CREATE INDEX "ix_kanwils_province_code" ON "kanwils" ("province_code");


CREATE INDEX "ix_people_kanim_id_full_name" ON "people" ("kanim_id", "full_name");


CREATE INDEX "ix_people_unit_id" ON "people" ("unit_id");


CREATE INDEX "ix_pimpasa_villages_village_code" ON "pimpasa_villages" ("village_code");


CREATE INDEX "ix_role_claims_role_id" ON "role_claims" ("role_id");


CREATE UNIQUE INDEX "RoleNameIndex" ON "roles" ("normalized_name");


CREATE INDEX "ix_user_claims_user_id" ON "user_claims" ("user_id");


CREATE INDEX "ix_user_logins_user_id" ON "user_logins" ("user_id");


CREATE INDEX "ix_user_roles_role_id" ON "user_roles" ("role_id");


CREATE INDEX "EmailIndex" ON "users" ("normalized_email");


CREATE INDEX "ix_users_kanim_id" ON "users" ("kanim_id");


CREATE INDEX "ix_users_kanwil_id" ON "users" ("kanwil_id");


CREATE UNIQUE INDEX "UserNameIndex" ON "users" ("normalized_user_name");



-- The audit log is append-only, whatever client touches the database.
CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries
BEGIN
    SELECT RAISE(ABORT, 'audit_entries is append-only');
END;

CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON audit_entries
BEGIN
    SELECT RAISE(ABORT, 'audit_entries is append-only');
END;
