// Time and identifiers are handed in, so that a test can move the clock instead of sleeping.
import { randomUUID } from 'node:crypto';

export interface Clock {
  now(): Date;
}
export interface Ids {
  next(): string;
}

export const systemClock: Clock = { now: () => new Date() };
export const randomIds: Ids = { next: () => randomUUID() };
