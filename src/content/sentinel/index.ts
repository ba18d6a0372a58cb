/** content.js, injected into every frame of every page: the sentinel (engine.js comes on demand). */
import { logError } from '../log-error';
import { startSentinel } from './start-sentinel';

startSentinel(new AbortController().signal).catch(logError);
