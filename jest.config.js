/** Component and unit tests run against the real servers of the machine; see test/support/world.ts. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // The fault tests stop and start real servers and processes around a PostgreSQL database: they run in the
  // PostgreSQL pass only (npm run test:postgres). The detector's and the domain rules' tests touch no database:
  // they run once, in the PGlite pass.
  testPathIgnorePatterns: process.env.TEST_DATABASE_URL ? ['/node_modules/', '/test/pii/', '/test/domain/'] : ['/node_modules/', '/test/faults/'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }] },
  // A whole world (database, migrations, queues, workers) can take over 30 s to start on a busy 2-core machine.
  testTimeout: 60000,
  maxWorkers: 2,
  // One log folder per run (TEST_LOG_DIR), where every test world writes its lines for the log scan; and the
  // migrated PGlite database every test file's database starts from.
  globalSetup: '<rootDir>/test/support/globalSetup.ts',
};
