/** Background composition root: keeps each tab's toolbar badge in step with its page. */
import { startBadge } from './badge';

startBadge(new AbortController().signal);
