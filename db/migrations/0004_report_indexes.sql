DROP INDEX "moves_person_id_index";--> statement-breakpoint
CREATE INDEX "applications_created_at_index" ON "applications" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "approval_steps_decided_at_index" ON "approval_steps" USING btree ("decided_at");--> statement-breakpoint
CREATE INDEX "moves_person_id_effective_on_index" ON "moves" USING btree ("person_id","effective_on");--> statement-breakpoint
CREATE INDEX "will_versions_saved_at_index" ON "will_versions" USING btree ("saved_at");