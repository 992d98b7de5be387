import type { Face } from '../faces.js';
import { threatwindsPlugin } from './plugin.js';

/** ThreatWinds-compatible host-scan ingest (`/api/ingest/v1`) and analytics (`/api/analytics/v1`). */
export const threatwindsFace: Face = { name: 'threatwinds', plugin: threatwindsPlugin };

export { ANALYTICS_PREFIX, completionEvent, INGEST_PREFIX, taskStatus } from './plugin.js';
