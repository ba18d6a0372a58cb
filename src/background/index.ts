/** Background composition root: the toolbar badge, the keyboard command, and the dataset the cards come from. */
import dataset from 'backstory:dataset';
import { answerMessages } from './answer-messages';
import { startBadge } from './badge';
import { startCommands } from './commands';
import { startFirstRun } from './first-run';
import { keepSettingsFirst } from './keep-settings-first';

const signal = new AbortController().signal;
answerMessages(dataset, startBadge(signal), signal);
startCommands(signal);
startFirstRun(signal);
keepSettingsFirst(dataset.entities, signal);
