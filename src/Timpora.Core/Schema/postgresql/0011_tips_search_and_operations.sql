-- Timpora schema 0011: the tips' search text with a trigram index (ADR 0014), and a tip's link to the joint
-- operation record it was escalated to.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

ALTER TABLE tips ADD operation_id uuid;

ALTER TABLE tips ADD search_text text GENERATED ALWAYS AS (upper(account || ' ' || coalesce(subject_name, '') || ' ' || coalesce(place, ''))) STORED NOT NULL;

ALTER TABLE tips ADD CONSTRAINT fk_tips_joint_operations_operation_id FOREIGN KEY (operation_id) REFERENCES joint_operations (id) ON DELETE RESTRICT;

CREATE INDEX ix_tips_operation_id ON tips (operation_id);

CREATE INDEX ix_tips_search_text ON tips USING gin (search_text gin_trgm_ops);
