CREATE TABLE "workflow_commands" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"kind" text NOT NULL,
	"workflow_id" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp with time zone,
	CONSTRAINT "workflow_commands_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE INDEX "workflow_commands_due" ON "workflow_commands" USING btree ("next_attempt_at") WHERE "workflow_commands"."status" in ('pending', 'retry', 'delivering');--> statement-breakpoint
CREATE INDEX "workflow_commands_workflow" ON "workflow_commands" USING btree ("workflow_id");