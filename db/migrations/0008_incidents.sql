CREATE TABLE "incidents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"kind" text NOT NULL,
	"procedure_id" text,
	"subject" text NOT NULL,
	"error" text NOT NULL,
	"attempts" integer NOT NULL,
	"target" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"since" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"notified_at" timestamp with time zone,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE UNIQUE INDEX "incidents_open_key" ON "incidents" USING btree ("key") WHERE "incidents"."resolved_at" is null;--> statement-breakpoint
CREATE INDEX "incidents_procedure" ON "incidents" USING btree ("procedure_id") WHERE "incidents"."resolved_at" is null;