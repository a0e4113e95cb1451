-- Timpora schema 0008: Timpora teams (decrees, members), meetings and minutes, action items, sanctions (TAK) and objections, public holidays, joint operations.

CREATE TABLE "public_holidays" (
    "date" TEXT NOT NULL CONSTRAINT "pk_public_holidays" PRIMARY KEY,
    "name" TEXT NOT NULL
);

CREATE TABLE "joint_operations" (
    "id" TEXT NOT NULL CONSTRAINT "pk_joint_operations" PRIMARY KEY,
    "name" TEXT NOT NULL,
    "period_start" TEXT NOT NULL,
    "period_end" TEXT NOT NULL,
    "targets" TEXT NOT NULL,
    "order_number" TEXT NOT NULL,
    "order_date" TEXT NOT NULL,
    "participants" TEXT NOT NULL,
    "kanim_id" INTEGER NOT NULL,
    "area_code" TEXT NOT NULL,
    "created_utc" TEXT NOT NULL,
    "updated_utc" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    CONSTRAINT "fk_joint_operations_kanims_kanim_id" FOREIGN KEY ("kanim_id") REFERENCES "kanims" ("id") ON DELETE RESTRICT
);

CREATE TABLE "teams" (
    "id" TEXT NOT NULL CONSTRAINT "pk_teams" PRIMARY KEY,
    "kanim_id" INTEGER NOT NULL,
    "level" INTEGER NOT NULL,
    "area_code" TEXT NULL,
    "name" TEXT NOT NULL,
    "decree_number" TEXT NOT NULL,
    "decree_date" TEXT NOT NULL,
    "period_start" TEXT NOT NULL,
    "period_end" TEXT NOT NULL,
    "created_utc" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    CONSTRAINT "fk_teams_areas_area_code" FOREIGN KEY ("area_code") REFERENCES "areas" ("code") ON DELETE RESTRICT,
    CONSTRAINT "fk_teams_kanims_kanim_id" FOREIGN KEY ("kanim_id") REFERENCES "kanims" ("id") ON DELETE RESTRICT
);

CREATE TABLE "sanctions" (
    "id" TEXT NOT NULL CONSTRAINT "pk_sanctions" PRIMARY KEY,
    "kind" INTEGER NOT NULL,
    "decision_number" TEXT NOT NULL,
    "decision_date" TEXT NOT NULL,
    "foreigner_id" TEXT NULL,
    "subject_name" TEXT NOT NULL,
    "nationality" TEXT NOT NULL,
    "passport_number" TEXT NULL,
    "grounds" TEXT NOT NULL,
    "deportation_date" TEXT NULL,
    "deportation_port" TEXT NULL,
    "carrier" TEXT NULL,
    "rudenim" TEXT NULL,
    "ban_years" INTEGER NULL,
    "ban_renewal" INTEGER NOT NULL,
    "detail" TEXT NULL,
    "charge_days" INTEGER NULL,
    "charge_rupiah" INTEGER NULL,
    "objection_filed_on" TEXT NULL,
    "objection_late_reason" TEXT NULL,
    "objection_forwarded_on" TEXT NULL,
    "objection_decided_on" TEXT NULL,
    "objection_outcome" TEXT NULL,
    "kanim_id" INTEGER NOT NULL,
    "area_code" TEXT NOT NULL,
    "created_utc" TEXT NOT NULL,
    "updated_utc" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    CONSTRAINT "fk_sanctions_foreigners_foreigner_id" FOREIGN KEY ("foreigner_id") REFERENCES "foreigners" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_sanctions_kanims_kanim_id" FOREIGN KEY ("kanim_id") REFERENCES "kanims" ("id") ON DELETE RESTRICT
);

