CREATE TABLE "screening_runs" (
	"org_id" text NOT NULL,
	"id" text NOT NULL,
	"pack" text NOT NULL,
	"source" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"requested_by" text NOT NULL,
	"scheduled" boolean DEFAULT false NOT NULL,
	"from_date" date,
	"to_date" date,
	"inputs" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"mapping" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"heartbeat_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"rows" bigint,
	"bad_rows" bigint,
	"hits" integer,
	"violations" integer,
	"flagged_cents" bigint,
	"error" text,
	"report" jsonb,
	CONSTRAINT "screening_runs_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "screening_runs_status" CHECK ("screening_runs"."status" in ('queued', 'running', 'done', 'failed')),
	CONSTRAINT "screening_runs_source" CHECK ("screening_runs"."source" in ('upload', 'store')),
	CONSTRAINT "screening_runs_progress" CHECK ("screening_runs"."progress" between 0 and 10000)
);
--> statement-breakpoint
CREATE INDEX "screening_runs_created" ON "screening_runs" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "screening_runs_pack" ON "screening_runs" USING btree ("org_id","pack","created_at");