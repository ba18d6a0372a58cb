/** Content-script composition root: everything it starts stops with one `abort()`. */
import dataset from 'backstory:dataset';
import { reportError } from './report-error';
import { startBackstory } from './start-backstory';

startBackstory(dataset, new AbortController().signal).catch(reportError);
