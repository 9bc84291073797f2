import { communeReadiness } from './commune-readiness.js';
import { egdi, egdiFromRaw } from './egdi.js';
import { qd766 } from './qd766.js';

/**
 * The criteria sets shipped with the library (bộ tiêu chí chính thức), as validated data:
 * - `qd766`: QĐ 766/QĐ-TTg, 6 groups, 100 points;
 * - `egdi`: UN EGDI = mean of the published OSI, TII, HCI;
 * - `egdiFromRaw`: EGDI from raw components with the UN z-score and min–max normalisation;
 * - `communeReadiness`: template for the commune/district e-government assessment (QĐ 2392/QĐ-BTTTT structure).
 *
 * @example
 * ```ts
 * import { criteriaSets } from 'vn-egov/scoring';
 * criteriaSets.qd766.groups.length; // 6
 * ```
 */
export const criteriaSets = { qd766, egdi, egdiFromRaw, communeReadiness } as const;
