DROP INDEX "measures_search";--> statement-breakpoint
DROP INDEX "measures_title_nearest";--> statement-breakpoint
CREATE INDEX "measures_search" ON "measures" USING gin ("search") WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "measures_title_nearest" ON "measures" USING gist ("title" gist_trgm_ops(siglen=256));