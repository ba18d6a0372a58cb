/** Content-script composition root: everything it starts stops with one `abort()`. */
import entities from 'backstory:aliases';
import { reportError } from './report-error';
import { startBackstory } from './start-backstory';

startBackstory(entities, new AbortController().signal).catch(reportError);
