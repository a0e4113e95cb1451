-- Timpora schema 0003: bulk files of guest check-ins, processed in the background.

CREATE TABLE bulk_imports (
    id uuid NOT NULL,
    provider_id uuid NOT NULL,
    file_name character varying(260) NOT NULL,
    format integer NOT NULL,
    status integer NOT NULL,
    total_rows integer NOT NULL,
    processed_rows integer NOT NULL,
    accepted integer NOT NULL,
    rejected integer NOT NULL,
    started_utc timestamp with time zone,
    finished_utc timestamp with time zone,
    created_by character varying(256) NOT NULL,
    time_zone_id character varying(50) NOT NULL,
    culture character varying(10) NOT NULL,
    error character varying(1000),
    content bytea NOT NULL,
    result bytea,
    kanim_id integer NOT NULL,
    area_code character varying(13) NOT NULL,
    created_utc timestamp with time zone NOT NULL,
    updated_utc timestamp with time zone NOT NULL,
    version uuid NOT NULL,
    CONSTRAINT pk_bulk_imports PRIMARY KEY (id),
    CONSTRAINT fk_bulk_imports_providers_provider_id FOREIGN KEY (provider_id) REFERENCES providers (id) ON DELETE RESTRICT
);

CREATE INDEX ix_bulk_imports_provider_id_created_utc ON bulk_imports (provider_id, created_utc);

CREATE INDEX ix_bulk_imports_status_created_utc ON bulk_imports (status, created_utc);
