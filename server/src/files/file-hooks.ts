import type { Principal } from '../../../shared/policy';

/**
 * Modules that attach files (hazards, findings, rectifications) provide this token (e.g. `{ provide:
 * FILE_ACCESS_CHECKER, useExisting: HazardsService }`): may this person see what the file is attached
 * to? Without it, only the uploader sees a file. Looked up at call time: no module imports the other.
 */
export const FILE_ACCESS_CHECKER = 'FILE_ACCESS_CHECKER';

export interface FileAccessChecker {
  mayReadFile(principal: Principal, fileId: string): Promise<boolean>;
}

/**
 * The inspections module may provide this token so a photo uploaded with `inspectionId` is stamped with
 * the host enterprise: null when the caller has no business with that inspection (the upload is then 404).
 */
export const INSPECTION_STAMP_CONTEXT = 'INSPECTION_STAMP_CONTEXT';

export interface InspectionStampContext {
  stampContextFor(principal: Principal, inspectionId: string): Promise<{ enterpriseId: string; enterpriseName: string } | null>;
}
