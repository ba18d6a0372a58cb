/** Report page composition root: the context from the address, the dataset's date, the version. */
import dataset from 'backstory:dataset';
import { render } from 'preact';
import { browser } from '../shared/browser';
import { t } from '../shared/i18n';
import { ISSUE_TRACKER_URL, readReportContext } from '../shared/report';
import { ReportApp } from './ReportApp';

const root = document.getElementById('app');
const context = readReportContext(location.search);
document.documentElement.lang = t('uiLocale');
document.title = `${t('reportTitle')} · ${t('extensionName')}`;

if (root) {
  render(
    <ReportApp
      context={context}
      entityName={dataset.entities.find((e) => e.id === context.entityId)?.name}
      asOf={dataset.asOf}
      version={browser.runtime.getManifest().version}
      trackerUrl={ISSUE_TRACKER_URL}
      copy={(text) => navigator.clipboard.writeText(text)}
      t={t}
    />,
    root,
  );
}
