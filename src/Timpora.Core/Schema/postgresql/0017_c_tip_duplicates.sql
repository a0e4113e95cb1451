-- Timpora schema 0017_c (issue 29, tips): a duplicate is its own state (7), no longer a rejection (state 3 with
-- rejection 2), so its reporter still follows it and the original lists it (ADR 0033).

UPDATE tips SET state = 7, rejection = NULL WHERE state = 3 AND rejection = 2 AND duplicate_of_id IS NOT NULL;
