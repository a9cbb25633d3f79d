CREATE INDEX "audit_actor" ON "audit_log" USING btree ("actor_id","id");--> statement-breakpoint
CREATE INDEX "audit_at" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "consultation_requests_department_sent" ON "consultation_requests" USING btree ("department_id","created_at");--> statement-breakpoint
CREATE INDEX "consultation_requests_pending_deadline" ON "consultation_requests" USING btree ("deadline_at") WHERE "consultation_requests"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "procedures_started" ON "procedures" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "procedures_status_ended" ON "procedures" USING btree ("status","ended_at");