// Turns the overlapping findings of several recognizers into one non-overlapping list. Where two overlap, the
// requester's finding wins (it is what the request is about), then the longer one (it leaks less).
import type { Span } from './types';

export function mergeSpans(spans: readonly Span[]): Span[] {
  const byPreference = [...spans].sort(
    (a, b) =>
      Number(b.owner === 'requester') - Number(a.owner === 'requester') ||
      b.end - b.start - (a.end - a.start) ||
      b.score - a.score ||
      a.start - b.start,
  );
  const kept: Span[] = [];
  for (const span of byPreference) {
    if (span.end <= span.start) continue;
    if (kept.some((k) => k.start < span.end && span.start < k.end)) continue;
    kept.push(span);
  }
  return kept.sort((a, b) => a.start - b.start);
}
