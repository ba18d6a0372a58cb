/** page-date.js: the reader of the page's date, offered to the content script. */
import * as PageDates from '../page-date/find-page-date';
import { provideModule } from './registry';

provideModule('page-date.js', PageDates);
