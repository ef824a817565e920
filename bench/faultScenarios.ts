// The scenarios bench:faults plays, in order.
import type { FaultScenario } from '../test/faults/faultScenario';
import { forumDown } from '../test/faults/scenarios/forumDown';
import { fuzzEndpoints } from '../test/faults/scenarios/fuzzEndpoints';
import { killHttpScenario } from '../test/faults/scenarios/killHttp';
import { killWorkersScenario } from '../test/faults/scenarios/killWorkers';
import { redisDown } from '../test/faults/scenarios/redisDown';
import { smtpDown } from '../test/faults/scenarios/smtpDown';
import { stalledJobsScenario } from '../test/faults/scenarios/stalledJobs';

export const faultScenarios: FaultScenario[] = [killWorkersScenario, killHttpScenario, stalledJobsScenario, redisDown, smtpDown, forumDown, fuzzEndpoints];