CREATE TABLE "operation_findings" (
    "id" TEXT NOT NULL CONSTRAINT "pk_operation_findings" PRIMARY KEY,
    "operation_id" TEXT NOT NULL,
    "place" TEXT NOT NULL,
    "foreigner_id" TEXT NULL,
    "person_name" TEXT NOT NULL,
    "passport_number" TEXT NULL,
    "nationality" TEXT NULL,
    "kind" INTEGER NOT NULL,
    "evidence" TEXT NULL,
    "bap_number" TEXT NULL,
    "recorded_by" TEXT NOT NULL,
    "recorded_utc" TEXT NOT NULL,
    "kanim_id" INTEGER NOT NULL,
    "area_code" TEXT NOT NULL,
    "created_utc" TEXT NOT NULL,
    "updated_utc" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    CONSTRAINT "fk_operation_findings_foreigners_foreigner_id" FOREIGN KEY ("foreigner_id") REFERENCES "foreigners" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_operation_findings_joint_operations_operation_id" FOREIGN KEY ("operation_id") REFERENCES "joint_operations" ("id") ON DELETE CASCADE
);

CREATE TABLE "meetings" (
    "id" TEXT NOT NULL CONSTRAINT "pk_meetings" PRIMARY KEY,
    "team_id" TEXT NOT NULL,
    "kind" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "start_utc" TEXT NOT NULL,
    "end_utc" TEXT NOT NULL,
    "venue" TEXT NOT NULL,
    "basis" TEXT NULL,
    "signer_name" TEXT NULL,
    "signer_title" TEXT NULL,
    "minutes_closed_utc" TEXT NULL,
    "created_utc" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    CONSTRAINT "fk_meetings_teams_team_id" FOREIGN KEY ("team_id") REFERENCES "teams" ("id") ON DELETE CASCADE
);

CREATE TABLE "team_members" (
    "id" TEXT NOT NULL CONSTRAINT "pk_team_members" PRIMARY KEY,
    "team_id" TEXT NOT NULL,
    "person_id" TEXT NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "role" INTEGER NOT NULL,
    "full_name" TEXT NOT NULL,
    "unit_name" TEXT NOT NULL,
    "position" TEXT NULL,
    "phone" TEXT NULL,
    "email" TEXT NULL,
    "added_utc" TEXT NOT NULL,
    CONSTRAINT "fk_team_members_agency_units_unit_id" FOREIGN KEY ("unit_id") REFERENCES "agency_units" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_team_members_people_person_id" FOREIGN KEY ("person_id") REFERENCES "people" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_team_members_teams_team_id" FOREIGN KEY ("team_id") REFERENCES "teams" ("id") ON DELETE CASCADE
);

CREATE TABLE "meeting_attachments" (
    "id" TEXT NOT NULL CONSTRAINT "pk_meeting_attachments" PRIMARY KEY,
    "meeting_id" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "uploaded_by" TEXT NOT NULL,
    "uploaded_utc" TEXT NOT NULL,
    CONSTRAINT "fk_meeting_attachments_meetings_meeting_id" FOREIGN KEY ("meeting_id") REFERENCES "meetings" ("id") ON DELETE CASCADE
);

CREATE TABLE "meeting_shares" (
    "meeting_id" TEXT NOT NULL,
    "team_id" TEXT NOT NULL,
    CONSTRAINT "pk_meeting_shares" PRIMARY KEY ("meeting_id", "team_id"),
    CONSTRAINT "fk_meeting_shares_meetings_meeting_id" FOREIGN KEY ("meeting_id") REFERENCES "meetings" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_meeting_shares_teams_team_id" FOREIGN KEY ("team_id") REFERENCES "teams" ("id") ON DELETE CASCADE
);

CREATE TABLE "meeting_invitations" (
    "id" TEXT NOT NULL CONSTRAINT "pk_meeting_invitations" PRIMARY KEY,
    "meeting_id" TEXT NOT NULL,
    "member_id" TEXT NOT NULL,
    "invited_utc" TEXT NOT NULL,
    "attended_utc" TEXT NULL,
    "attendance_source" INTEGER NULL,
    CONSTRAINT "fk_meeting_invitations_meetings_meeting_id" FOREIGN KEY ("meeting_id") REFERENCES "meetings" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_meeting_invitations_team_members_member_id" FOREIGN KEY ("member_id") REFERENCES "team_members" ("id") ON DELETE RESTRICT
);

