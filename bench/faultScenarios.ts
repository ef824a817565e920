// The scenarios bench:faults plays, in order.
import type { FaultScenario } from '../test/faults/faultScenario';

export const faultScenarios: FaultScenario[] = [];
