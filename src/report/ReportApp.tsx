import { useState } from 'preact/hooks';
import type { MessageKey, Translate } from '../shared/i18n';
import type { ReportContext } from '../shared/report';

export interface ReportAppProps {
  readonly context: ReportContext;
  /** The entity's name, from the dataset. */
  readonly entityName: string | undefined;
  readonly asOf: string;
  readonly version: string;
  readonly trackerUrl: string;
  /** Puts text on the clipboard; rejects where the browser refuses. */
  readonly copy: (text: string) => Promise<void>;
  readonly t: Translate;
}

const PROBLEMS: readonly MessageKey[] = ['reportNotAbout', 'reportWrongFact', 'reportWrongSource', 'reportOther'];

/**
 * The report page: a report already written from what the card knew (the name as highlighted,
 * its sentence, the entity, the dataset's date and version), what the reader thinks is wrong, and
 * the page's address only if they tick the box. Copied by the reader and filed at the tracker:
 * Backstory sends nothing.
 */
export function ReportApp({ context, entityName, asOf, version, trackerUrl, copy, t }: ReportAppProps) {
  const [problem, setProblem] = useState<MessageKey>(context.entityId ? 'reportNotAbout' : 'reportWrongFact');
  const [details, setDetails] = useState('');
  const [includeUrl, setIncludeUrl] = useState(false);
  const [copied, setCopied] = useState<'yes' | 'failed' | undefined>(undefined);
  const none = t('reportNone');
  const entity = context.entityId ? `${entityName ?? context.entityId} (${context.entityId})` : none;
  const report = [
    `## ${t('reportHeading')}`,
    '',
    `- ${t('reportFieldProblem')}: ${t(problem)}`,
    `- ${t('reportFieldDetails')}: ${details.trim() || none}`,
    `- ${t('reportFieldName')}: ${context.name ?? none}`,
    `- ${t('reportFieldEntity')}: ${entity}`,
    `- ${t('reportFieldSentence')}: ${context.sentence ? `“${context.sentence}”` : none}`,
    `- ${t('reportFieldPage')}: ${context.pageUrl && includeUrl ? context.pageUrl : t('reportFieldPageLeftOut')}`,
    `- ${t('reportFieldDataset')}: ${t('reportDatasetValue', asOf, version)}`,
  ].join('\n');

  return (
    <main class="report">
      <header class="app-head">
        <img src="icons/icon-48.png" alt="" width="28" height="28" />
        <h1>{t('reportTitle')}</h1>
      </header>
      <p>{t('reportIntro')}</p>
      <fieldset>
        <legend>{t('reportWhat')}</legend>
        {PROBLEMS.map((key) => (
          <label key={key} class="check">
            <input
              type="radio"
              name="problem"
              checked={problem === key}
              onChange={() => {
                setProblem(key);
                setCopied(undefined);
              }}
            />
            <span>{t(key)}</span>
          </label>
        ))}
      </fieldset>
      <label for="details">{t('reportDetails')}</label>
      <textarea
        id="details"
        rows={3}
        value={details}
        onInput={(event) => {
          setDetails(event.currentTarget.value);
          setCopied(undefined);
        }}
      />
      {context.pageUrl ? (
        <label class="check include-url">
          <input
            type="checkbox"
            checked={includeUrl}
            onChange={(event) => {
              setIncludeUrl(event.currentTarget.checked);
              setCopied(undefined);
            }}
          />
          <span>{t('reportIncludeUrl')}</span>
        </label>
      ) : (
        <p class="muted">{t('reportNoUrl')}</p>
      )}
      <label for="report-text">{t('reportPreview')}</label>
      <textarea id="report-text" class="report-text" rows={11} readOnly value={report} />
      <div class="actions">
        <button
          type="button"
          class="primary"
          onClick={() =>
            void copy(report).then(
              () => setCopied('yes'),
              () => setCopied('failed'),
            )
          }
        >
          {t('reportCopy')}
        </button>
        <a href={trackerUrl} target="_blank" rel="noopener noreferrer">
          {t('reportOpenTracker')}
        </a>
        <span class="copied" role="status">
          {copied === 'yes' ? t('reportCopied') : copied === 'failed' ? t('reportCopyFailed') : ''}
        </span>
      </div>
    </main>
  );
}
