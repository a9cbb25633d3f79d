CREATE TABLE "funding_calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source" text NOT NULL,
	"funder" text NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"topics" text[] DEFAULT '{}'::text[] NOT NULL,
	"budget" numeric(14, 2),
	"cofinancing_share" numeric(5, 2),
	"submission_deadline" timestamp with time zone,
	"link" text NOT NULL,
	"origin" text DEFAULT 'manual' NOT NULL,
	"feed_url" text,
	"review_procedure_id" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funding_calls_link_unique" UNIQUE("link")
);
--> statement-breakpoint
ALTER TABLE "funding_calls" ADD CONSTRAINT "funding_calls_review_procedure_id_procedures_id_fk" FOREIGN KEY ("review_procedure_id") REFERENCES "public"."procedures"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_calls" ADD CONSTRAINT "funding_calls_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "funding_calls_deadline" ON "funding_calls" USING btree ("submission_deadline");--> statement-breakpoint
CREATE INDEX "funding_calls_created" ON "funding_calls" USING btree ("created_at");