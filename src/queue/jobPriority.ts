// BullMQ priorities of a request's jobs (locate, redact, its emails): a child's request (under 13) is taken first.
// BullMQ runs a job without a priority before every prioritized one, so each request job carries one: 1 or 10.
export const urgentPriority = 1;
export const ordinaryPriority = 10;

export const jobPriority = (request: { childUnder13: boolean }): number => (request.childUnder13 ? urgentPriority : ordinaryPriority);

/** The request a queued job is about, when its payload names one (mail.send names a mail, and is set when rendered). */
export const requestIdOf = (payload: unknown): string | undefined => {
  const id = (payload as { requestId?: unknown } | null)?.requestId;
  return typeof id === 'string' ? id : undefined;
};
