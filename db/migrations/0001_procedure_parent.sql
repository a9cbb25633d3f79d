ALTER TABLE "procedures" ADD COLUMN "parent_id" text;--> statement-breakpoint
ALTER TABLE "procedures" ADD CONSTRAINT "procedures_parent_id_procedures_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."procedures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "procedures_parent" ON "procedures" USING btree ("parent_id");