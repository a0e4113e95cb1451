-- Timpora schema 0009: the Desa Binaan Imigrasi programme (villages, officers, activities, consultations, deferrals, referrals).

CREATE TABLE programme_villages (
    id uuid NOT NULL,
    name character varying(200) NOT NULL,
    status integer NOT NULL,
    proposed_on date NOT NULL,
    proposed_by character varying(256),
    evidence character varying(4000),
    consent_on date,
    consent_document character varying(200),
    decree_number character varying(100),
    decree_on date,
    established_on date,
    certificate_installed_on date,
    notice_board_installed_on date,
    messaging_group_link character varying(300),
    latitude double precision,
    longitude double precision,
    status_note character varying(500),
    criteria_border integer NOT NULL,
    criteria_low_education integer NOT NULL,
    criteria_migrant_workers integer NOT NULL,
    criteria_poverty integer NOT NULL,
    criteria_unemployment integer NOT NULL,
    criteria_young_population integer NOT NULL,
    kanim_id integer NOT NULL,
    area_code character varying(13) NOT NULL,
    created_utc timestamp with time zone NOT NULL,
    updated_utc timestamp with time zone NOT NULL,
    version uuid NOT NULL,
    CONSTRAINT pk_programme_villages PRIMARY KEY (id),
    CONSTRAINT fk_programme_villages_areas_area_code FOREIGN KEY (area_code) REFERENCES areas (code) ON DELETE RESTRICT,
    CONSTRAINT fk_programme_villages_kanims_kanim_id FOREIGN KEY (kanim_id) REFERENCES kanims (id) ON DELETE RESTRICT
);

CREATE UNIQUE INDEX ix_programme_villages_area_code ON programme_villages (area_code);
CREATE INDEX ix_programme_villages_kanim_id_status ON programme_villages (kanim_id, status);

CREATE TABLE village_contacts (
    id uuid NOT NULL,
    village_id uuid NOT NULL,
    role integer NOT NULL,
    full_name character varying(200) NOT NULL,
    phone character varying(30),
    kanim_id integer NOT NULL,
    area_code character varying(13) NOT NULL,
    created_utc timestamp with time zone NOT NULL,
    updated_utc timestamp with time zone NOT NULL,
    version uuid NOT NULL,
    CONSTRAINT pk_village_contacts PRIMARY KEY (id),
    CONSTRAINT fk_village_contacts_programme_villages_village_id FOREIGN KEY (village_id) REFERENCES programme_villages (id) ON DELETE CASCADE
);

CREATE INDEX ix_village_contacts_village_id ON village_contacts (village_id);

