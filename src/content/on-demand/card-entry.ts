/** card.js: the card's UI (Preact, the card, Floating UI), offered to the content script. */
import * as CardUi from '../card/card-ui';
import { provideModule } from './registry';

provideModule('card.js', CardUi);
