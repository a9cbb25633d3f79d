ALTER TABLE "procedures" ADD COLUMN "current_step_key" text;--> statement-breakpoint
-- Running procedures started before: the step they stand at is the last one recorded as current
-- (a recorded step or a task's creation), in the form recordedStep (workflows/step-map.ts) gives it.
UPDATE "procedures" AS p SET "current_step_key" = (
  SELECT CASE WHEN e."kind" = 'task.created'
              THEN regexp_replace(regexp_replace(e."key", '^task:(.*):created$', '\1'), '-\d+$', '')
              ELSE e."key" END
  FROM "procedure_events" AS e
  WHERE e."procedure_id" = p."id" AND e."kind" IN ('step', 'task.created')
  ORDER BY e."id" DESC LIMIT 1
) WHERE p."status" = 'running';