CREATE TABLE "action_items" (
    "id" TEXT NOT NULL CONSTRAINT "pk_action_items" PRIMARY KEY,
    "team_id" TEXT NOT NULL,
    "meeting_id" TEXT NOT NULL,
    "decision_id" TEXT NOT NULL,
    "owner_unit_id" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "person_in_charge" TEXT NOT NULL,
    "due_date" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "created_utc" TEXT NOT NULL,
    "closed_utc" TEXT NULL,
    "version" TEXT NOT NULL,
    CONSTRAINT "fk_action_items_agency_units_owner_unit_id" FOREIGN KEY ("owner_unit_id") REFERENCES "agency_units" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_action_items_meetings_meeting_id" FOREIGN KEY ("meeting_id") REFERENCES "meetings" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_action_items_teams_team_id" FOREIGN KEY ("team_id") REFERENCES "teams" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_action_items_meeting_outcomes_decision_id" FOREIGN KEY ("decision_id") REFERENCES "meeting_outcomes" ("id") ON DELETE RESTRICT
);

CREATE TABLE "action_notes" (
    "id" TEXT NOT NULL CONSTRAINT "pk_action_notes" PRIMARY KEY,
    "action_item_id" TEXT NOT NULL,
    "at_utc" TEXT NOT NULL,
    "author" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    CONSTRAINT "fk_action_notes_action_items_action_item_id" FOREIGN KEY ("action_item_id") REFERENCES "action_items" ("id") ON DELETE CASCADE
);

CREATE TABLE "agenda_items" (
    "id" TEXT NOT NULL CONSTRAINT "pk_agenda_items" PRIMARY KEY,
    "meeting_id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "minutes" TEXT NULL,
    "action_item_id" TEXT NULL,
    CONSTRAINT "fk_agenda_items_action_items_action_item_id" FOREIGN KEY ("action_item_id") REFERENCES "action_items" ("id") ON DELETE SET NULL,
    CONSTRAINT "fk_agenda_items_meetings_meeting_id" FOREIGN KEY ("meeting_id") REFERENCES "meetings" ("id") ON DELETE CASCADE
);

