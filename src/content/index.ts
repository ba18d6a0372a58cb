/** Content-script composition root: everything it starts stops with one `abort()`. */
import entities from 'backstory:aliases';
import { followSettings } from './follow-settings';
import { reportError } from './report-error';

followSettings(entities, new AbortController().signal).catch(reportError);
