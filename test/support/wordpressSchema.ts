// A WordPress site's tables on the real MariaDB of the machine, for the MySQL connector's tests: a fresh database
// per test file (dropped on close), with wp_posts, wp_postmeta, wp_comments and wp_commentmeta as WordPress's
// own schema (wp-admin/includes/schema.php) defines them, so that column types and lengths are the real ones.
import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import { type MysqlForumDatabase, openMysqlPool } from '../../src/forum/mysql/mysqlPool';

export const mariadbServerUrl = process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test';

export function wordpressSchemaStatements(prefix = 'wp_'): string[] {
  const charset = 'DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci';
  return [
    `CREATE TABLE ${prefix}posts (
  ID bigint(20) unsigned NOT NULL auto_increment,
  post_author bigint(20) unsigned NOT NULL default '0',
  post_date datetime NOT NULL default '0000-00-00 00:00:00',
  post_date_gmt datetime NOT NULL default '0000-00-00 00:00:00',
  post_content longtext NOT NULL,
  post_title text NOT NULL,
  post_excerpt text NOT NULL,
  post_status varchar(20) NOT NULL default 'publish',
  comment_status varchar(20) NOT NULL default 'open',
  ping_status varchar(20) NOT NULL default 'open',
  post_password varchar(255) NOT NULL default '',
  post_name varchar(200) NOT NULL default '',
  to_ping text NOT NULL,
  pinged text NOT NULL,
  post_modified datetime NOT NULL default '0000-00-00 00:00:00',
  post_modified_gmt datetime NOT NULL default '0000-00-00 00:00:00',
  post_content_filtered longtext NOT NULL,
  post_parent bigint(20) unsigned NOT NULL default '0',
  guid varchar(255) NOT NULL default '',
  menu_order int(11) NOT NULL default '0',
  post_type varchar(20) NOT NULL default 'post',
  post_mime_type varchar(100) NOT NULL default '',
  comment_count bigint(20) NOT NULL default '0',
  PRIMARY KEY  (ID),
  KEY post_name (post_name(191)),
  KEY type_status_date (post_type,post_status,post_date,ID),
  KEY post_parent (post_parent),
  KEY post_author (post_author)
) ${charset}`,
    `CREATE TABLE ${prefix}postmeta (
  meta_id bigint(20) unsigned NOT NULL auto_increment,
  post_id bigint(20) unsigned NOT NULL default '0',
  meta_key varchar(255) default NULL,
  meta_value longtext,
  PRIMARY KEY  (meta_id),
  KEY post_id (post_id),
  KEY meta_key (meta_key(191))
) ${charset}`,
    `CREATE TABLE ${prefix}comments (
  comment_ID bigint(20) unsigned NOT NULL auto_increment,
  comment_post_ID bigint(20) unsigned NOT NULL default '0',
  comment_author tinytext NOT NULL,
  comment_author_email varchar(100) NOT NULL default '',
  comment_author_url varchar(200) NOT NULL default '',
  comment_author_IP varchar(100) NOT NULL default '',
  comment_date datetime NOT NULL default '0000-00-00 00:00:00',
  comment_date_gmt datetime NOT NULL default '0000-00-00 00:00:00',
  comment_content text NOT NULL,
  comment_karma int(11) NOT NULL default '0',
  comment_approved varchar(20) NOT NULL default '1',
  comment_agent varchar(255) NOT NULL default '',
  comment_type varchar(20) NOT NULL default 'comment',
  comment_parent bigint(20) unsigned NOT NULL default '0',
  user_id bigint(20) unsigned NOT NULL default '0',
  PRIMARY KEY  (comment_ID),
  KEY comment_post_ID (comment_post_ID),
  KEY comment_approved_date_gmt (comment_approved,comment_date_gmt),
  KEY comment_date_gmt (comment_date_gmt),
  KEY comment_parent (comment_parent),
  KEY comment_author_email (comment_author_email(10))
) ${charset}`,
    `CREATE TABLE ${prefix}commentmeta (
  meta_id bigint(20) unsigned NOT NULL auto_increment,
  comment_id bigint(20) unsigned NOT NULL default '0',
  meta_key varchar(255) default NULL,
  meta_value longtext,
  PRIMARY KEY  (meta_id),
  KEY comment_id (comment_id),
  KEY meta_key (meta_key(191))
) ${charset}`,
  ];
}

export interface WordpressDatabase extends MysqlForumDatabase {
  /** mysql://… of this database, for FORUM_URL. */
  url: string;
}

/** A new database on the MariaDB server with the WordPress tables; close() drops it. */
export async function openWordpressDatabase(prefix = 'wp_'): Promise<WordpressDatabase> {
  const name = `erasure_${randomBytes(6).toString('hex')}`;
  const admin = await mysql.createConnection({ uri: mariadbServerUrl });
  try {
    await admin.query(`CREATE DATABASE ${name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci`);
    await admin.query(`USE ${name}`);
    // WordPress's zero-date defaults are refused under NO_ZERO_DATE; WordPress itself clears that mode too.
    await admin.query(`SET SESSION sql_mode = 'STRICT_TRANS_TABLES'`);
    for (const statement of wordpressSchemaStatements(prefix)) await admin.query(statement);
  } finally {
    await admin.end();
  }
  const url = new URL(mariadbServerUrl);
  url.pathname = `/${name}`;
  const database = openMysqlPool(url.toString());
  const close = database.close;
  let closing: Promise<void> | undefined;
  return {
    ...database,
    url: url.toString(),
    close() {
      closing ??= (async () => {
        await close();
        const dropper = await mysql.createConnection({ uri: mariadbServerUrl });
        try {
          await dropper.query(`DROP DATABASE IF EXISTS ${name}`);
        } finally {
          await dropper.end();
        }
      })();
      return closing;
    },
  };
}
