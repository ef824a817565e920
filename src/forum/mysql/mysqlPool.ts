// Opens the pool a WordPress forum is reached through, from FORUM_URL (mysql:// or mariadb://).
import mysql, { type Pool } from 'mysql2/promise';

export interface MysqlForumDatabase {
  pool: Pool;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export function openMysqlPool(url: string): MysqlForumDatabase {
  // mysql2 reads mysql:// URLs only; mariadb:// is the same protocol.
  const uri = url.replace(/^mariadb:/, 'mysql:');
  const pool = mysql.createPool({ uri, connectionLimit: 10, charset: 'utf8mb4', dateStrings: true });
  let closing: Promise<void> | undefined;
  return {
    pool,
    async ping() {
      await pool.query('SELECT 1');
    },
    close() {
      closing ??= pool.end();
      return closing;
    },
  };
}
