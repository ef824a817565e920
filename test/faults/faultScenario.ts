// A fault or an attack played against a real Erasure, at two sizes: small enough for `npm test`, and the full
// size the issue names for `npm run bench:faults`. Each run reports what it saw in these figures, so that the
// test can assert them and the benchmark can print them.
export type FaultScale = 'test' | 'bench';

export interface FaultFigures {
  /** Redactions (request posts) that ended redacted, checked against the forum's content. */
  redactionsCompleted: number;
  /** Work accepted (a 202, an approved post) that never completed. */
  lost: number;
  /** Posts whose redaction was applied more than once (content or audit trail shows it twice). */
  appliedTwice: number;
  /** Emails a person received more than once for the same event. */
  duplicateEmails: number;
  /** Generated inputs sent to an endpoint. */
  inputsFuzzed: number;
  /** Answers with a 5xx status. */
  serverErrors: number;
}

export interface FaultRun {
  figures: Partial<FaultFigures>;
  /** Figures of this scenario's own, printed as they are: kills, seconds down, retries seen… */
  details: Record<string, number | string>;
}

export interface FaultScenario {
  name: string;
  run(scale: FaultScale): Promise<FaultRun>;
}
