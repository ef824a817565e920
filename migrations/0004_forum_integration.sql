CREATE TABLE "forum_events" (
	"id" text PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"post_id" text,
	"user_id" text,
	"details_box" text,
	"received_at" timestamp with time zone NOT NULL,
	"handled_at" timestamp with time zone,
	"outcome" text
);
--> statement-breakpoint
CREATE TABLE "removed_identifiers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"request_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"event" text NOT NULL,
	"request_id" uuid,
	"payload" jsonb NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_status" integer,
	"last_error" text,
	"created_at" timestamp with time zone NOT NULL,
	"last_attempt_at" timestamp with time zone,
	"delivered_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "request_posts" ADD COLUMN "action" text DEFAULT 'redact' NOT NULL;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "child_under_13" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "keep_removed_hashes" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "removed_identifiers" ADD CONSTRAINT "removed_identifiers_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "removed_identifiers_hash" ON "removed_identifiers" USING btree ("hash");--> statement-breakpoint
CREATE INDEX "removed_identifiers_request" ON "removed_identifiers" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_created" ON "webhook_deliveries" USING btree ("created_at");