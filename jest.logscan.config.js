/** The log scan, run once after both passes of `npm test` (npm run test:logs): see test/logScan/runLogs.logscan.ts. */
const main = require('./jest.config');

module.exports = {
  ...main,
  testMatch: ['**/test/logScan/*.logscan.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  globalSetup: undefined,
};
