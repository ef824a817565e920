ALTER TABLE "request_posts" ADD COLUMN "source" text DEFAULT 'named' NOT NULL;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "search_forum" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "search_scanned" integer;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "search_total" integer;