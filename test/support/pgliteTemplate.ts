// jest globalSetup: on the PGlite pass, one migrated database dumped to a file that every test file's database
// starts from (test/support/testDatabase.ts). Creating a PGlite cluster takes seconds; loading a dump, one.
// The file's name hashes the migrations and PGlite's version, so a changed schema gets a new template.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { migrationsDir, packageRoot } from '../../src/paths';

export const templateVariable = 'TEST_PGLITE_TEMPLATE';

function templateKey(): string {
  const hash = createHash('sha256').update(readFileSync(path.join(packageRoot, 'node_modules/@electric-sql/pglite/package.json')));
  for (const file of readdirSync(migrationsDir, { recursive: true }).map(String).sort()) {
    const full = path.join(migrationsDir, file);
    if (file.endsWith('.sql') || file.endsWith('.json')) hash.update(file).update(readFileSync(full));
  }
  return hash.digest('hex').slice(0, 16);
}

export default async function createPgliteTemplate(): Promise<void> {
  if (process.env.TEST_DATABASE_URL) return;
  const file = path.join(tmpdir(), `erasure-pglite-template-${templateKey()}.tar`);
  if (!existsSync(file)) {
    const client = new PGlite();
    await migrate(drizzle(client), { migrationsFolder: migrationsDir });
    const dump = await client.dumpDataDir('none');
    await client.close();
    // Written aside and renamed, so that a run stopped half-way never leaves a truncated template behind.
    const partial = `${file}.${process.pid}`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, file);
  }
  process.env[templateVariable] = file;
}
