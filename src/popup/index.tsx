/** Popup composition root; the same page, opened in a tab with ?view=timeline, is the full timeline. */
import dataset from 'backstory:dataset';
import { render } from 'preact';
import { t } from '../shared/i18n';
import { PopupApp } from './PopupApp';

const params = new URLSearchParams(location.search);
const entity = params.get('entity');
const root = document.getElementById('app');
document.title = t('extensionName');
if (root) {
  render(
    <PopupApp
      dataset={dataset}
      mode={params.get('view') === 'timeline' ? 'tab' : 'popup'}
      initialFilter={entity && dataset.entities.some((e) => e.id === entity) ? entity : undefined}
      t={t}
    />,
    root,
  );
}
