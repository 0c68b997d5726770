import type { Principal } from '../../../shared/policy';

/**
 * The inspections module answers "which open mutual round at this host is the caller assigned to?" by
 * providing this token (e.g. `{ provide: ASSIGNED_INSPECTION_FINDER, useExisting: InspectionsService }`).
 * Scan resolution looks it up at call time, so neither module imports the other.
 */
export const ASSIGNED_INSPECTION_FINDER = 'ASSIGNED_INSPECTION_FINDER';

export interface AssignedInspectionFinder {
  assignedOpenInspectionFor(principal: Principal, enterpriseId: string): Promise<{ id: string } | null>;
}
