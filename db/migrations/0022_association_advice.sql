CREATE TABLE "advice_appointments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"procedure_id" text NOT NULL,
	"round" integer NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"mode" text NOT NULL,
	"place" text NOT NULL,
	"uid" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "advice_cases" (
	"procedure_id" text PRIMARY KEY NOT NULL,
	"organisation_id" uuid,
	"organisation_name" text NOT NULL,
	"contact_name" text NOT NULL,
	"email" text NOT NULL,
	"topics" text[] NOT NULL,
	"channel" text NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"outcome" text,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "advice_proposals" (
	"procedure_id" text NOT NULL,
	"funding_call_id" uuid NOT NULL,
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "advice_proposals_procedure_id_funding_call_id_pk" PRIMARY KEY("procedure_id","funding_call_id")
);
--> statement-breakpoint
ALTER TABLE "advice_appointments" ADD CONSTRAINT "advice_appointments_procedure_id_advice_cases_procedure_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."advice_cases"("procedure_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advice_cases" ADD CONSTRAINT "advice_cases_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."procedures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advice_cases" ADD CONSTRAINT "advice_cases_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advice_proposals" ADD CONSTRAINT "advice_proposals_procedure_id_advice_cases_procedure_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."advice_cases"("procedure_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advice_proposals" ADD CONSTRAINT "advice_proposals_funding_call_id_funding_calls_id_fk" FOREIGN KEY ("funding_call_id") REFERENCES "public"."funding_calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "advice_appointments_round" ON "advice_appointments" USING btree ("procedure_id","round");--> statement-breakpoint
CREATE INDEX "advice_cases_organisation" ON "advice_cases" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "advice_cases_opened" ON "advice_cases" USING btree ("opened_at");