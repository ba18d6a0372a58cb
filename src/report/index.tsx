/** Report page composition root: the context from the address, the dataset's date, the version. */
import dataset from 'backstory:dataset';
import { render } from 'preact';
import { browser } from '../shared/browser';
import { t } from '../shared/i18n';
import { mountPage } from '../shared/mount-page';
import { ISSUE_TRACKER_URL, readReportContext } from '../shared/report';
import { ReportApp } from './ReportApp';

const context = readReportContext(location.search);

mountPage(`${t('reportTitle')} · ${t('extensionName')}`, (root) =>
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
  ),
);
