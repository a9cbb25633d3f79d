-- A consultation asks departments and, through a module's source, other participants (a measure's
-- providers). Each request names who was asked as it was sent; existing requests are a department's.
ALTER TABLE "consultation_requests" ALTER COLUMN "department_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "consultation_requests" ADD COLUMN "participant_kind" text DEFAULT 'department' NOT NULL;--> statement-breakpoint
ALTER TABLE "consultation_requests" ADD COLUMN "participant_id" uuid;--> statement-breakpoint
ALTER TABLE "consultation_requests" ADD COLUMN "addressee" jsonb;--> statement-breakpoint
UPDATE "consultation_requests" r SET
	"participant_id" = r."department_id",
	"addressee" = jsonb_build_object(
		'name', d."name",
		'grammaticalGender', d."grammatical_gender",
		'nameAccusative', d."name_accusative",
		'nameDative', d."name_dative",
		'nameGenitive', d."name_genitive",
		'noun', 'Dienststelle',
		'yours', 'Ihre Dienststelle')
FROM "departments" d WHERE d."id" = r."department_id";--> statement-breakpoint
ALTER TABLE "consultation_requests" ALTER COLUMN "participant_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "consultation_requests" ALTER COLUMN "addressee" SET NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "consultation_requests_participant" ON "consultation_requests" USING btree ("consultation_id","participant_kind","participant_id");--> statement-breakpoint
ALTER TABLE "consultation_requests" ADD CONSTRAINT "consultation_requests_department_kind" CHECK (("consultation_requests"."participant_kind" = 'department') = ("consultation_requests"."department_id" is not null));