CREATE TABLE "meeting_outcomes" (
    "id" TEXT NOT NULL CONSTRAINT "pk_meeting_outcomes" PRIMARY KEY,
    "meeting_id" TEXT NOT NULL,
    "agenda_item_id" TEXT NULL,
    "kind" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    CONSTRAINT "fk_meeting_outcomes_agenda_items_agenda_item_id" FOREIGN KEY ("agenda_item_id") REFERENCES "agenda_items" ("id") ON DELETE SET NULL,
    CONSTRAINT "fk_meeting_outcomes_meetings_meeting_id" FOREIGN KEY ("meeting_id") REFERENCES "meetings" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_joint_operations_kanim_id_period_start" ON "joint_operations" ("kanim_id", "period_start");
CREATE INDEX "ix_teams_area_code" ON "teams" ("area_code");
CREATE INDEX "ix_teams_kanim_id_level" ON "teams" ("kanim_id", "level");
CREATE INDEX "ix_sanctions_foreigner_id" ON "sanctions" ("foreigner_id");
CREATE INDEX "ix_sanctions_kanim_id_decision_date" ON "sanctions" ("kanim_id", "decision_date");
CREATE INDEX "ix_operation_findings_foreigner_id" ON "operation_findings" ("foreigner_id");
CREATE INDEX "ix_operation_findings_operation_id" ON "operation_findings" ("operation_id");
CREATE INDEX "ix_meetings_team_id_start_utc" ON "meetings" ("team_id", "start_utc");
CREATE INDEX "ix_team_members_person_id" ON "team_members" ("person_id");
CREATE UNIQUE INDEX "ix_team_members_team_id_person_id" ON "team_members" ("team_id", "person_id");
CREATE INDEX "ix_team_members_unit_id" ON "team_members" ("unit_id");
CREATE INDEX "ix_meeting_attachments_meeting_id" ON "meeting_attachments" ("meeting_id");
CREATE INDEX "ix_meeting_shares_team_id" ON "meeting_shares" ("team_id");
CREATE UNIQUE INDEX "ix_meeting_invitations_meeting_id_member_id" ON "meeting_invitations" ("meeting_id", "member_id");
CREATE INDEX "ix_meeting_invitations_member_id" ON "meeting_invitations" ("member_id");
CREATE INDEX "ix_action_items_decision_id" ON "action_items" ("decision_id");
CREATE INDEX "ix_action_items_meeting_id" ON "action_items" ("meeting_id");
CREATE INDEX "ix_action_items_owner_unit_id_status" ON "action_items" ("owner_unit_id", "status");
CREATE INDEX "ix_action_items_team_id_status" ON "action_items" ("team_id", "status");
CREATE INDEX "ix_action_notes_action_item_id" ON "action_notes" ("action_item_id");
CREATE INDEX "ix_agenda_items_action_item_id" ON "agenda_items" ("action_item_id");
CREATE INDEX "ix_agenda_items_meeting_id_number" ON "agenda_items" ("meeting_id", "number");
CREATE INDEX "ix_meeting_outcomes_agenda_item_id" ON "meeting_outcomes" ("agenda_item_id");
CREATE INDEX "ix_meeting_outcomes_meeting_id_number" ON "meeting_outcomes" ("meeting_id", "number");

-- National public holidays of 2025 and 2026 that are certain: fixed dates, the 2025 decree's moving dates, and the
-- dates computed from Easter and the Chinese calendar in 2026. The 2026 Islamic, Nyepi and Waisak dates and collective
-- leave days are added by an administrator (Admin/Holidays) once the joint decree is published.
INSERT INTO public_holidays (date, name) VALUES
    ('2025-01-01', 'Tahun Baru 2025 Masehi'),
    ('2025-01-27', 'Isra Mikraj Nabi Muhammad SAW'),
    ('2025-01-29', 'Tahun Baru Imlek 2576 Kongzili'),
    ('2025-03-29', 'Hari Suci Nyepi (Tahun Baru Saka 1947)'),
    ('2025-03-31', 'Idulfitri 1446 Hijriah'),
    ('2025-04-01', 'Idulfitri 1446 Hijriah'),
    ('2025-04-18', 'Wafat Yesus Kristus'),
    ('2025-04-20', 'Kebangkitan Yesus Kristus (Paskah)'),
    ('2025-05-01', 'Hari Buruh Internasional'),
    ('2025-05-12', 'Hari Raya Waisak 2569 BE'),
    ('2025-05-29', 'Kenaikan Yesus Kristus'),
    ('2025-06-01', 'Hari Lahir Pancasila'),
    ('2025-06-06', 'Iduladha 1446 Hijriah'),
    ('2025-06-27', 'Tahun Baru Islam 1447 Hijriah'),
    ('2025-08-17', 'Hari Kemerdekaan Republik Indonesia'),
    ('2025-09-05', 'Maulid Nabi Muhammad SAW'),
    ('2025-12-25', 'Hari Raya Natal'),
    ('2026-01-01', 'Tahun Baru 2026 Masehi'),
    ('2026-02-17', 'Tahun Baru Imlek 2577 Kongzili'),
    ('2026-04-03', 'Wafat Yesus Kristus'),
    ('2026-04-05', 'Kebangkitan Yesus Kristus (Paskah)'),
    ('2026-05-01', 'Hari Buruh Internasional'),
    ('2026-05-14', 'Kenaikan Yesus Kristus'),
    ('2026-06-01', 'Hari Lahir Pancasila'),
    ('2026-08-17', 'Hari Kemerdekaan Republik Indonesia'),
    ('2026-12-25', 'Hari Raya Natal');
