-- Timpora schema 0008: Timpora teams (decrees, members), meetings and minutes, action items, sanctions (TAK) and objections, public holidays, joint operations.

CREATE TABLE public_holidays (
    date date NOT NULL,
    name character varying(200) NOT NULL,
    CONSTRAINT pk_public_holidays PRIMARY KEY (date)
);

CREATE TABLE joint_operations (
    id uuid NOT NULL,
    name character varying(300) NOT NULL,
    period_start date NOT NULL,
    period_end date NOT NULL,
    targets character varying(4000) NOT NULL,
    order_number character varying(100) NOT NULL,
    order_date date NOT NULL,
    participants character varying(4000) NOT NULL,
    kanim_id integer NOT NULL,
    area_code character varying(13) NOT NULL,
    created_utc timestamp with time zone NOT NULL,
    updated_utc timestamp with time zone NOT NULL,
    version uuid NOT NULL,
    CONSTRAINT pk_joint_operations PRIMARY KEY (id),
    CONSTRAINT fk_joint_operations_kanims_kanim_id FOREIGN KEY (kanim_id) REFERENCES kanims (id) ON DELETE RESTRICT
);

CREATE TABLE teams (
    id uuid NOT NULL,
    kanim_id integer NOT NULL,
    level integer NOT NULL,
    area_code character varying(13),
    name character varying(300) NOT NULL,
    decree_number character varying(100) NOT NULL,
    decree_date date NOT NULL,
    period_start date NOT NULL,
    period_end date NOT NULL,
    created_utc timestamp with time zone NOT NULL,
    version uuid NOT NULL,
    CONSTRAINT pk_teams PRIMARY KEY (id),
    CONSTRAINT fk_teams_areas_area_code FOREIGN KEY (area_code) REFERENCES areas (code) ON DELETE RESTRICT,
    CONSTRAINT fk_teams_kanims_kanim_id FOREIGN KEY (kanim_id) REFERENCES kanims (id) ON DELETE RESTRICT
);

CREATE TABLE sanctions (
    id uuid NOT NULL,
    kind integer NOT NULL,
    decision_number character varying(100) NOT NULL,
    decision_date date NOT NULL,
    foreigner_id uuid,
    subject_name character varying(260) NOT NULL,
    nationality character varying(3) NOT NULL,
    passport_number character varying(20),
    grounds character varying(2000) NOT NULL,
    deportation_date date,
    deportation_port character varying(200),
    carrier character varying(200),
    rudenim character varying(200),
    ban_years integer,
    ban_renewal boolean NOT NULL,
    detail character varying(1000),
    charge_days integer,
    charge_rupiah bigint,
    objection_filed_on date,
    objection_late_reason character varying(1000),
    objection_forwarded_on date,
    objection_decided_on date,
    objection_outcome character varying(1000),
    kanim_id integer NOT NULL,
    area_code character varying(13) NOT NULL,
    created_utc timestamp with time zone NOT NULL,
    updated_utc timestamp with time zone NOT NULL,
    version uuid NOT NULL,
    CONSTRAINT pk_sanctions PRIMARY KEY (id),
    CONSTRAINT fk_sanctions_foreigners_foreigner_id FOREIGN KEY (foreigner_id) REFERENCES foreigners (id) ON DELETE RESTRICT,
    CONSTRAINT fk_sanctions_kanims_kanim_id FOREIGN KEY (kanim_id) REFERENCES kanims (id) ON DELETE RESTRICT
);

CREATE TABLE operation_findings (
    id uuid NOT NULL,
    operation_id uuid NOT NULL,
    place character varying(300) NOT NULL,
    foreigner_id uuid,
    person_name character varying(260) NOT NULL,
    passport_number character varying(20),
    nationality character varying(3),
    kind integer NOT NULL,
    evidence character varying(2000),
    bap_number character varying(100),
    recorded_by character varying(256) NOT NULL,
    recorded_utc timestamp with time zone NOT NULL,
    kanim_id integer NOT NULL,
    area_code character varying(13) NOT NULL,
    created_utc timestamp with time zone NOT NULL,
    updated_utc timestamp with time zone NOT NULL,
    version uuid NOT NULL,
    CONSTRAINT pk_operation_findings PRIMARY KEY (id),
    CONSTRAINT fk_operation_findings_foreigners_foreigner_id FOREIGN KEY (foreigner_id) REFERENCES foreigners (id) ON DELETE RESTRICT,
    CONSTRAINT fk_operation_findings_joint_operations_operation_id FOREIGN KEY (operation_id) REFERENCES joint_operations (id) ON DELETE CASCADE
);

