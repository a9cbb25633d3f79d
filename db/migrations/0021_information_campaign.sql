CREATE TABLE "campaign_flyers" (
	"procedure_id" text NOT NULL,
	"language" text NOT NULL,
	"title" text NOT NULL,
	"text" text NOT NULL,
	"letter" text NOT NULL,
	"pdf" "bytea" NOT NULL,
	"pdf_size" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_flyers_procedure_id_language_pk" PRIMARY KEY("procedure_id","language")
);
--> statement-breakpoint
CREATE TABLE "campaign_mailings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"procedure_id" text NOT NULL,
	"contact_id" uuid,
	"organisation_id" uuid,
	"language" text NOT NULL,
	"request_id" uuid NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "campaign_flyers" ADD CONSTRAINT "campaign_flyers_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."procedures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_mailings" ADD CONSTRAINT "campaign_mailings_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."procedures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_mailings" ADD CONSTRAINT "campaign_mailings_contact_id_organisation_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."organisation_contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_mailings" ADD CONSTRAINT "campaign_mailings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_mailings_once" ON "campaign_mailings" USING btree ("request_id","contact_id");--> statement-breakpoint
CREATE INDEX "campaign_mailings_procedure" ON "campaign_mailings" USING btree ("procedure_id");