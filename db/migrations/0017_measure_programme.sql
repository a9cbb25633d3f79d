CREATE TABLE "measure_programme_reports" (
	"year" integer NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"procedure_id" text NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"html" text NOT NULL,
	"pdf" "bytea",
	"pdf_size" integer,
	"approved_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	CONSTRAINT "measure_programme_reports_year_unique" UNIQUE("year")
);
--> statement-breakpoint
ALTER TABLE "measure_programme_reports" ADD CONSTRAINT "measure_programme_reports_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "measure_programme_reports_published" ON "measure_programme_reports" USING btree ("published_at");