DROP INDEX "inbound_mails_message_id";--> statement-breakpoint
ALTER TABLE "inbound_mails" ADD COLUMN "size" integer;--> statement-breakpoint
ALTER TABLE "inbound_mails" ADD COLUMN "truncated" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "inbound_mails" ADD COLUMN "received_via" text DEFAULT 'smtp' NOT NULL;--> statement-breakpoint
ALTER TABLE "inbound_mails" ADD COLUMN "lease_until" timestamp with time zone;--> statement-breakpoint
UPDATE "inbound_mails" SET "size" = octet_length("raw");--> statement-breakpoint
-- Copies stored before the Message-ID became a unique claim were rejected as "duplicate of inbound mail …";
-- they give up their Message-ID (their reason still names the first copy) so that the index can be built.
UPDATE "inbound_mails" SET "message_id" = NULL WHERE "id" IN (
  SELECT "id" FROM (
    SELECT "id", row_number() OVER (PARTITION BY "message_id" ORDER BY "received_at", "id") AS n
    FROM "inbound_mails" WHERE "message_id" IS NOT NULL
  ) copies WHERE n > 1
);--> statement-breakpoint
CREATE UNIQUE INDEX "inbound_mails_message_id_unique" ON "inbound_mails" USING btree ("message_id") WHERE "inbound_mails"."message_id" is not null;--> statement-breakpoint
CREATE INDEX "inbound_mails_unhandled" ON "inbound_mails" USING btree ("received_at") WHERE "inbound_mails"."status" = 'received';