CREATE TABLE meetings (
    id uuid NOT NULL,
    team_id uuid NOT NULL,
    kind integer NOT NULL,
    title character varying(300) NOT NULL,
    start_utc timestamp with time zone NOT NULL,
    end_utc timestamp with time zone NOT NULL,
    venue character varying(300) NOT NULL,
    basis character varying(2000),
    signer_name character varying(200),
    signer_title character varying(200),
    minutes_closed_utc timestamp with time zone,
    created_utc timestamp with time zone NOT NULL,
    version uuid NOT NULL,
    CONSTRAINT pk_meetings PRIMARY KEY (id),
    CONSTRAINT fk_meetings_teams_team_id FOREIGN KEY (team_id) REFERENCES teams (id) ON DELETE CASCADE
);

CREATE TABLE team_members (
    id uuid NOT NULL,
    team_id uuid NOT NULL,
    person_id uuid NOT NULL,
    unit_id integer NOT NULL,
    role integer NOT NULL,
    full_name character varying(200) NOT NULL,
    unit_name character varying(200) NOT NULL,
    position character varying(200),
    phone character varying(30),
    email character varying(200),
    added_utc timestamp with time zone NOT NULL,
    CONSTRAINT pk_team_members PRIMARY KEY (id),
    CONSTRAINT fk_team_members_agency_units_unit_id FOREIGN KEY (unit_id) REFERENCES agency_units (id) ON DELETE RESTRICT,
    CONSTRAINT fk_team_members_people_person_id FOREIGN KEY (person_id) REFERENCES people (id) ON DELETE RESTRICT,
    CONSTRAINT fk_team_members_teams_team_id FOREIGN KEY (team_id) REFERENCES teams (id) ON DELETE CASCADE
);

CREATE TABLE meeting_attachments (
    id uuid NOT NULL,
    meeting_id uuid NOT NULL,
    file_name character varying(260) NOT NULL,
    content_type character varying(100) NOT NULL,
    size bigint NOT NULL,
    uploaded_by character varying(256) NOT NULL,
    uploaded_utc timestamp with time zone NOT NULL,
    CONSTRAINT pk_meeting_attachments PRIMARY KEY (id),
    CONSTRAINT fk_meeting_attachments_meetings_meeting_id FOREIGN KEY (meeting_id) REFERENCES meetings (id) ON DELETE CASCADE
);

CREATE TABLE meeting_shares (
    meeting_id uuid NOT NULL,
    team_id uuid NOT NULL,
    CONSTRAINT pk_meeting_shares PRIMARY KEY (meeting_id, team_id),
    CONSTRAINT fk_meeting_shares_meetings_meeting_id FOREIGN KEY (meeting_id) REFERENCES meetings (id) ON DELETE CASCADE,
    CONSTRAINT fk_meeting_shares_teams_team_id FOREIGN KEY (team_id) REFERENCES teams (id) ON DELETE CASCADE
);

CREATE TABLE meeting_invitations (
    id uuid NOT NULL,
    meeting_id uuid NOT NULL,
    member_id uuid NOT NULL,
    invited_utc timestamp with time zone NOT NULL,
    attended_utc timestamp with time zone,
    attendance_source integer,
    CONSTRAINT pk_meeting_invitations PRIMARY KEY (id),
    CONSTRAINT fk_meeting_invitations_meetings_meeting_id FOREIGN KEY (meeting_id) REFERENCES meetings (id) ON DELETE CASCADE,
    CONSTRAINT fk_meeting_invitations_team_members_member_id FOREIGN KEY (member_id) REFERENCES team_members (id) ON DELETE RESTRICT
);

CREATE TABLE action_items (
    id uuid NOT NULL,
    team_id uuid NOT NULL,
    meeting_id uuid NOT NULL,
    decision_id uuid NOT NULL,
    owner_unit_id integer NOT NULL,
    title character varying(500) NOT NULL,
    person_in_charge character varying(200) NOT NULL,
    due_date date NOT NULL,
    status integer NOT NULL,
    created_utc timestamp with time zone NOT NULL,
    closed_utc timestamp with time zone,
    version uuid NOT NULL,
    CONSTRAINT pk_action_items PRIMARY KEY (id),
    CONSTRAINT fk_action_items_agency_units_owner_unit_id FOREIGN KEY (owner_unit_id) REFERENCES agency_units (id) ON DELETE RESTRICT,
    CONSTRAINT fk_action_items_meetings_meeting_id FOREIGN KEY (meeting_id) REFERENCES meetings (id) ON DELETE RESTRICT,
    CONSTRAINT fk_action_items_teams_team_id FOREIGN KEY (team_id) REFERENCES teams (id) ON DELETE RESTRICT
);

