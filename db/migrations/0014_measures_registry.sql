-- The duplicate check compares measures' titles and descriptions by trigrams (pg_trgm, a trusted
-- extension shipped with PostgreSQL: a database owner may create it).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE TABLE "districts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"number" integer,
	"parent_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "districts_kind" CHECK ("districts"."kind" in ('stadtbezirk', 'stadtteil')),
	CONSTRAINT "districts_parent" CHECK (("districts"."kind" = 'stadtteil') = ("districts"."parent_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "measures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"provider_id" uuid NOT NULL,
	"field_of_action" text NOT NULL,
	"target_groups" text[] DEFAULT '{}'::text[] NOT NULL,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"district_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"places_per_year" integer,
	"participants_per_year" integer,
	"funding_lines" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('german', "title"), 'A') || setweight(to_tsvector('german', "description"), 'B')) STORED NOT NULL,
	CONSTRAINT "measures_period" CHECK ("measures"."ends_on" is null or "measures"."ends_on" >= "measures"."starts_on"),
	CONSTRAINT "measures_counts" CHECK (coalesce("measures"."places_per_year", 0) >= 0 and coalesce("measures"."participants_per_year", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "providers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"street" text DEFAULT '' NOT NULL,
	"postal_code" text DEFAULT '' NOT NULL,
	"city" text DEFAULT 'Köln' NOT NULL,
	"email" text,
	"phone" text,
	"website" text,
	"contacts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"district_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"department_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "districts" ADD CONSTRAINT "districts_parent_id_districts_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "providers" ADD CONSTRAINT "providers_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "providers" ADD CONSTRAINT "providers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "districts_kind_name" ON "districts" USING btree ("kind",lower("name"));--> statement-breakpoint
CREATE INDEX "measures_provider" ON "measures" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "measures_districts" ON "measures" USING gin ("district_ids");--> statement-breakpoint
CREATE INDEX "measures_search" ON "measures" USING gin ("search");--> statement-breakpoint
CREATE INDEX "measures_title_trgm" ON "measures" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "measures_description_trgm" ON "measures" USING gin ("description" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "providers_name" ON "providers" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "providers_districts" ON "providers" USING gin ("district_ids");