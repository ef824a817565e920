// Jest's global setup, once per run before any test file: the run's log folder, then the PGlite template.
import createPgliteTemplate from './pgliteTemplate';
import logFolderSetup from './logFolderSetup';

export default async function globalSetup(): Promise<void> {
  logFolderSetup();
  await createPgliteTemplate();
}
