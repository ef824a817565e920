CREATE TABLE "forum_outages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"last_error" text NOT NULL,
	"last_error_at" timestamp with time zone NOT NULL,
	"alerted_at" timestamp with time zone,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "last_error" text;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "last_error_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "forum_outages_one_open" ON "forum_outages" USING btree ((true)) WHERE "forum_outages"."ended_at" IS NULL;