// The scenarios bench:faults plays, in order.
import type { FaultScenario } from '../test/faults/faultScenario';
import { forumDown } from '../test/faults/scenarios/forumDown';
import { redisDown } from '../test/faults/scenarios/redisDown';
import { smtpDown } from '../test/faults/scenarios/smtpDown';

export const faultScenarios: FaultScenario[] = [redisDown, smtpDown, forumDown];