CREATE TABLE action_notes (
    id uuid NOT NULL,
    action_item_id uuid NOT NULL,
    at_utc timestamp with time zone NOT NULL,
    author character varying(256) NOT NULL,
    text character varying(2000) NOT NULL,
    status integer NOT NULL,
    CONSTRAINT pk_action_notes PRIMARY KEY (id),
    CONSTRAINT fk_action_notes_action_items_action_item_id FOREIGN KEY (action_item_id) REFERENCES action_items (id) ON DELETE CASCADE
);

CREATE TABLE agenda_items (
    id uuid NOT NULL,
    meeting_id uuid NOT NULL,
    number integer NOT NULL,
    title character varying(300) NOT NULL,
    minutes character varying(8000),
    action_item_id uuid,
    CONSTRAINT pk_agenda_items PRIMARY KEY (id),
    CONSTRAINT fk_agenda_items_action_items_action_item_id FOREIGN KEY (action_item_id) REFERENCES action_items (id) ON DELETE SET NULL,
    CONSTRAINT fk_agenda_items_meetings_meeting_id FOREIGN KEY (meeting_id) REFERENCES meetings (id) ON DELETE CASCADE
);

CREATE TABLE meeting_outcomes (
    id uuid NOT NULL,
    meeting_id uuid NOT NULL,
    agenda_item_id uuid,
    kind integer NOT NULL,
    number integer NOT NULL,
    text character varying(2000) NOT NULL,
    CONSTRAINT pk_meeting_outcomes PRIMARY KEY (id),
    CONSTRAINT fk_meeting_outcomes_agenda_items_agenda_item_id FOREIGN KEY (agenda_item_id) REFERENCES agenda_items (id) ON DELETE SET NULL,
    CONSTRAINT fk_meeting_outcomes_meetings_meeting_id FOREIGN KEY (meeting_id) REFERENCES meetings (id) ON DELETE CASCADE
);

CREATE INDEX ix_joint_operations_kanim_id_period_start ON joint_operations (kanim_id, period_start);
CREATE INDEX ix_teams_area_code ON teams (area_code);
CREATE INDEX ix_teams_kanim_id_level ON teams (kanim_id, level);
CREATE INDEX ix_sanctions_foreigner_id ON sanctions (foreigner_id);
CREATE INDEX ix_sanctions_kanim_id_decision_date ON sanctions (kanim_id, decision_date);
CREATE INDEX ix_operation_findings_foreigner_id ON operation_findings (foreigner_id);
CREATE INDEX ix_operation_findings_operation_id ON operation_findings (operation_id);
CREATE INDEX ix_meetings_team_id_start_utc ON meetings (team_id, start_utc);
CREATE INDEX ix_team_members_person_id ON team_members (person_id);
CREATE UNIQUE INDEX ix_team_members_team_id_person_id ON team_members (team_id, person_id);
CREATE INDEX ix_team_members_unit_id ON team_members (unit_id);
CREATE INDEX ix_meeting_attachments_meeting_id ON meeting_attachments (meeting_id);
CREATE INDEX ix_meeting_shares_team_id ON meeting_shares (team_id);
CREATE UNIQUE INDEX ix_meeting_invitations_meeting_id_member_id ON meeting_invitations (meeting_id, member_id);
CREATE INDEX ix_meeting_invitations_member_id ON meeting_invitations (member_id);
CREATE INDEX ix_action_items_decision_id ON action_items (decision_id);
CREATE INDEX ix_action_items_meeting_id ON action_items (meeting_id);
CREATE INDEX ix_action_items_owner_unit_id_status ON action_items (owner_unit_id, status);
CREATE INDEX ix_action_items_team_id_status ON action_items (team_id, status);
CREATE INDEX ix_action_notes_action_item_id ON action_notes (action_item_id);
CREATE INDEX ix_agenda_items_action_item_id ON agenda_items (action_item_id);
CREATE INDEX ix_agenda_items_meeting_id_number ON agenda_items (meeting_id, number);
CREATE INDEX ix_meeting_outcomes_agenda_item_id ON meeting_outcomes (agenda_item_id);
CREATE INDEX ix_meeting_outcomes_meeting_id_number ON meeting_outcomes (meeting_id, number);
ALTER TABLE action_items ADD CONSTRAINT fk_action_items_meeting_outcomes_decision_id FOREIGN KEY (decision_id) REFERENCES meeting_outcomes (id) ON DELETE RESTRICT;

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
