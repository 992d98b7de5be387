export { createSolidityScanFace, createSolidityScanPlugin, type SolidityScanFaceOptions } from './plugin.js';

import { createSolidityScanFace } from './plugin.js';

/** The face as registered in src/api/faces.ts. */
export const solidityScanFace = createSolidityScanFace();
