// What a finding can be: a kind of personal information, or a passage the requester quoted.
import { type PiiType, piiTypes } from '../pii/types';

export type FindingType = PiiType | 'passage';
export const findingTypes: readonly FindingType[] = [...piiTypes, 'passage'];
