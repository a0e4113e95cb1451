-- Timpora schema 0009: the Desa Binaan Imigrasi programme (villages, officers, activities, consultations, deferrals, referrals).

CREATE TABLE "programme_villages" (
    "id" TEXT NOT NULL CONSTRAINT "pk_programme_villages" PRIMARY KEY,
    "name" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "proposed_on" TEXT NOT NULL,
    "proposed_by" TEXT NULL,
    "evidence" TEXT NULL,
    "consent_on" TEXT NULL,
    "consent_document" TEXT NULL,
    "decree_number" TEXT NULL,
    "decree_on" TEXT NULL,
    "established_on" TEXT NULL,
    "certificate_installed_on" TEXT NULL,
    "notice_board_installed_on" TEXT NULL,
    "messaging_group_link" TEXT NULL,
    "latitude" REAL NULL,
    "longitude" REAL NULL,
    "status_note" TEXT NULL,
    "criteria_border" INTEGER NOT NULL,
    "criteria_low_education" INTEGER NOT NULL,
    "criteria_migrant_workers" INTEGER NOT NULL,
    "criteria_poverty" INTEGER NOT NULL,
    "criteria_unemployment" INTEGER NOT NULL,
    "criteria_young_population" INTEGER NOT NULL,
    "kanim_id" INTEGER NOT NULL,
    "area_code" TEXT NOT NULL,
    "created_utc" TEXT NOT NULL,
    "updated_utc" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    CONSTRAINT "fk_programme_villages_areas_area_code" FOREIGN KEY ("area_code") REFERENCES "areas" ("code") ON DELETE RESTRICT,
    CONSTRAINT "fk_programme_villages_kanims_kanim_id" FOREIGN KEY ("kanim_id") REFERENCES "kanims" ("id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "ix_programme_villages_area_code" ON "programme_villages" ("area_code");
CREATE INDEX "ix_programme_villages_kanim_id_status" ON "programme_villages" ("kanim_id", "status");

CREATE TABLE "village_contacts" (
    "id" TEXT NOT NULL CONSTRAINT "pk_village_contacts" PRIMARY KEY,
    "village_id" TEXT NOT NULL,
    "role" INTEGER NOT NULL,
    "full_name" TEXT NOT NULL,
    "phone" TEXT NULL,
    "kanim_id" INTEGER NOT NULL,
    "area_code" TEXT NOT NULL,
    "created_utc" TEXT NOT NULL,
    "updated_utc" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    CONSTRAINT "fk_village_contacts_programme_villages_village_id" FOREIGN KEY ("village_id") REFERENCES "programme_villages" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_village_contacts_village_id" ON "village_contacts" ("village_id");

CREATE TABLE "pimpasa_officers" (
    "user_id" TEXT NOT NULL CONSTRAINT "pk_pimpasa_officers" PRIMARY KEY,
    "kanim_id" INTEGER NOT NULL,
    "decree_number" TEXT NULL,
    "decree_on" TEXT NULL,
    "inaugurated_on" TEXT NULL,
    CONSTRAINT "fk_pimpasa_officers_kanims_kanim_id" FOREIGN KEY ("kanim_id") REFERENCES "kanims" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_pimpasa_officers_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_pimpasa_officers_kanim_id" ON "pimpasa_officers" ("kanim_id");

CREATE TABLE "village_activities" (
    "id" TEXT NOT NULL CONSTRAINT "pk_village_activities" PRIMARY KEY,
    "village_id" TEXT NOT NULL,
    "kind" INTEGER NOT NULL,
    "status" INTEGER NOT NULL,
    "date" TEXT NOT NULL,
    "place" TEXT NOT NULL,
    "venue_capacity" INTEGER NULL,
    "topics" INTEGER NOT NULL,
    "men" INTEGER NOT NULL,
    "women" INTEGER NOT NULL,
    "pupils" INTEGER NOT NULL,
    "prospective_migrants" INTEGER NOT NULL,
    "village_officials" INTEGER NOT NULL,
    "materials" TEXT NULL,
    "outcome" TEXT NULL,
    "kanim_id" INTEGER NOT NULL,
    "area_code" TEXT NOT NULL,
    "created_utc" TEXT NOT NULL,
    "updated_utc" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    CONSTRAINT "fk_village_activities_programme_villages_village_id" FOREIGN KEY ("village_id") REFERENCES "programme_villages" ("id") ON DELETE RESTRICT
);

CREATE INDEX "ix_village_activities_kanim_id_date" ON "village_activities" ("kanim_id", "date");
CREATE INDEX "ix_village_activities_village_id_date" ON "village_activities" ("village_id", "date");

CREATE TABLE "activity_photos" (
    "id" TEXT NOT NULL CONSTRAINT "pk_activity_photos" PRIMARY KEY,
    "activity_id" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "caption" TEXT NULL,
    "uploaded_utc" TEXT NOT NULL,
    "uploaded_by" TEXT NOT NULL,
    CONSTRAINT "fk_activity_photos_village_activities_activity_id" FOREIGN KEY ("activity_id") REFERENCES "village_activities" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_activity_photos_activity_id" ON "activity_photos" ("activity_id");

CREATE TABLE "quarter_plans" (
    "id" TEXT NOT NULL CONSTRAINT "pk_quarter_plans" PRIMARY KEY,
    "village_id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "quarter" INTEGER NOT NULL,
    "planned_activities" INTEGER NOT NULL,
    "note" TEXT NULL,
    "kanim_id" INTEGER NOT NULL,
    "area_code" TEXT NOT NULL,
    "created_utc" TEXT NOT NULL,
    "updated_utc" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    CONSTRAINT "fk_quarter_plans_programme_villages_village_id" FOREIGN KEY ("village_id") REFERENCES "programme_villages" ("id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "ix_quarter_plans_village_id_year_quarter" ON "quarter_plans" ("village_id", "year", "quarter");

CREATE TABLE "consultations" (
    "id" TEXT NOT NULL CONSTRAINT "pk_consultations" PRIMARY KEY,
    "village_id" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "resident_name" TEXT NOT NULL,
    "nik" TEXT NOT NULL,
    "birth_date" TEXT NULL,
    "sex" INTEGER NULL,
    "phone" TEXT NULL,
    "destination_country" TEXT NOT NULL,
    "job" TEXT NULL,
    "recruiter" TEXT NULL,
    "recruiter_licensed" INTEGER NULL,
    "registered" INTEGER NULL,
    "signs" INTEGER NOT NULL,
    "advice" TEXT NULL,
    "follow_up" INTEGER NOT NULL,
    "closed_on" TEXT NULL,
    "kanim_id" INTEGER NOT NULL,
    "area_code" TEXT NOT NULL,
    "created_utc" TEXT NOT NULL,
    "updated_utc" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    CONSTRAINT "fk_consultations_programme_villages_village_id" FOREIGN KEY ("village_id") REFERENCES "programme_villages" ("id") ON DELETE RESTRICT
);

CREATE INDEX "ix_consultations_nik" ON "consultations" ("nik");
CREATE INDEX "ix_consultations_village_id_date" ON "consultations" ("village_id", "date");

CREATE TABLE "passport_deferrals" (
    "id" TEXT NOT NULL CONSTRAINT "pk_passport_deferrals" PRIMARY KEY,
    "village_id" TEXT NULL,
    "applicant_name" TEXT NOT NULL,
    "nik" TEXT NOT NULL,
    "birth_date" TEXT NULL,
    "sex" INTEGER NULL,
    "application_number" TEXT NULL,
    "interview_on" TEXT NOT NULL,
    "stated_purpose" TEXT NOT NULL,
    "indicated_purpose" TEXT NULL,
    "destination_country" TEXT NOT NULL,
    "reason" INTEGER NOT NULL,
    "documents_due_on" TEXT NULL,
    "outcome" INTEGER NOT NULL,
    "note" TEXT NULL,
    "follow_up" INTEGER NOT NULL,
    "kanim_id" INTEGER NOT NULL,
    "area_code" TEXT NOT NULL,
    "created_utc" TEXT NOT NULL,
    "updated_utc" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    CONSTRAINT "fk_passport_deferrals_programme_villages_village_id" FOREIGN KEY ("village_id") REFERENCES "programme_villages" ("id") ON DELETE RESTRICT
);

CREATE INDEX "ix_passport_deferrals_kanim_id_interview_on" ON "passport_deferrals" ("kanim_id", "interview_on");
CREATE INDEX "ix_passport_deferrals_nik" ON "passport_deferrals" ("nik");
CREATE INDEX "ix_passport_deferrals_village_id" ON "passport_deferrals" ("village_id");

CREATE TABLE "referrals" (
    "id" TEXT NOT NULL CONSTRAINT "pk_referrals" PRIMARY KEY,
    "consultation_id" TEXT NULL,
    "deferral_id" TEXT NULL,
    "agency" INTEGER NOT NULL,
    "sent_on" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "outcome" INTEGER NOT NULL,
    "note" TEXT NULL,
    "closed_on" TEXT NULL,
    "kanim_id" INTEGER NOT NULL,
    "area_code" TEXT NOT NULL,
    "created_utc" TEXT NOT NULL,
    "updated_utc" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    CONSTRAINT "fk_referrals_consultations_consultation_id" FOREIGN KEY ("consultation_id") REFERENCES "consultations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_referrals_passport_deferrals_deferral_id" FOREIGN KEY ("deferral_id") REFERENCES "passport_deferrals" ("id") ON DELETE RESTRICT
);

CREATE INDEX "ix_referrals_consultation_id" ON "referrals" ("consultation_id");
CREATE INDEX "ix_referrals_deferral_id" ON "referrals" ("deferral_id");
