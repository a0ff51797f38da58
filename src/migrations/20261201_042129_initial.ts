import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`lessons_formats\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`lessons\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`lessons_formats_order_idx\` ON \`lessons_formats\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`lessons_formats_parent_idx\` ON \`lessons_formats\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`lessons_audiences\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`lessons\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`lessons_audiences_order_idx\` ON \`lessons_audiences\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`lessons_audiences_parent_idx\` ON \`lessons_audiences\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`lessons\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`kind\` text,
  	\`summary\` text,
  	\`plan\` text,
  	\`duration_minutes\` numeric,
  	\`cover_id\` integer,
  	\`featured\` integer DEFAULT false,
  	\`jurisdiction_id\` integer,
  	\`visibility\` text DEFAULT 'shared',
  	\`jurisdiction_path\` text,
  	\`created_by_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`cover_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`jurisdiction_id\`) REFERENCES \`jurisdictions\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`lessons_cover_idx\` ON \`lessons\` (\`cover_id\`);`)
  await db.run(sql`CREATE INDEX \`lessons_jurisdiction_idx\` ON \`lessons\` (\`jurisdiction_id\`);`)
  await db.run(sql`CREATE INDEX \`lessons_jurisdiction_path_idx\` ON \`lessons\` (\`jurisdiction_path\`);`)
  await db.run(sql`CREATE INDEX \`lessons_created_by_idx\` ON \`lessons\` (\`created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`lessons_updated_at_idx\` ON \`lessons\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`lessons_created_at_idx\` ON \`lessons\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`lessons__status_idx\` ON \`lessons\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`lessons_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`lessons\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`lessons_texts_order_parent\` ON \`lessons_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`lessons_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`lecturers_id\` integer,
  	\`courseware_id\` integer,
  	\`videos_id\` integer,
  	\`textbooks_id\` integer,
  	\`themes_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`lessons\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`lecturers_id\`) REFERENCES \`lecturers\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`courseware_id\`) REFERENCES \`courseware\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`videos_id\`) REFERENCES \`videos\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`textbooks_id\`) REFERENCES \`textbooks\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`themes_id\`) REFERENCES \`themes\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`lessons_rels_order_idx\` ON \`lessons_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`lessons_rels_parent_idx\` ON \`lessons_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`lessons_rels_path_idx\` ON \`lessons_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`lessons_rels_lecturers_id_idx\` ON \`lessons_rels\` (\`lecturers_id\`);`)
  await db.run(sql`CREATE INDEX \`lessons_rels_courseware_id_idx\` ON \`lessons_rels\` (\`courseware_id\`);`)
  await db.run(sql`CREATE INDEX \`lessons_rels_videos_id_idx\` ON \`lessons_rels\` (\`videos_id\`);`)
  await db.run(sql`CREATE INDEX \`lessons_rels_textbooks_id_idx\` ON \`lessons_rels\` (\`textbooks_id\`);`)
  await db.run(sql`CREATE INDEX \`lessons_rels_themes_id_idx\` ON \`lessons_rels\` (\`themes_id\`);`)
  await db.run(sql`CREATE TABLE \`_lessons_v_version_formats\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_lessons_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_lessons_v_version_formats_order_idx\` ON \`_lessons_v_version_formats\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_lessons_v_version_formats_parent_idx\` ON \`_lessons_v_version_formats\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_lessons_v_version_audiences\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_lessons_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_lessons_v_version_audiences_order_idx\` ON \`_lessons_v_version_audiences\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_lessons_v_version_audiences_parent_idx\` ON \`_lessons_v_version_audiences\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_lessons_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_kind\` text,
  	\`version_summary\` text,
  	\`version_plan\` text,
  	\`version_duration_minutes\` numeric,
  	\`version_cover_id\` integer,
  	\`version_featured\` integer DEFAULT false,
  	\`version_jurisdiction_id\` integer,
  	\`version_visibility\` text DEFAULT 'shared',
  	\`version_jurisdiction_path\` text,
  	\`version_created_by_id\` integer,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`lessons\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_cover_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_jurisdiction_id\`) REFERENCES \`jurisdictions\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_lessons_v_parent_idx\` ON \`_lessons_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_lessons_v_version_version_cover_idx\` ON \`_lessons_v\` (\`version_cover_id\`);`)
  await db.run(sql`CREATE INDEX \`_lessons_v_version_version_jurisdiction_idx\` ON \`_lessons_v\` (\`version_jurisdiction_id\`);`)
  await db.run(sql`CREATE INDEX \`_lessons_v_version_version_jurisdiction_path_idx\` ON \`_lessons_v\` (\`version_jurisdiction_path\`);`)
  await db.run(sql`CREATE INDEX \`_lessons_v_version_version_created_by_idx\` ON \`_lessons_v\` (\`version_created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_lessons_v_version_version_updated_at_idx\` ON \`_lessons_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_lessons_v_version_version_created_at_idx\` ON \`_lessons_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_lessons_v_version_version__status_idx\` ON \`_lessons_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_lessons_v_created_at_idx\` ON \`_lessons_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_lessons_v_updated_at_idx\` ON \`_lessons_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_lessons_v_latest_idx\` ON \`_lessons_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`_lessons_v_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_lessons_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_lessons_v_texts_order_parent\` ON \`_lessons_v_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_lessons_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`lecturers_id\` integer,
  	\`courseware_id\` integer,
  	\`videos_id\` integer,
  	\`textbooks_id\` integer,
  	\`themes_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_lessons_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`lecturers_id\`) REFERENCES \`lecturers\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`courseware_id\`) REFERENCES \`courseware\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`videos_id\`) REFERENCES \`videos\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`textbooks_id\`) REFERENCES \`textbooks\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`themes_id\`) REFERENCES \`themes\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_lessons_v_rels_order_idx\` ON \`_lessons_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_lessons_v_rels_parent_idx\` ON \`_lessons_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_lessons_v_rels_path_idx\` ON \`_lessons_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_lessons_v_rels_lecturers_id_idx\` ON \`_lessons_v_rels\` (\`lecturers_id\`);`)
  await db.run(sql`CREATE INDEX \`_lessons_v_rels_courseware_id_idx\` ON \`_lessons_v_rels\` (\`courseware_id\`);`)
  await db.run(sql`CREATE INDEX \`_lessons_v_rels_videos_id_idx\` ON \`_lessons_v_rels\` (\`videos_id\`);`)
  await db.run(sql`CREATE INDEX \`_lessons_v_rels_textbooks_id_idx\` ON \`_lessons_v_rels\` (\`textbooks_id\`);`)
  await db.run(sql`CREATE INDEX \`_lessons_v_rels_themes_id_idx\` ON \`_lessons_v_rels\` (\`themes_id\`);`)
  await db.run(sql`CREATE TABLE \`courseware_audiences\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`courseware\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`courseware_audiences_order_idx\` ON \`courseware_audiences\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`courseware_audiences_parent_idx\` ON \`courseware_audiences\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`courseware\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`description\` text,
  	\`extraction_status\` text,
  	\`extraction_error\` text,
  	\`page_count\` numeric,
  	\`file_text\` text,
  	\`sha256\` text,
  	\`original_filename\` text,
  	\`preview_id\` integer,
  	\`jurisdiction_id\` integer,
  	\`visibility\` text DEFAULT 'shared',
  	\`jurisdiction_path\` text,
  	\`created_by_id\` integer,
  	\`prefix\` text DEFAULT 'courseware',
  	\`_objectkey\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	\`url\` text,
  	\`thumbnail_u_r_l\` text,
  	\`filename\` text,
  	\`mime_type\` text,
  	\`filesize\` numeric,
  	\`width\` numeric,
  	\`height\` numeric,
  	\`focal_x\` numeric,
  	\`focal_y\` numeric,
  	FOREIGN KEY (\`preview_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`jurisdiction_id\`) REFERENCES \`jurisdictions\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`courseware_sha256_idx\` ON \`courseware\` (\`sha256\`);`)
  await db.run(sql`CREATE INDEX \`courseware_preview_idx\` ON \`courseware\` (\`preview_id\`);`)
  await db.run(sql`CREATE INDEX \`courseware_jurisdiction_idx\` ON \`courseware\` (\`jurisdiction_id\`);`)
  await db.run(sql`CREATE INDEX \`courseware_jurisdiction_path_idx\` ON \`courseware\` (\`jurisdiction_path\`);`)
  await db.run(sql`CREATE INDEX \`courseware_created_by_idx\` ON \`courseware\` (\`created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`courseware_updated_at_idx\` ON \`courseware\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`courseware_created_at_idx\` ON \`courseware\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`courseware__status_idx\` ON \`courseware\` (\`_status\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`courseware_filename_idx\` ON \`courseware\` (\`filename\`);`)
  await db.run(sql`CREATE TABLE \`courseware_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`lecturers_id\` integer,
  	\`themes_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`courseware\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`lecturers_id\`) REFERENCES \`lecturers\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`themes_id\`) REFERENCES \`themes\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`courseware_rels_order_idx\` ON \`courseware_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`courseware_rels_parent_idx\` ON \`courseware_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`courseware_rels_path_idx\` ON \`courseware_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`courseware_rels_lecturers_id_idx\` ON \`courseware_rels\` (\`lecturers_id\`);`)
  await db.run(sql`CREATE INDEX \`courseware_rels_themes_id_idx\` ON \`courseware_rels\` (\`themes_id\`);`)
  await db.run(sql`CREATE TABLE \`_courseware_v_version_audiences\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_courseware_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_courseware_v_version_audiences_order_idx\` ON \`_courseware_v_version_audiences\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_courseware_v_version_audiences_parent_idx\` ON \`_courseware_v_version_audiences\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_courseware_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_description\` text,
  	\`version_extraction_status\` text,
  	\`version_extraction_error\` text,
  	\`version_page_count\` numeric,
  	\`version_file_text\` text,
  	\`version_sha256\` text,
  	\`version_original_filename\` text,
  	\`version_preview_id\` integer,
  	\`version_jurisdiction_id\` integer,
  	\`version_visibility\` text DEFAULT 'shared',
  	\`version_jurisdiction_path\` text,
  	\`version_created_by_id\` integer,
  	\`version_prefix\` text DEFAULT 'courseware',
  	\`version__objectkey\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`version_url\` text,
  	\`version_thumbnail_u_r_l\` text,
  	\`version_filename\` text,
  	\`version_mime_type\` text,
  	\`version_filesize\` numeric,
  	\`version_width\` numeric,
  	\`version_height\` numeric,
  	\`version_focal_x\` numeric,
  	\`version_focal_y\` numeric,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`courseware\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_preview_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_jurisdiction_id\`) REFERENCES \`jurisdictions\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_courseware_v_parent_idx\` ON \`_courseware_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_courseware_v_version_version_sha256_idx\` ON \`_courseware_v\` (\`version_sha256\`);`)
  await db.run(sql`CREATE INDEX \`_courseware_v_version_version_preview_idx\` ON \`_courseware_v\` (\`version_preview_id\`);`)
  await db.run(sql`CREATE INDEX \`_courseware_v_version_version_jurisdiction_idx\` ON \`_courseware_v\` (\`version_jurisdiction_id\`);`)
  await db.run(sql`CREATE INDEX \`_courseware_v_version_version_jurisdiction_path_idx\` ON \`_courseware_v\` (\`version_jurisdiction_path\`);`)
  await db.run(sql`CREATE INDEX \`_courseware_v_version_version_created_by_idx\` ON \`_courseware_v\` (\`version_created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_courseware_v_version_version_updated_at_idx\` ON \`_courseware_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_courseware_v_version_version_created_at_idx\` ON \`_courseware_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_courseware_v_version_version__status_idx\` ON \`_courseware_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_courseware_v_version_version_filename_idx\` ON \`_courseware_v\` (\`version_filename\`);`)
  await db.run(sql`CREATE INDEX \`_courseware_v_created_at_idx\` ON \`_courseware_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_courseware_v_updated_at_idx\` ON \`_courseware_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_courseware_v_latest_idx\` ON \`_courseware_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`_courseware_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`lecturers_id\` integer,
  	\`themes_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_courseware_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`lecturers_id\`) REFERENCES \`lecturers\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`themes_id\`) REFERENCES \`themes\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_courseware_v_rels_order_idx\` ON \`_courseware_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_courseware_v_rels_parent_idx\` ON \`_courseware_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_courseware_v_rels_path_idx\` ON \`_courseware_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_courseware_v_rels_lecturers_id_idx\` ON \`_courseware_v_rels\` (\`lecturers_id\`);`)
  await db.run(sql`CREATE INDEX \`_courseware_v_rels_themes_id_idx\` ON \`_courseware_v_rels\` (\`themes_id\`);`)
  await db.run(sql`CREATE TABLE \`videos_audiences\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`videos\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`videos_audiences_order_idx\` ON \`videos_audiences\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`videos_audiences_parent_idx\` ON \`videos_audiences\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`videos\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text NOT NULL,
  	\`kind\` text,
  	\`description\` text,
  	\`external_url\` text,
  	\`duration_seconds\` numeric,
  	\`poster_id\` integer,
  	\`original_filename\` text,
  	\`sha256\` text,
  	\`jurisdiction_id\` integer NOT NULL,
  	\`visibility\` text DEFAULT 'shared' NOT NULL,
  	\`jurisdiction_path\` text,
  	\`created_by_id\` integer,
  	\`prefix\` text DEFAULT 'videos',
  	\`_objectkey\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`url\` text,
  	\`thumbnail_u_r_l\` text,
  	\`filename\` text,
  	\`mime_type\` text,
  	\`filesize\` numeric,
  	\`width\` numeric,
  	\`height\` numeric,
  	\`focal_x\` numeric,
  	\`focal_y\` numeric,
  	FOREIGN KEY (\`poster_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`jurisdiction_id\`) REFERENCES \`jurisdictions\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`videos_poster_idx\` ON \`videos\` (\`poster_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`videos_sha256_idx\` ON \`videos\` (\`sha256\`);`)
  await db.run(sql`CREATE INDEX \`videos_jurisdiction_idx\` ON \`videos\` (\`jurisdiction_id\`);`)
  await db.run(sql`CREATE INDEX \`videos_jurisdiction_path_idx\` ON \`videos\` (\`jurisdiction_path\`);`)
  await db.run(sql`CREATE INDEX \`videos_created_by_idx\` ON \`videos\` (\`created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`videos_updated_at_idx\` ON \`videos\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`videos_created_at_idx\` ON \`videos\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`videos_filename_idx\` ON \`videos\` (\`filename\`);`)
  await db.run(sql`CREATE TABLE \`videos_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`lecturers_id\` integer,
  	\`themes_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`videos\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`lecturers_id\`) REFERENCES \`lecturers\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`themes_id\`) REFERENCES \`themes\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`videos_rels_order_idx\` ON \`videos_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`videos_rels_parent_idx\` ON \`videos_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`videos_rels_path_idx\` ON \`videos_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`videos_rels_lecturers_id_idx\` ON \`videos_rels\` (\`lecturers_id\`);`)
  await db.run(sql`CREATE INDEX \`videos_rels_themes_id_idx\` ON \`videos_rels\` (\`themes_id\`);`)
  await db.run(sql`CREATE TABLE \`textbooks_editors\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`role\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`textbooks\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`textbooks_editors_order_idx\` ON \`textbooks_editors\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`textbooks_editors_parent_id_idx\` ON \`textbooks_editors\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`textbooks_chapters\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`content\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`textbooks\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`textbooks_chapters_order_idx\` ON \`textbooks_chapters\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`textbooks_chapters_parent_id_idx\` ON \`textbooks_chapters\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`textbooks_audiences\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`textbooks\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`textbooks_audiences_order_idx\` ON \`textbooks_audiences\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`textbooks_audiences_parent_idx\` ON \`textbooks_audiences\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`textbooks\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`summary\` text,
  	\`publish_year\` numeric,
  	\`cover_id\` integer,
  	\`pdf_id\` integer,
  	\`jurisdiction_id\` integer,
  	\`visibility\` text DEFAULT 'shared',
  	\`jurisdiction_path\` text,
  	\`created_by_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`cover_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`pdf_id\`) REFERENCES \`courseware\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`jurisdiction_id\`) REFERENCES \`jurisdictions\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`textbooks_cover_idx\` ON \`textbooks\` (\`cover_id\`);`)
  await db.run(sql`CREATE INDEX \`textbooks_pdf_idx\` ON \`textbooks\` (\`pdf_id\`);`)
  await db.run(sql`CREATE INDEX \`textbooks_jurisdiction_idx\` ON \`textbooks\` (\`jurisdiction_id\`);`)
  await db.run(sql`CREATE INDEX \`textbooks_jurisdiction_path_idx\` ON \`textbooks\` (\`jurisdiction_path\`);`)
  await db.run(sql`CREATE INDEX \`textbooks_created_by_idx\` ON \`textbooks\` (\`created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`textbooks_updated_at_idx\` ON \`textbooks\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`textbooks_created_at_idx\` ON \`textbooks\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`textbooks__status_idx\` ON \`textbooks\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`textbooks_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`themes_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`textbooks\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`themes_id\`) REFERENCES \`themes\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`textbooks_rels_order_idx\` ON \`textbooks_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`textbooks_rels_parent_idx\` ON \`textbooks_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`textbooks_rels_path_idx\` ON \`textbooks_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`textbooks_rels_themes_id_idx\` ON \`textbooks_rels\` (\`themes_id\`);`)
  await db.run(sql`CREATE TABLE \`_textbooks_v_version_editors\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`role\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_textbooks_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_textbooks_v_version_editors_order_idx\` ON \`_textbooks_v_version_editors\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_textbooks_v_version_editors_parent_id_idx\` ON \`_textbooks_v_version_editors\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_textbooks_v_version_chapters\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`content\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_textbooks_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_textbooks_v_version_chapters_order_idx\` ON \`_textbooks_v_version_chapters\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_textbooks_v_version_chapters_parent_id_idx\` ON \`_textbooks_v_version_chapters\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_textbooks_v_version_audiences\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_textbooks_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_textbooks_v_version_audiences_order_idx\` ON \`_textbooks_v_version_audiences\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_textbooks_v_version_audiences_parent_idx\` ON \`_textbooks_v_version_audiences\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_textbooks_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_summary\` text,
  	\`version_publish_year\` numeric,
  	\`version_cover_id\` integer,
  	\`version_pdf_id\` integer,
  	\`version_jurisdiction_id\` integer,
  	\`version_visibility\` text DEFAULT 'shared',
  	\`version_jurisdiction_path\` text,
  	\`version_created_by_id\` integer,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`textbooks\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_cover_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_pdf_id\`) REFERENCES \`courseware\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_jurisdiction_id\`) REFERENCES \`jurisdictions\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_textbooks_v_parent_idx\` ON \`_textbooks_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_textbooks_v_version_version_cover_idx\` ON \`_textbooks_v\` (\`version_cover_id\`);`)
  await db.run(sql`CREATE INDEX \`_textbooks_v_version_version_pdf_idx\` ON \`_textbooks_v\` (\`version_pdf_id\`);`)
  await db.run(sql`CREATE INDEX \`_textbooks_v_version_version_jurisdiction_idx\` ON \`_textbooks_v\` (\`version_jurisdiction_id\`);`)
  await db.run(sql`CREATE INDEX \`_textbooks_v_version_version_jurisdiction_path_idx\` ON \`_textbooks_v\` (\`version_jurisdiction_path\`);`)
  await db.run(sql`CREATE INDEX \`_textbooks_v_version_version_created_by_idx\` ON \`_textbooks_v\` (\`version_created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_textbooks_v_version_version_updated_at_idx\` ON \`_textbooks_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_textbooks_v_version_version_created_at_idx\` ON \`_textbooks_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_textbooks_v_version_version__status_idx\` ON \`_textbooks_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_textbooks_v_created_at_idx\` ON \`_textbooks_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_textbooks_v_updated_at_idx\` ON \`_textbooks_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_textbooks_v_latest_idx\` ON \`_textbooks_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`_textbooks_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`themes_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_textbooks_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`themes_id\`) REFERENCES \`themes\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_textbooks_v_rels_order_idx\` ON \`_textbooks_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_textbooks_v_rels_parent_idx\` ON \`_textbooks_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_textbooks_v_rels_path_idx\` ON \`_textbooks_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_textbooks_v_rels_themes_id_idx\` ON \`_textbooks_v_rels\` (\`themes_id\`);`)
  await db.run(sql`CREATE TABLE \`field_sites_services\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`field_sites\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`field_sites_services_order_idx\` ON \`field_sites_services\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`field_sites_services_parent_idx\` ON \`field_sites_services\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`field_sites\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text NOT NULL,
  	\`type\` text NOT NULL,
  	\`address\` text NOT NULL,
  	\`lat\` numeric NOT NULL,
  	\`lng\` numeric NOT NULL,
  	\`coordinate_system\` text DEFAULT 'wgs84',
  	\`capacity\` numeric,
  	\`open_hours\` text,
  	\`description\` text,
  	\`jurisdiction_id\` integer NOT NULL,
  	\`visibility\` text DEFAULT 'shared' NOT NULL,
  	\`jurisdiction_path\` text,
  	\`created_by_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`jurisdiction_id\`) REFERENCES \`jurisdictions\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`field_sites_jurisdiction_idx\` ON \`field_sites\` (\`jurisdiction_id\`);`)
  await db.run(sql`CREATE INDEX \`field_sites_jurisdiction_path_idx\` ON \`field_sites\` (\`jurisdiction_path\`);`)
  await db.run(sql`CREATE INDEX \`field_sites_created_by_idx\` ON \`field_sites\` (\`created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`field_sites_updated_at_idx\` ON \`field_sites\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`field_sites_created_at_idx\` ON \`field_sites\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`field_sites_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`media_id\` integer,
  	\`themes_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`field_sites\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`themes_id\`) REFERENCES \`themes\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`field_sites_rels_order_idx\` ON \`field_sites_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`field_sites_rels_parent_idx\` ON \`field_sites_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`field_sites_rels_path_idx\` ON \`field_sites_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`field_sites_rels_media_id_idx\` ON \`field_sites_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`field_sites_rels_themes_id_idx\` ON \`field_sites_rels\` (\`themes_id\`);`)
  await db.run(sql`CREATE TABLE \`field_routes_stops\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`site_id\` integer,
  	\`topic\` text,
  	\`speaker\` text,
  	\`lecturer_id\` integer,
  	\`minutes\` numeric,
  	FOREIGN KEY (\`site_id\`) REFERENCES \`field_sites\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`lecturer_id\`) REFERENCES \`lecturers\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`field_routes\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`field_routes_stops_order_idx\` ON \`field_routes_stops\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`field_routes_stops_parent_id_idx\` ON \`field_routes_stops\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`field_routes_stops_site_idx\` ON \`field_routes_stops\` (\`site_id\`);`)
  await db.run(sql`CREATE INDEX \`field_routes_stops_lecturer_idx\` ON \`field_routes_stops\` (\`lecturer_id\`);`)
  await db.run(sql`CREATE TABLE \`field_routes_audiences\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`field_routes\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`field_routes_audiences_order_idx\` ON \`field_routes_audiences\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`field_routes_audiences_parent_idx\` ON \`field_routes_audiences\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`field_routes\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`summary\` text,
  	\`total_distance_km\` numeric,
  	\`total_minutes\` numeric,
  	\`jurisdiction_id\` integer,
  	\`visibility\` text DEFAULT 'shared',
  	\`jurisdiction_path\` text,
  	\`created_by_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`jurisdiction_id\`) REFERENCES \`jurisdictions\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`field_routes_jurisdiction_idx\` ON \`field_routes\` (\`jurisdiction_id\`);`)
  await db.run(sql`CREATE INDEX \`field_routes_jurisdiction_path_idx\` ON \`field_routes\` (\`jurisdiction_path\`);`)
  await db.run(sql`CREATE INDEX \`field_routes_created_by_idx\` ON \`field_routes\` (\`created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`field_routes_updated_at_idx\` ON \`field_routes\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`field_routes_created_at_idx\` ON \`field_routes\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`field_routes__status_idx\` ON \`field_routes\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`field_routes_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`themes_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`field_routes\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`themes_id\`) REFERENCES \`themes\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`field_routes_rels_order_idx\` ON \`field_routes_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`field_routes_rels_parent_idx\` ON \`field_routes_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`field_routes_rels_path_idx\` ON \`field_routes_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`field_routes_rels_themes_id_idx\` ON \`field_routes_rels\` (\`themes_id\`);`)
  await db.run(sql`CREATE TABLE \`_field_routes_v_version_stops\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`site_id\` integer,
  	\`topic\` text,
  	\`speaker\` text,
  	\`lecturer_id\` integer,
  	\`minutes\` numeric,
  	\`_uuid\` text,
  	FOREIGN KEY (\`site_id\`) REFERENCES \`field_sites\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`lecturer_id\`) REFERENCES \`lecturers\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_field_routes_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_field_routes_v_version_stops_order_idx\` ON \`_field_routes_v_version_stops\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_field_routes_v_version_stops_parent_id_idx\` ON \`_field_routes_v_version_stops\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_field_routes_v_version_stops_site_idx\` ON \`_field_routes_v_version_stops\` (\`site_id\`);`)
  await db.run(sql`CREATE INDEX \`_field_routes_v_version_stops_lecturer_idx\` ON \`_field_routes_v_version_stops\` (\`lecturer_id\`);`)
  await db.run(sql`CREATE TABLE \`_field_routes_v_version_audiences\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_field_routes_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_field_routes_v_version_audiences_order_idx\` ON \`_field_routes_v_version_audiences\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_field_routes_v_version_audiences_parent_idx\` ON \`_field_routes_v_version_audiences\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_field_routes_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_summary\` text,
  	\`version_total_distance_km\` numeric,
  	\`version_total_minutes\` numeric,
  	\`version_jurisdiction_id\` integer,
  	\`version_visibility\` text DEFAULT 'shared',
  	\`version_jurisdiction_path\` text,
  	\`version_created_by_id\` integer,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`field_routes\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_jurisdiction_id\`) REFERENCES \`jurisdictions\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_field_routes_v_parent_idx\` ON \`_field_routes_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_field_routes_v_version_version_jurisdiction_idx\` ON \`_field_routes_v\` (\`version_jurisdiction_id\`);`)
  await db.run(sql`CREATE INDEX \`_field_routes_v_version_version_jurisdiction_path_idx\` ON \`_field_routes_v\` (\`version_jurisdiction_path\`);`)
  await db.run(sql`CREATE INDEX \`_field_routes_v_version_version_created_by_idx\` ON \`_field_routes_v\` (\`version_created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_field_routes_v_version_version_updated_at_idx\` ON \`_field_routes_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_field_routes_v_version_version_created_at_idx\` ON \`_field_routes_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_field_routes_v_version_version__status_idx\` ON \`_field_routes_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_field_routes_v_created_at_idx\` ON \`_field_routes_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_field_routes_v_updated_at_idx\` ON \`_field_routes_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_field_routes_v_latest_idx\` ON \`_field_routes_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`_field_routes_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`themes_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_field_routes_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`themes_id\`) REFERENCES \`themes\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_field_routes_v_rels_order_idx\` ON \`_field_routes_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_field_routes_v_rels_parent_idx\` ON \`_field_routes_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_field_routes_v_rels_path_idx\` ON \`_field_routes_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_field_routes_v_rels_themes_id_idx\` ON \`_field_routes_v_rels\` (\`themes_id\`);`)
  await db.run(sql`CREATE TABLE \`lecturers\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`kind\` text NOT NULL,
  	\`level\` text,
  	\`title\` text,
  	\`bio\` text,
  	\`photo_id\` integer,
  	\`user_id\` integer,
  	\`lat\` numeric,
  	\`lng\` numeric,
  	\`jurisdiction_id\` integer NOT NULL,
  	\`visibility\` text DEFAULT 'shared' NOT NULL,
  	\`jurisdiction_path\` text,
  	\`created_by_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`photo_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`user_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`jurisdiction_id\`) REFERENCES \`jurisdictions\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`lecturers_photo_idx\` ON \`lecturers\` (\`photo_id\`);`)
  await db.run(sql`CREATE INDEX \`lecturers_user_idx\` ON \`lecturers\` (\`user_id\`);`)
  await db.run(sql`CREATE INDEX \`lecturers_jurisdiction_idx\` ON \`lecturers\` (\`jurisdiction_id\`);`)
  await db.run(sql`CREATE INDEX \`lecturers_jurisdiction_path_idx\` ON \`lecturers\` (\`jurisdiction_path\`);`)
  await db.run(sql`CREATE INDEX \`lecturers_created_by_idx\` ON \`lecturers\` (\`created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`lecturers_updated_at_idx\` ON \`lecturers\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`lecturers_created_at_idx\` ON \`lecturers\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`lecturers_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`lecturers\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`lecturers_texts_order_parent\` ON \`lecturers_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`lecturers_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`themes_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`lecturers\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`themes_id\`) REFERENCES \`themes\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`lecturers_rels_order_idx\` ON \`lecturers_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`lecturers_rels_parent_idx\` ON \`lecturers_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`lecturers_rels_path_idx\` ON \`lecturers_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`lecturers_rels_themes_id_idx\` ON \`lecturers_rels\` (\`themes_id\`);`)
  await db.run(sql`CREATE TABLE \`bundles_items\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`minutes\` numeric,
  	\`note\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`bundles\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`bundles_items_order_idx\` ON \`bundles_items\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`bundles_items_parent_id_idx\` ON \`bundles_items\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`bundles_audiences\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`bundles\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`bundles_audiences_order_idx\` ON \`bundles_audiences\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`bundles_audiences_parent_idx\` ON \`bundles_audiences\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`bundles\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`kind\` text,
  	\`theme_id\` integer,
  	\`target_month\` text,
  	\`orderable_from\` text,
  	\`orderable_until\` text,
  	\`description\` text,
  	\`total_hours\` numeric,
  	\`jurisdiction_id\` integer,
  	\`visibility\` text DEFAULT 'shared',
  	\`jurisdiction_path\` text,
  	\`created_by_id\` integer,
  	\`forked_from_id\` integer,
  	\`fork_root_id\` integer,
  	\`forked_at\` text,
  	\`fork_path\` text,
  	\`fork_base_version\` text,
  	\`fork_base_updated_at\` text,
  	\`fork_base_items\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`theme_id\`) REFERENCES \`themes\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`jurisdiction_id\`) REFERENCES \`jurisdictions\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`forked_from_id\`) REFERENCES \`bundles\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`fork_root_id\`) REFERENCES \`bundles\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`bundles_theme_idx\` ON \`bundles\` (\`theme_id\`);`)
  await db.run(sql`CREATE INDEX \`bundles_jurisdiction_idx\` ON \`bundles\` (\`jurisdiction_id\`);`)
  await db.run(sql`CREATE INDEX \`bundles_jurisdiction_path_idx\` ON \`bundles\` (\`jurisdiction_path\`);`)
  await db.run(sql`CREATE INDEX \`bundles_created_by_idx\` ON \`bundles\` (\`created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`bundles_forked_from_idx\` ON \`bundles\` (\`forked_from_id\`);`)
  await db.run(sql`CREATE INDEX \`bundles_fork_root_idx\` ON \`bundles\` (\`fork_root_id\`);`)
  await db.run(sql`CREATE INDEX \`bundles_fork_path_idx\` ON \`bundles\` (\`fork_path\`);`)
  await db.run(sql`CREATE INDEX \`bundles_updated_at_idx\` ON \`bundles\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`bundles_created_at_idx\` ON \`bundles\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`bundles__status_idx\` ON \`bundles\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`bundles_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`lessons_id\` integer,
  	\`courseware_id\` integer,
  	\`videos_id\` integer,
  	\`textbooks_id\` integer,
  	\`field_routes_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`bundles\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`lessons_id\`) REFERENCES \`lessons\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`courseware_id\`) REFERENCES \`courseware\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`videos_id\`) REFERENCES \`videos\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`textbooks_id\`) REFERENCES \`textbooks\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`field_routes_id\`) REFERENCES \`field_routes\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`bundles_rels_order_idx\` ON \`bundles_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`bundles_rels_parent_idx\` ON \`bundles_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`bundles_rels_path_idx\` ON \`bundles_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`bundles_rels_lessons_id_idx\` ON \`bundles_rels\` (\`lessons_id\`);`)
  await db.run(sql`CREATE INDEX \`bundles_rels_courseware_id_idx\` ON \`bundles_rels\` (\`courseware_id\`);`)
  await db.run(sql`CREATE INDEX \`bundles_rels_videos_id_idx\` ON \`bundles_rels\` (\`videos_id\`);`)
  await db.run(sql`CREATE INDEX \`bundles_rels_textbooks_id_idx\` ON \`bundles_rels\` (\`textbooks_id\`);`)
  await db.run(sql`CREATE INDEX \`bundles_rels_field_routes_id_idx\` ON \`bundles_rels\` (\`field_routes_id\`);`)
  await db.run(sql`CREATE TABLE \`_bundles_v_version_items\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`minutes\` numeric,
  	\`note\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_bundles_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_bundles_v_version_items_order_idx\` ON \`_bundles_v_version_items\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_bundles_v_version_items_parent_id_idx\` ON \`_bundles_v_version_items\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_bundles_v_version_audiences\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_bundles_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_bundles_v_version_audiences_order_idx\` ON \`_bundles_v_version_audiences\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_bundles_v_version_audiences_parent_idx\` ON \`_bundles_v_version_audiences\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_bundles_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_kind\` text,
  	\`version_theme_id\` integer,
  	\`version_target_month\` text,
  	\`version_orderable_from\` text,
  	\`version_orderable_until\` text,
  	\`version_description\` text,
  	\`version_total_hours\` numeric,
  	\`version_jurisdiction_id\` integer,
  	\`version_visibility\` text DEFAULT 'shared',
  	\`version_jurisdiction_path\` text,
  	\`version_created_by_id\` integer,
  	\`version_forked_from_id\` integer,
  	\`version_fork_root_id\` integer,
  	\`version_forked_at\` text,
  	\`version_fork_path\` text,
  	\`version_fork_base_version\` text,
  	\`version_fork_base_updated_at\` text,
  	\`version_fork_base_items\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`bundles\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_theme_id\`) REFERENCES \`themes\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_jurisdiction_id\`) REFERENCES \`jurisdictions\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_forked_from_id\`) REFERENCES \`bundles\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_fork_root_id\`) REFERENCES \`bundles\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_bundles_v_parent_idx\` ON \`_bundles_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_bundles_v_version_version_theme_idx\` ON \`_bundles_v\` (\`version_theme_id\`);`)
  await db.run(sql`CREATE INDEX \`_bundles_v_version_version_jurisdiction_idx\` ON \`_bundles_v\` (\`version_jurisdiction_id\`);`)
  await db.run(sql`CREATE INDEX \`_bundles_v_version_version_jurisdiction_path_idx\` ON \`_bundles_v\` (\`version_jurisdiction_path\`);`)
  await db.run(sql`CREATE INDEX \`_bundles_v_version_version_created_by_idx\` ON \`_bundles_v\` (\`version_created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_bundles_v_version_version_forked_from_idx\` ON \`_bundles_v\` (\`version_forked_from_id\`);`)
  await db.run(sql`CREATE INDEX \`_bundles_v_version_version_fork_root_idx\` ON \`_bundles_v\` (\`version_fork_root_id\`);`)
  await db.run(sql`CREATE INDEX \`_bundles_v_version_version_fork_path_idx\` ON \`_bundles_v\` (\`version_fork_path\`);`)
  await db.run(sql`CREATE INDEX \`_bundles_v_version_version_updated_at_idx\` ON \`_bundles_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_bundles_v_version_version_created_at_idx\` ON \`_bundles_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_bundles_v_version_version__status_idx\` ON \`_bundles_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_bundles_v_created_at_idx\` ON \`_bundles_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_bundles_v_updated_at_idx\` ON \`_bundles_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_bundles_v_latest_idx\` ON \`_bundles_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`_bundles_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`lessons_id\` integer,
  	\`courseware_id\` integer,
  	\`videos_id\` integer,
  	\`textbooks_id\` integer,
  	\`field_routes_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_bundles_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`lessons_id\`) REFERENCES \`lessons\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`courseware_id\`) REFERENCES \`courseware\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`videos_id\`) REFERENCES \`videos\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`textbooks_id\`) REFERENCES \`textbooks\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`field_routes_id\`) REFERENCES \`field_routes\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_bundles_v_rels_order_idx\` ON \`_bundles_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_bundles_v_rels_parent_idx\` ON \`_bundles_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_bundles_v_rels_path_idx\` ON \`_bundles_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_bundles_v_rels_lessons_id_idx\` ON \`_bundles_v_rels\` (\`lessons_id\`);`)
  await db.run(sql`CREATE INDEX \`_bundles_v_rels_courseware_id_idx\` ON \`_bundles_v_rels\` (\`courseware_id\`);`)
  await db.run(sql`CREATE INDEX \`_bundles_v_rels_videos_id_idx\` ON \`_bundles_v_rels\` (\`videos_id\`);`)
  await db.run(sql`CREATE INDEX \`_bundles_v_rels_textbooks_id_idx\` ON \`_bundles_v_rels\` (\`textbooks_id\`);`)
  await db.run(sql`CREATE INDEX \`_bundles_v_rels_field_routes_id_idx\` ON \`_bundles_v_rels\` (\`field_routes_id\`);`)
  await db.run(sql`CREATE TABLE \`themes\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`description\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`themes_name_idx\` ON \`themes\` (\`name\`);`)
  await db.run(sql`CREATE INDEX \`themes_updated_at_idx\` ON \`themes\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`themes_created_at_idx\` ON \`themes\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`media\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`alt\` text NOT NULL,
  	\`original_filename\` text,
  	\`sha256\` text,
  	\`preview_of_id\` integer,
  	\`preview_of_draft\` integer DEFAULT true,
  	\`jurisdiction_id\` integer NOT NULL,
  	\`jurisdiction_path\` text,
  	\`created_by_id\` integer,
  	\`prefix\` text DEFAULT 'images',
  	\`_objectkey\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`url\` text,
  	\`thumbnail_u_r_l\` text,
  	\`filename\` text,
  	\`mime_type\` text,
  	\`filesize\` numeric,
  	\`width\` numeric,
  	\`height\` numeric,
  	\`focal_x\` numeric,
  	\`focal_y\` numeric,
  	\`sizes_thumbnail_url\` text,
  	\`sizes_thumbnail_width\` numeric,
  	\`sizes_thumbnail_height\` numeric,
  	\`sizes_thumbnail_mime_type\` text,
  	\`sizes_thumbnail_filesize\` numeric,
  	\`sizes_thumbnail_filename\` text,
  	\`sizes_card_url\` text,
  	\`sizes_card_width\` numeric,
  	\`sizes_card_height\` numeric,
  	\`sizes_card_mime_type\` text,
  	\`sizes_card_filesize\` numeric,
  	\`sizes_card_filename\` text,
  	\`sizes_large_url\` text,
  	\`sizes_large_width\` numeric,
  	\`sizes_large_height\` numeric,
  	\`sizes_large_mime_type\` text,
  	\`sizes_large_filesize\` numeric,
  	\`sizes_large_filename\` text,
  	FOREIGN KEY (\`preview_of_id\`) REFERENCES \`courseware\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`jurisdiction_id\`) REFERENCES \`jurisdictions\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`media_sha256_idx\` ON \`media\` (\`sha256\`);`)
  await db.run(sql`CREATE INDEX \`media_preview_of_idx\` ON \`media\` (\`preview_of_id\`);`)
  await db.run(sql`CREATE INDEX \`media_jurisdiction_idx\` ON \`media\` (\`jurisdiction_id\`);`)
  await db.run(sql`CREATE INDEX \`media_jurisdiction_path_idx\` ON \`media\` (\`jurisdiction_path\`);`)
  await db.run(sql`CREATE INDEX \`media_created_by_idx\` ON \`media\` (\`created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`media_updated_at_idx\` ON \`media\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`media_created_at_idx\` ON \`media\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`media_filename_idx\` ON \`media\` (\`filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_thumbnail_sizes_thumbnail_filename_idx\` ON \`media\` (\`sizes_thumbnail_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_card_sizes_card_filename_idx\` ON \`media\` (\`sizes_card_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_large_sizes_large_filename_idx\` ON \`media\` (\`sizes_large_filename\`);`)
  await db.run(sql`CREATE TABLE \`jurisdictions\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`level\` text NOT NULL,
  	\`school_tier\` text,
  	\`parent_id\` integer,
  	\`description\` text,
  	\`ancestor_path\` text,
  	\`depth\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`jurisdictions\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`jurisdictions_parent_idx\` ON \`jurisdictions\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`jurisdictions_ancestor_path_idx\` ON \`jurisdictions\` (\`ancestor_path\`);`)
  await db.run(sql`CREATE INDEX \`jurisdictions_updated_at_idx\` ON \`jurisdictions\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`jurisdictions_created_at_idx\` ON \`jurisdictions\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`users_sessions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`created_at\` text,
  	\`expires_at\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_sessions_order_idx\` ON \`users_sessions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`users_sessions_parent_id_idx\` ON \`users_sessions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`users\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`role\` text DEFAULT 'member' NOT NULL,
  	\`jurisdiction_id\` integer NOT NULL,
  	\`jurisdiction_path\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`email\` text NOT NULL,
  	\`reset_password_token\` text,
  	\`reset_password_expiration\` text,
  	\`salt\` text,
  	\`hash\` text,
  	\`reset_password_requested_at\` text,
  	\`login_attempts\` numeric DEFAULT 0,
  	\`lock_until\` text,
  	FOREIGN KEY (\`jurisdiction_id\`) REFERENCES \`jurisdictions\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`users_jurisdiction_idx\` ON \`users\` (\`jurisdiction_id\`);`)
  await db.run(sql`CREATE INDEX \`users_jurisdiction_path_idx\` ON \`users\` (\`jurisdiction_path\`);`)
  await db.run(sql`CREATE INDEX \`users_updated_at_idx\` ON \`users\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`users_created_at_idx\` ON \`users\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`users_email_idx\` ON \`users\` (\`email\`);`)
  await db.run(sql`CREATE TABLE \`search_outbox\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`source_collection\` text NOT NULL,
  	\`doc_id\` text NOT NULL,
  	\`queued_at\` text NOT NULL,
  	\`status\` text DEFAULT 'pending',
  	\`attempts\` numeric DEFAULT 0,
  	\`next_attempt_at\` text,
  	\`last_error\` text,
  	\`dependents\` integer DEFAULT false,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`search_outbox_key_idx\` ON \`search_outbox\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`search_outbox_queued_at_idx\` ON \`search_outbox\` (\`queued_at\`);`)
  await db.run(sql`CREATE INDEX \`search_outbox_status_idx\` ON \`search_outbox\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`search_outbox_next_attempt_at_idx\` ON \`search_outbox\` (\`next_attempt_at\`);`)
  await db.run(sql`CREATE INDEX \`search_outbox_updated_at_idx\` ON \`search_outbox\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`search_outbox_created_at_idx\` ON \`search_outbox\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`search_claims\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`holder\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`search_claims_key_idx\` ON \`search_claims\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`search_claims_holder_idx\` ON \`search_claims\` (\`holder\`);`)
  await db.run(sql`CREATE INDEX \`search_claims_updated_at_idx\` ON \`search_claims\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`search_claims_created_at_idx\` ON \`search_claims\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`course_requests_audiences\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`course_requests\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`course_requests_audiences_order_idx\` ON \`course_requests_audiences\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`course_requests_audiences_parent_idx\` ON \`course_requests_audiences\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`course_requests_dispatches\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`lecturer_id\` integer NOT NULL,
  	\`lecturer_user_id\` integer,
  	\`status\` text NOT NULL,
  	\`reason\` text,
  	\`dispatched_at\` text,
  	\`answered_at\` text,
  	FOREIGN KEY (\`lecturer_id\`) REFERENCES \`lecturers\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`lecturer_user_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`course_requests\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`course_requests_dispatches_order_idx\` ON \`course_requests_dispatches\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`course_requests_dispatches_parent_id_idx\` ON \`course_requests_dispatches\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`course_requests_dispatches_lecturer_idx\` ON \`course_requests_dispatches\` (\`lecturer_id\`);`)
  await db.run(sql`CREATE INDEX \`course_requests_dispatches_lecturer_user_idx\` ON \`course_requests_dispatches\` (\`lecturer_user_id\`);`)
  await db.run(sql`CREATE TABLE \`course_requests_history\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`action\` text NOT NULL,
  	\`state\` text NOT NULL,
  	\`by_id\` integer,
  	\`at\` text NOT NULL,
  	\`note\` text,
  	FOREIGN KEY (\`by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`course_requests\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`course_requests_history_order_idx\` ON \`course_requests_history\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`course_requests_history_parent_id_idx\` ON \`course_requests_history\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`course_requests_history_by_idx\` ON \`course_requests_history\` (\`by_id\`);`)
  await db.run(sql`CREATE TABLE \`course_requests\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`menu_id\` integer NOT NULL,
  	\`starts_at\` text NOT NULL,
  	\`ends_at\` text NOT NULL,
  	\`field_site_id\` integer,
  	\`place_text\` text,
  	\`headcount\` numeric NOT NULL,
  	\`note\` text,
  	\`status\` text DEFAULT 'requested',
  	\`dispatched_from_id\` integer,
  	\`jurisdiction_id\` integer NOT NULL,
  	\`jurisdiction_path\` text,
  	\`created_by_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`menu_id\`) REFERENCES \`bundles\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`field_site_id\`) REFERENCES \`field_sites\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`dispatched_from_id\`) REFERENCES \`jurisdictions\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`jurisdiction_id\`) REFERENCES \`jurisdictions\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`course_requests_menu_idx\` ON \`course_requests\` (\`menu_id\`);`)
  await db.run(sql`CREATE INDEX \`course_requests_field_site_idx\` ON \`course_requests\` (\`field_site_id\`);`)
  await db.run(sql`CREATE INDEX \`course_requests_status_idx\` ON \`course_requests\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`course_requests_dispatched_from_idx\` ON \`course_requests\` (\`dispatched_from_id\`);`)
  await db.run(sql`CREATE INDEX \`course_requests_jurisdiction_idx\` ON \`course_requests\` (\`jurisdiction_id\`);`)
  await db.run(sql`CREATE INDEX \`course_requests_jurisdiction_path_idx\` ON \`course_requests\` (\`jurisdiction_path\`);`)
  await db.run(sql`CREATE INDEX \`course_requests_created_by_idx\` ON \`course_requests\` (\`created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`course_requests_updated_at_idx\` ON \`course_requests\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`course_requests_created_at_idx\` ON \`course_requests\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`course_requests_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`lessons_id\` integer,
  	\`courseware_id\` integer,
  	\`videos_id\` integer,
  	\`textbooks_id\` integer,
  	\`field_routes_id\` integer,
  	\`lecturers_id\` integer,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`course_requests\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`lessons_id\`) REFERENCES \`lessons\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`courseware_id\`) REFERENCES \`courseware\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`videos_id\`) REFERENCES \`videos\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`textbooks_id\`) REFERENCES \`textbooks\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`field_routes_id\`) REFERENCES \`field_routes\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`lecturers_id\`) REFERENCES \`lecturers\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`course_requests_rels_order_idx\` ON \`course_requests_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`course_requests_rels_parent_idx\` ON \`course_requests_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`course_requests_rels_path_idx\` ON \`course_requests_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`course_requests_rels_lessons_id_idx\` ON \`course_requests_rels\` (\`lessons_id\`);`)
  await db.run(sql`CREATE INDEX \`course_requests_rels_courseware_id_idx\` ON \`course_requests_rels\` (\`courseware_id\`);`)
  await db.run(sql`CREATE INDEX \`course_requests_rels_videos_id_idx\` ON \`course_requests_rels\` (\`videos_id\`);`)
  await db.run(sql`CREATE INDEX \`course_requests_rels_textbooks_id_idx\` ON \`course_requests_rels\` (\`textbooks_id\`);`)
  await db.run(sql`CREATE INDEX \`course_requests_rels_field_routes_id_idx\` ON \`course_requests_rels\` (\`field_routes_id\`);`)
  await db.run(sql`CREATE INDEX \`course_requests_rels_lecturers_id_idx\` ON \`course_requests_rels\` (\`lecturers_id\`);`)
  await db.run(sql`CREATE INDEX \`course_requests_rels_users_id_idx\` ON \`course_requests_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE TABLE \`lecturer_slots\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`lecturer_id\` integer NOT NULL,
  	\`request_id\` integer NOT NULL,
  	\`slot\` numeric NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`lecturer_id\`) REFERENCES \`lecturers\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`request_id\`) REFERENCES \`course_requests\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`lecturer_slots_key_idx\` ON \`lecturer_slots\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`lecturer_slots_lecturer_idx\` ON \`lecturer_slots\` (\`lecturer_id\`);`)
  await db.run(sql`CREATE INDEX \`lecturer_slots_request_idx\` ON \`lecturer_slots\` (\`request_id\`);`)
  await db.run(sql`CREATE INDEX \`lecturer_slots_updated_at_idx\` ON \`lecturer_slots\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`lecturer_slots_created_at_idx\` ON \`lecturer_slots\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`request_locks\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`request_locks_key_idx\` ON \`request_locks\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`request_locks_updated_at_idx\` ON \`request_locks\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`request_locks_created_at_idx\` ON \`request_locks\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`training_sessions_audiences\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`training_sessions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`training_sessions_audiences_order_idx\` ON \`training_sessions_audiences\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`training_sessions_audiences_parent_idx\` ON \`training_sessions_audiences\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`training_sessions\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`kind\` text NOT NULL,
  	\`request_id\` integer,
  	\`bundle_id\` integer,
  	\`starts_at\` text,
  	\`ends_at\` text,
  	\`field_site_id\` integer,
  	\`place_text\` text,
  	\`attendance_count\` numeric NOT NULL,
  	\`notes\` text,
  	\`rating_count\` numeric,
  	\`rating_average\` numeric,
  	\`jurisdiction_id\` integer NOT NULL,
  	\`jurisdiction_path\` text,
  	\`created_by_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`request_id\`) REFERENCES \`course_requests\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`bundle_id\`) REFERENCES \`bundles\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`field_site_id\`) REFERENCES \`field_sites\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`jurisdiction_id\`) REFERENCES \`jurisdictions\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`training_sessions_request_idx\` ON \`training_sessions\` (\`request_id\`);`)
  await db.run(sql`CREATE INDEX \`training_sessions_bundle_idx\` ON \`training_sessions\` (\`bundle_id\`);`)
  await db.run(sql`CREATE INDEX \`training_sessions_field_site_idx\` ON \`training_sessions\` (\`field_site_id\`);`)
  await db.run(sql`CREATE INDEX \`training_sessions_jurisdiction_idx\` ON \`training_sessions\` (\`jurisdiction_id\`);`)
  await db.run(sql`CREATE INDEX \`training_sessions_jurisdiction_path_idx\` ON \`training_sessions\` (\`jurisdiction_path\`);`)
  await db.run(sql`CREATE INDEX \`training_sessions_created_by_idx\` ON \`training_sessions\` (\`created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`training_sessions_updated_at_idx\` ON \`training_sessions\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`training_sessions_created_at_idx\` ON \`training_sessions\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`training_sessions_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`lessons_id\` integer,
  	\`courseware_id\` integer,
  	\`videos_id\` integer,
  	\`textbooks_id\` integer,
  	\`field_routes_id\` integer,
  	\`lecturers_id\` integer,
  	\`users_id\` integer,
  	\`media_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`training_sessions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`lessons_id\`) REFERENCES \`lessons\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`courseware_id\`) REFERENCES \`courseware\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`videos_id\`) REFERENCES \`videos\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`textbooks_id\`) REFERENCES \`textbooks\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`field_routes_id\`) REFERENCES \`field_routes\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`lecturers_id\`) REFERENCES \`lecturers\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`training_sessions_rels_order_idx\` ON \`training_sessions_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`training_sessions_rels_parent_idx\` ON \`training_sessions_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`training_sessions_rels_path_idx\` ON \`training_sessions_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`training_sessions_rels_lessons_id_idx\` ON \`training_sessions_rels\` (\`lessons_id\`);`)
  await db.run(sql`CREATE INDEX \`training_sessions_rels_courseware_id_idx\` ON \`training_sessions_rels\` (\`courseware_id\`);`)
  await db.run(sql`CREATE INDEX \`training_sessions_rels_videos_id_idx\` ON \`training_sessions_rels\` (\`videos_id\`);`)
  await db.run(sql`CREATE INDEX \`training_sessions_rels_textbooks_id_idx\` ON \`training_sessions_rels\` (\`textbooks_id\`);`)
  await db.run(sql`CREATE INDEX \`training_sessions_rels_field_routes_id_idx\` ON \`training_sessions_rels\` (\`field_routes_id\`);`)
  await db.run(sql`CREATE INDEX \`training_sessions_rels_lecturers_id_idx\` ON \`training_sessions_rels\` (\`lecturers_id\`);`)
  await db.run(sql`CREATE INDEX \`training_sessions_rels_users_id_idx\` ON \`training_sessions_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`training_sessions_rels_media_id_idx\` ON \`training_sessions_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE TABLE \`ratings\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`session_id\` integer NOT NULL,
  	\`score\` numeric NOT NULL,
  	\`comment\` text,
  	\`code\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`session_id\`) REFERENCES \`training_sessions\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`ratings_session_idx\` ON \`ratings\` (\`session_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`ratings_code_idx\` ON \`ratings\` (\`code\`);`)
  await db.run(sql`CREATE INDEX \`ratings_updated_at_idx\` ON \`ratings\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`ratings_created_at_idx\` ON \`ratings\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`rating_codes\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`code\` text NOT NULL,
  	\`session_id\` integer NOT NULL,
  	\`used_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`session_id\`) REFERENCES \`training_sessions\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`rating_codes_code_idx\` ON \`rating_codes\` (\`code\`);`)
  await db.run(sql`CREATE INDEX \`rating_codes_session_idx\` ON \`rating_codes\` (\`session_id\`);`)
  await db.run(sql`CREATE INDEX \`rating_codes_updated_at_idx\` ON \`rating_codes\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`rating_codes_created_at_idx\` ON \`rating_codes\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`calendar_feeds\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text DEFAULT '我的授课日历',
  	\`token\` text NOT NULL,
  	\`user_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`user_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`calendar_feeds_token_idx\` ON \`calendar_feeds\` (\`token\`);`)
  await db.run(sql`CREATE INDEX \`calendar_feeds_user_idx\` ON \`calendar_feeds\` (\`user_id\`);`)
  await db.run(sql`CREATE INDEX \`calendar_feeds_updated_at_idx\` ON \`calendar_feeds\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`calendar_feeds_created_at_idx\` ON \`calendar_feeds\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_kv\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`data\` text NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`payload_kv_key_idx\` ON \`payload_kv\` (\`key\`);`)
  await db.run(sql`CREATE TABLE \`payload_jobs_log\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`executed_at\` text NOT NULL,
  	\`completed_at\` text NOT NULL,
  	\`task_slug\` text NOT NULL,
  	\`task_i_d\` text NOT NULL,
  	\`input\` text,
  	\`output\` text,
  	\`state\` text NOT NULL,
  	\`error\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`payload_jobs\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_jobs_log_order_idx\` ON \`payload_jobs_log\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_log_parent_id_idx\` ON \`payload_jobs_log\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_jobs\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`input\` text,
  	\`completed_at\` text,
  	\`total_tried\` numeric DEFAULT 0,
  	\`has_error\` integer DEFAULT false,
  	\`error\` text,
  	\`task_slug\` text,
  	\`queue\` text DEFAULT 'default',
  	\`wait_until\` text,
  	\`processing\` integer DEFAULT false,
  	\`meta\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_jobs_completed_at_idx\` ON \`payload_jobs\` (\`completed_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_total_tried_idx\` ON \`payload_jobs\` (\`total_tried\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_has_error_idx\` ON \`payload_jobs\` (\`has_error\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_task_slug_idx\` ON \`payload_jobs\` (\`task_slug\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_queue_idx\` ON \`payload_jobs\` (\`queue\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_wait_until_idx\` ON \`payload_jobs\` (\`wait_until\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_processing_idx\` ON \`payload_jobs\` (\`processing\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_updated_at_idx\` ON \`payload_jobs\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_created_at_idx\` ON \`payload_jobs\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_locked_documents\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`global_slug\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_global_slug_idx\` ON \`payload_locked_documents\` (\`global_slug\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_updated_at_idx\` ON \`payload_locked_documents\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_created_at_idx\` ON \`payload_locked_documents\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`lessons_id\` integer,
  	\`courseware_id\` integer,
  	\`videos_id\` integer,
  	\`textbooks_id\` integer,
  	\`field_sites_id\` integer,
  	\`field_routes_id\` integer,
  	\`lecturers_id\` integer,
  	\`bundles_id\` integer,
  	\`themes_id\` integer,
  	\`media_id\` integer,
  	\`jurisdictions_id\` integer,
  	\`users_id\` integer,
  	\`search_outbox_id\` integer,
  	\`search_claims_id\` integer,
  	\`course_requests_id\` integer,
  	\`lecturer_slots_id\` integer,
  	\`request_locks_id\` integer,
  	\`training_sessions_id\` integer,
  	\`ratings_id\` integer,
  	\`rating_codes_id\` integer,
  	\`calendar_feeds_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`lessons_id\`) REFERENCES \`lessons\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`courseware_id\`) REFERENCES \`courseware\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`videos_id\`) REFERENCES \`videos\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`textbooks_id\`) REFERENCES \`textbooks\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`field_sites_id\`) REFERENCES \`field_sites\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`field_routes_id\`) REFERENCES \`field_routes\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`lecturers_id\`) REFERENCES \`lecturers\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`bundles_id\`) REFERENCES \`bundles\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`themes_id\`) REFERENCES \`themes\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`jurisdictions_id\`) REFERENCES \`jurisdictions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`search_outbox_id\`) REFERENCES \`search_outbox\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`search_claims_id\`) REFERENCES \`search_claims\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`course_requests_id\`) REFERENCES \`course_requests\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`lecturer_slots_id\`) REFERENCES \`lecturer_slots\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`request_locks_id\`) REFERENCES \`request_locks\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`training_sessions_id\`) REFERENCES \`training_sessions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`ratings_id\`) REFERENCES \`ratings\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`rating_codes_id\`) REFERENCES \`rating_codes\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`calendar_feeds_id\`) REFERENCES \`calendar_feeds\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_lessons_id_idx\` ON \`payload_locked_documents_rels\` (\`lessons_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_courseware_id_idx\` ON \`payload_locked_documents_rels\` (\`courseware_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_videos_id_idx\` ON \`payload_locked_documents_rels\` (\`videos_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_textbooks_id_idx\` ON \`payload_locked_documents_rels\` (\`textbooks_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_field_sites_id_idx\` ON \`payload_locked_documents_rels\` (\`field_sites_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_field_routes_id_idx\` ON \`payload_locked_documents_rels\` (\`field_routes_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_lecturers_id_idx\` ON \`payload_locked_documents_rels\` (\`lecturers_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_bundles_id_idx\` ON \`payload_locked_documents_rels\` (\`bundles_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_themes_id_idx\` ON \`payload_locked_documents_rels\` (\`themes_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_jurisdictions_id_idx\` ON \`payload_locked_documents_rels\` (\`jurisdictions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_search_outbox_id_idx\` ON \`payload_locked_documents_rels\` (\`search_outbox_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_search_claims_id_idx\` ON \`payload_locked_documents_rels\` (\`search_claims_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_course_requests_id_idx\` ON \`payload_locked_documents_rels\` (\`course_requests_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_lecturer_slots_id_idx\` ON \`payload_locked_documents_rels\` (\`lecturer_slots_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_request_locks_id_idx\` ON \`payload_locked_documents_rels\` (\`request_locks_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_training_sessions_id_idx\` ON \`payload_locked_documents_rels\` (\`training_sessions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_ratings_id_idx\` ON \`payload_locked_documents_rels\` (\`ratings_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_rating_codes_id_idx\` ON \`payload_locked_documents_rels\` (\`rating_codes_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_calendar_feeds_id_idx\` ON \`payload_locked_documents_rels\` (\`calendar_feeds_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_preferences\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text,
  	\`value\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_preferences_key_idx\` ON \`payload_preferences\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_updated_at_idx\` ON \`payload_preferences\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_created_at_idx\` ON \`payload_preferences\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_preferences_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_preferences\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_order_idx\` ON \`payload_preferences_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_parent_idx\` ON \`payload_preferences_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_path_idx\` ON \`payload_preferences_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_users_id_idx\` ON \`payload_preferences_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_migrations\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`batch\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_migrations_updated_at_idx\` ON \`payload_migrations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_migrations_created_at_idx\` ON \`payload_migrations\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_jobs_stats\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`stats\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`lessons_formats\`;`)
  await db.run(sql`DROP TABLE \`lessons_audiences\`;`)
  await db.run(sql`DROP TABLE \`lessons\`;`)
  await db.run(sql`DROP TABLE \`lessons_texts\`;`)
  await db.run(sql`DROP TABLE \`lessons_rels\`;`)
  await db.run(sql`DROP TABLE \`_lessons_v_version_formats\`;`)
  await db.run(sql`DROP TABLE \`_lessons_v_version_audiences\`;`)
  await db.run(sql`DROP TABLE \`_lessons_v\`;`)
  await db.run(sql`DROP TABLE \`_lessons_v_texts\`;`)
  await db.run(sql`DROP TABLE \`_lessons_v_rels\`;`)
  await db.run(sql`DROP TABLE \`courseware_audiences\`;`)
  await db.run(sql`DROP TABLE \`courseware\`;`)
  await db.run(sql`DROP TABLE \`courseware_rels\`;`)
  await db.run(sql`DROP TABLE \`_courseware_v_version_audiences\`;`)
  await db.run(sql`DROP TABLE \`_courseware_v\`;`)
  await db.run(sql`DROP TABLE \`_courseware_v_rels\`;`)
  await db.run(sql`DROP TABLE \`videos_audiences\`;`)
  await db.run(sql`DROP TABLE \`videos\`;`)
  await db.run(sql`DROP TABLE \`videos_rels\`;`)
  await db.run(sql`DROP TABLE \`textbooks_editors\`;`)
  await db.run(sql`DROP TABLE \`textbooks_chapters\`;`)
  await db.run(sql`DROP TABLE \`textbooks_audiences\`;`)
  await db.run(sql`DROP TABLE \`textbooks\`;`)
  await db.run(sql`DROP TABLE \`textbooks_rels\`;`)
  await db.run(sql`DROP TABLE \`_textbooks_v_version_editors\`;`)
  await db.run(sql`DROP TABLE \`_textbooks_v_version_chapters\`;`)
  await db.run(sql`DROP TABLE \`_textbooks_v_version_audiences\`;`)
  await db.run(sql`DROP TABLE \`_textbooks_v\`;`)
  await db.run(sql`DROP TABLE \`_textbooks_v_rels\`;`)
  await db.run(sql`DROP TABLE \`field_sites_services\`;`)
  await db.run(sql`DROP TABLE \`field_sites\`;`)
  await db.run(sql`DROP TABLE \`field_sites_rels\`;`)
  await db.run(sql`DROP TABLE \`field_routes_stops\`;`)
  await db.run(sql`DROP TABLE \`field_routes_audiences\`;`)
  await db.run(sql`DROP TABLE \`field_routes\`;`)
  await db.run(sql`DROP TABLE \`field_routes_rels\`;`)
  await db.run(sql`DROP TABLE \`_field_routes_v_version_stops\`;`)
  await db.run(sql`DROP TABLE \`_field_routes_v_version_audiences\`;`)
  await db.run(sql`DROP TABLE \`_field_routes_v\`;`)
  await db.run(sql`DROP TABLE \`_field_routes_v_rels\`;`)
  await db.run(sql`DROP TABLE \`lecturers\`;`)
  await db.run(sql`DROP TABLE \`lecturers_texts\`;`)
  await db.run(sql`DROP TABLE \`lecturers_rels\`;`)
  await db.run(sql`DROP TABLE \`bundles_items\`;`)
  await db.run(sql`DROP TABLE \`bundles_audiences\`;`)
  await db.run(sql`DROP TABLE \`bundles\`;`)
  await db.run(sql`DROP TABLE \`bundles_rels\`;`)
  await db.run(sql`DROP TABLE \`_bundles_v_version_items\`;`)
  await db.run(sql`DROP TABLE \`_bundles_v_version_audiences\`;`)
  await db.run(sql`DROP TABLE \`_bundles_v\`;`)
  await db.run(sql`DROP TABLE \`_bundles_v_rels\`;`)
  await db.run(sql`DROP TABLE \`themes\`;`)
  await db.run(sql`DROP TABLE \`media\`;`)
  await db.run(sql`DROP TABLE \`jurisdictions\`;`)
  await db.run(sql`DROP TABLE \`users_sessions\`;`)
  await db.run(sql`DROP TABLE \`users\`;`)
  await db.run(sql`DROP TABLE \`search_outbox\`;`)
  await db.run(sql`DROP TABLE \`search_claims\`;`)
  await db.run(sql`DROP TABLE \`course_requests_audiences\`;`)
  await db.run(sql`DROP TABLE \`course_requests_dispatches\`;`)
  await db.run(sql`DROP TABLE \`course_requests_history\`;`)
  await db.run(sql`DROP TABLE \`course_requests\`;`)
  await db.run(sql`DROP TABLE \`course_requests_rels\`;`)
  await db.run(sql`DROP TABLE \`lecturer_slots\`;`)
  await db.run(sql`DROP TABLE \`request_locks\`;`)
  await db.run(sql`DROP TABLE \`training_sessions_audiences\`;`)
  await db.run(sql`DROP TABLE \`training_sessions\`;`)
  await db.run(sql`DROP TABLE \`training_sessions_rels\`;`)
  await db.run(sql`DROP TABLE \`ratings\`;`)
  await db.run(sql`DROP TABLE \`rating_codes\`;`)
  await db.run(sql`DROP TABLE \`calendar_feeds\`;`)
  await db.run(sql`DROP TABLE \`payload_kv\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs_log\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_migrations\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs_stats\`;`)
}