CREATE TABLE pimpasa_officers (
    user_id text NOT NULL,
    kanim_id integer NOT NULL,
    decree_number character varying(100),
    decree_on date,
    inaugurated_on date,
    CONSTRAINT pk_pimpasa_officers PRIMARY KEY (user_id),
    CONSTRAINT fk_pimpasa_officers_kanims_kanim_id FOREIGN KEY (kanim_id) REFERENCES kanims (id) ON DELETE RESTRICT,
    CONSTRAINT fk_pimpasa_officers_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE INDEX ix_pimpasa_officers_kanim_id ON pimpasa_officers (kanim_id);

CREATE TABLE village_activities (
    id uuid NOT NULL,
    village_id uuid NOT NULL,
    kind integer NOT NULL,
    status integer NOT NULL,
    date date NOT NULL,
    place character varying(200) NOT NULL,
    venue_capacity integer,
    topics integer NOT NULL,
    men integer NOT NULL,
    women integer NOT NULL,
    pupils integer NOT NULL,
    prospective_migrants integer NOT NULL,
    village_officials integer NOT NULL,
    materials character varying(2000),
    outcome character varying(2000),
    kanim_id integer NOT NULL,
    area_code character varying(13) NOT NULL,
    created_utc timestamp with time zone NOT NULL,
    updated_utc timestamp with time zone NOT NULL,
    version uuid NOT NULL,
    CONSTRAINT pk_village_activities PRIMARY KEY (id),
    CONSTRAINT fk_village_activities_programme_villages_village_id FOREIGN KEY (village_id) REFERENCES programme_villages (id) ON DELETE RESTRICT
);

CREATE INDEX ix_village_activities_kanim_id_date ON village_activities (kanim_id, date);
CREATE INDEX ix_village_activities_village_id_date ON village_activities (village_id, date);

CREATE TABLE activity_photos (
    id uuid NOT NULL,
    activity_id uuid NOT NULL,
    content_type character varying(20) NOT NULL,
    size bigint NOT NULL,
    caption character varying(200),
    uploaded_utc timestamp with time zone NOT NULL,
    uploaded_by character varying(256) NOT NULL,
    CONSTRAINT pk_activity_photos PRIMARY KEY (id),
    CONSTRAINT fk_activity_photos_village_activities_activity_id FOREIGN KEY (activity_id) REFERENCES village_activities (id) ON DELETE CASCADE
);

CREATE INDEX ix_activity_photos_activity_id ON activity_photos (activity_id);

CREATE TABLE quarter_plans (
    id uuid NOT NULL,
    village_id uuid NOT NULL,
    year integer NOT NULL,
    quarter integer NOT NULL,
    planned_activities integer NOT NULL,
    note character varying(1000),
    kanim_id integer NOT NULL,
    area_code character varying(13) NOT NULL,
    created_utc timestamp with time zone NOT NULL,
    updated_utc timestamp with time zone NOT NULL,
    version uuid NOT NULL,
    CONSTRAINT pk_quarter_plans PRIMARY KEY (id),
    CONSTRAINT fk_quarter_plans_programme_villages_village_id FOREIGN KEY (village_id) REFERENCES programme_villages (id) ON DELETE RESTRICT
);

CREATE UNIQUE INDEX ix_quarter_plans_village_id_year_quarter ON quarter_plans (village_id, year, quarter);

CREATE TABLE consultations (
    id uuid NOT NULL,
    village_id uuid NOT NULL,
    date date NOT NULL,
    resident_name character varying(200) NOT NULL,
    nik character varying(16) NOT NULL,
    birth_date date,
    sex integer,
    phone character varying(30),
    destination_country character varying(3) NOT NULL,
    job character varying(200),
    recruiter character varying(200),
    recruiter_licensed boolean,
    registered boolean,
    signs integer NOT NULL,
    advice character varying(2000),
    follow_up integer NOT NULL,
    closed_on date,
    kanim_id integer NOT NULL,
    area_code character varying(13) NOT NULL,
    created_utc timestamp with time zone NOT NULL,
    updated_utc timestamp with time zone NOT NULL,
    version uuid NOT NULL,
    CONSTRAINT pk_consultations PRIMARY KEY (id),
    CONSTRAINT fk_consultations_programme_villages_village_id FOREIGN KEY (village_id) REFERENCES programme_villages (id) ON DELETE RESTRICT
);

CREATE INDEX ix_consultations_nik ON consultations (nik);
CREATE INDEX ix_consultations_village_id_date ON consultations (village_id, date);

CREATE TABLE passport_deferrals (
    id uuid NOT NULL,
    village_id uuid,
    applicant_name character varying(200) NOT NULL,
    nik character varying(16) NOT NULL,
    birth_date date,
    sex integer,
    application_number character varying(50),
    interview_on date NOT NULL,
    stated_purpose character varying(200) NOT NULL,
    indicated_purpose character varying(200),
    destination_country character varying(3) NOT NULL,
    reason integer NOT NULL,
    documents_due_on date,
    outcome integer NOT NULL,
    note character varying(2000),
    follow_up integer NOT NULL,
    kanim_id integer NOT NULL,
    area_code character varying(13) NOT NULL,
    created_utc timestamp with time zone NOT NULL,
    updated_utc timestamp with time zone NOT NULL,
    version uuid NOT NULL,
    CONSTRAINT pk_passport_deferrals PRIMARY KEY (id),
    CONSTRAINT fk_passport_deferrals_programme_villages_village_id FOREIGN KEY (village_id) REFERENCES programme_villages (id) ON DELETE RESTRICT
);

CREATE INDEX ix_passport_deferrals_kanim_id_interview_on ON passport_deferrals (kanim_id, interview_on);
CREATE INDEX ix_passport_deferrals_nik ON passport_deferrals (nik);
CREATE INDEX ix_passport_deferrals_village_id ON passport_deferrals (village_id);

CREATE TABLE referrals (
    id uuid NOT NULL,
    consultation_id uuid,
    deferral_id uuid,
    agency integer NOT NULL,
    sent_on date NOT NULL,
    status integer NOT NULL,
    outcome integer NOT NULL,
    note character varying(1000),
    closed_on date,
    kanim_id integer NOT NULL,
    area_code character varying(13) NOT NULL,
    created_utc timestamp with time zone NOT NULL,
    updated_utc timestamp with time zone NOT NULL,
    version uuid NOT NULL,
    CONSTRAINT pk_referrals PRIMARY KEY (id),
    CONSTRAINT fk_referrals_consultations_consultation_id FOREIGN KEY (consultation_id) REFERENCES consultations (id) ON DELETE RESTRICT,
    CONSTRAINT fk_referrals_passport_deferrals_deferral_id FOREIGN KEY (deferral_id) REFERENCES passport_deferrals (id) ON DELETE RESTRICT
);

CREATE INDEX ix_referrals_consultation_id ON referrals (consultation_id);
CREATE INDEX ix_referrals_deferral_id ON referrals (deferral_id);
