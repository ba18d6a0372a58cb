import { browser } from '../shared/browser';
import { readReportContext, reportPageUrl, type ReportContext } from '../shared/report';

/** Opens the report page in a tab, prepared with what the card knows (no permission needed). */
export async function openReport(context: ReportContext): Promise<undefined> {
  // Rebuilt field by field, so only the known fields, within their bounds, reach the page.
  const clean = readReportContext(reportPageUrl(context).replace(/^report\.html\??/u, ''));
  await browser.tabs.create({ url: browser.runtime.getURL(reportPageUrl(clean)) });
  return undefined;
}
