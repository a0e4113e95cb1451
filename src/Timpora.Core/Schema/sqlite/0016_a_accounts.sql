-- Timpora schema 0016 (issue 29, administration): accounts are deactivated, not deleted; their last sign-in is kept
-- for the accounts list; a Kanwil supervisor or Kanim officer may be an office administrator. Offices carry their
-- class and a Kanwil its address (ADR 0031).

ALTER TABLE "users" ADD COLUMN "deactivated_utc" TEXT NULL;
ALTER TABLE "users" ADD COLUMN "last_sign_in_utc" TEXT NULL;
ALTER TABLE "users" ADD COLUMN "is_office_administrator" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "kanims" ADD COLUMN "office_class" TEXT NULL;
ALTER TABLE "kanwils" ADD COLUMN "address" TEXT NULL;
