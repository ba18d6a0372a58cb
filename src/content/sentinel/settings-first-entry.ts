/** settings-first.js: run by the background in every frame while the settings turn on an entity off by default. */
import { askSettingsFirst } from './settings-first';

askSettingsFirst();
