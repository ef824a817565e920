// npm run bench:faults: every fault scenario at full size against the real servers, then the figures the issue
// asks for, per scenario and summed. Needs PostgreSQL (TEST_DATABASE_URL, default the local server) and Redis.
import type { FaultFigures, FaultScenario } from '../test/faults/faultScenario';
import { faultScenarios } from './faultScenarios';

const figureNames: (keyof FaultFigures)[] = ['redactionsCompleted', 'lost', 'appliedTwice', 'duplicateEmails', 'inputsFuzzed', 'serverErrors'];

async function main(scenarios: FaultScenario[]): Promise<void> {
  process.env.TEST_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/test';
  const only = process.argv[2];
  const totals: FaultFigures = { redactionsCompleted: 0, lost: 0, appliedTwice: 0, duplicateEmails: 0, inputsFuzzed: 0, serverErrors: 0 };
  for (const scenario of scenarios.filter((s) => !only || s.name === only)) {
    const started = Date.now();
    const { figures, details } = await scenario.run('bench');
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    for (const name of figureNames) totals[name] += figures[name] ?? 0;
    const shown = figureNames.filter((name) => figures[name] !== undefined).map((name) => `${name} ${figures[name]}`);
    const extra = Object.entries(details).map(([key, value]) => `${key} ${value}`);
    console.log(`${scenario.name.padEnd(24)} ${seconds.padStart(6)} s  ${[...shown, ...extra].join(', ')}`);
  }
  console.log('');
  console.log('totals');
  for (const name of figureNames) console.log(`  ${name.padEnd(20)} ${totals[name]}`);
}

main(faultScenarios).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
