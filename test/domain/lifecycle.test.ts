// The lifecycle table: who may move a request from where to where.
import { InvalidTransition } from '../../src/domain/errors';
import { requestStates, terminalStates, transitionFor, transitions, withdrawableStates } from '../../src/domain/lifecycle';

test('verifying a received request starts locate and sends the received email', () => {
  const t = transitionFor('received', 'verify', 'requester');
  expect(t.to).toBe('verified');
  expect(t.jobs).toEqual(['request.locate']);
  expect(t.mail).toBe('received');
});

test('a moderator cannot verify on behalf of a requester, nor a requester approve', () => {
  expect(() => transitionFor('received', 'verify', 'moderator')).toThrow(InvalidTransition);
  expect(() => transitionFor('awaiting_review', 'approve', 'requester')).toThrow(InvalidTransition);
});

test('no event leaves a terminal state', () => {
  for (const state of terminalStates) {
    for (const t of transitions) expect(() => transitionFor(state, t.event, t.by[0] ?? 'system')).toThrow(InvalidTransition);
  }
});

test('a request being redacted cannot be withdrawn, one in review can', () => {
  expect(() => transitionFor('redacting', 'withdraw', 'requester')).toThrow(/redacting/);
  expect(transitionFor('awaiting_review', 'withdraw', 'requester').to).toBe('withdrawn');
});

test('every state but received can be reached, and every non-terminal state has a way out', () => {
  const reached = new Set(transitions.map((t) => t.to));
  for (const state of requestStates) if (state !== 'received') expect(reached).toContain(state);
  for (const state of requestStates.filter((s) => !terminalStates.includes(s))) {
    expect(transitions.some((t) => (t.from as readonly string[]).includes(state))).toBe(true);
  }
});

test('a refusal and a completion each send their email', () => {
  expect(transitionFor('awaiting_review', 'refuse', 'moderator').mail).toBe('refused');
  expect(transitionFor('redacting', 'redacted', 'system').mail).toBe('completed');
  expect(transitionFor('redacting', 'post_changed', 'system')).toMatchObject({ to: 'verified', jobs: ['request.locate'] });
});

test('four eyes: a first approval starts nothing, the second starts the redaction', () => {
  expect(transitionFor('awaiting_review', 'approve_first', 'moderator')).toMatchObject({ to: 'awaiting_second_approval' });
  expect(transitionFor('awaiting_review', 'approve_first', 'moderator').jobs).toBeUndefined();
  expect(transitionFor('awaiting_second_approval', 'approve_second', 'moderator')).toMatchObject({ to: 'redacting', jobs: ['request.redact'] });
  expect(() => transitionFor('awaiting_review', 'approve_second', 'moderator')).toThrow(InvalidTransition);
  expect(() => transitionFor('awaiting_second_approval', 'approve_first', 'moderator')).toThrow(InvalidTransition);
  expect(() => transitionFor('awaiting_second_approval', 'approve_second', 'requester')).toThrow(InvalidTransition);
});

test('a request waiting for its second approval can still be refused, questioned or withdrawn', () => {
  expect(transitionFor('awaiting_second_approval', 'refuse', 'moderator')).toMatchObject({ to: 'refused', mail: 'refused' });
  expect(transitionFor('awaiting_second_approval', 'ask', 'moderator')).toMatchObject({ to: 'needs_info', mail: 'needs_info' });
  expect(transitionFor('awaiting_second_approval', 'withdraw', 'requester')).toMatchObject({ to: 'withdrawn', mail: 'withdrawn' });
  expect(withdrawableStates).toContain('awaiting_second_approval');
});
