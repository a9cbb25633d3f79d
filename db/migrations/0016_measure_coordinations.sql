CREATE TABLE "measure_coordinations" (
	"procedure_id" text PRIMARY KEY NOT NULL,
	"measure_id" uuid NOT NULL,
	"other_measure_id" uuid NOT NULL,
	"decision" text NOT NULL,
	"concerns_measure_id" uuid,
	"reason" text NOT NULL,
	"agreement" text DEFAULT '' NOT NULL,
	"decided_by" uuid,
	"approved_by" uuid,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	"follow_up_done" boolean,
	"follow_up_note" text,
	"followed_up_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "measure_coordinations" ADD CONSTRAINT "measure_coordinations_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."procedures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_coordinations" ADD CONSTRAINT "measure_coordinations_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_coordinations" ADD CONSTRAINT "measure_coordinations_other_measure_id_measures_id_fk" FOREIGN KEY ("other_measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_coordinations" ADD CONSTRAINT "measure_coordinations_concerns_measure_id_measures_id_fk" FOREIGN KEY ("concerns_measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_coordinations" ADD CONSTRAINT "measure_coordinations_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_coordinations" ADD CONSTRAINT "measure_coordinations_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "measure_coordinations_measure" ON "measure_coordinations" USING btree ("measure_id");--> statement-breakpoint
CREATE INDEX "measure_coordinations_other" ON "measure_coordinations" USING btree ("other_measure_id");