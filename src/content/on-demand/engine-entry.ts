/**
 * engine.js: Backstory's engine (find, judge, highlight, hover, watch, the card's host, the
 * popup's answers), offered to the sentinel, which loads it where a name may be.
 */
import entities from 'backstory:aliases';
import type { Settings } from '../../core/settings';
import { startLifecycle } from '../lifecycle';
import type { PageHandoff } from '../page-handoff';
import { logError } from '../log-error';
import { provideModule } from './registry';

export interface Engine {
  /**
   * Runs the engine in this document until `signal` aborts, from the settings the sentinel read
   * and, if it has them, the texts it found (else the engine reads the whole page).
   */
  start(settings: Settings, signal: AbortSignal, handoff?: PageHandoff): void;
}

provideModule('engine.js', {
  start: (settings, signal, handoff) => {
    startLifecycle(entities, signal, settings, handoff).catch(logError);
  },
});
