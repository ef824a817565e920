/** Component and unit tests run against the real servers of the machine; see test/support/world.ts. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // The fault tests stop and start real servers and processes around a PostgreSQL database: they run in the
  // PostgreSQL pass only (npm run test:postgres), not again on PGlite.
  testPathIgnorePatterns: process.env.TEST_DATABASE_URL ? ['/node_modules/'] : ['/node_modules/', '/test/faults/'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }] },
  // A whole world (database, migrations, queues, workers) can take over 30 s to start on a busy 2-core machine.
  // One log folder per run (ERASURE_TEST_LOG_DIR): every test world writes its lines there for the log scan.
  globalSetup: '<rootDir>/test/support/logFolderSetup.ts',
  testTimeout: 60000,
  maxWorkers: 2,
};
