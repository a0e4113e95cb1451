-- Timpora schema 0013: indexes that answer the inbox's combined filters without reading the tips themselves
-- (ADR 0018): state with kind in order, the area with the channel, and the open tips (Assigned = 4,
-- InFollowUp = 5) with their due dates for the overdue and due-soon views. The area index gains the channel.

DROP INDEX "ix_tips_kanim_id_area_code_created_utc";

CREATE INDEX "ix_tips_kanim_id_area_code_channel_created_utc" ON "tips" ("kanim_id", "area_code", "channel", "created_utc");

CREATE INDEX "ix_tips_kanim_id_created_utc_due_utc" ON "tips" ("kanim_id", "created_utc", "due_utc") WHERE state IN (4, 5);

CREATE INDEX "ix_tips_kanim_id_state_kind_created_utc" ON "tips" ("kanim_id", "state", "kind", "created_utc");
