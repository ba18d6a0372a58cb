import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cardModel } from '../../src/core/card-model';
import type { MessageKey } from '../../src/shared/i18n';
import { HoverCard, type HoverCardProps } from '../../src/ui/HoverCard';
import messages from '../../src/_locales/en/messages.json';
import { fixtureDataset } from '../support/fixture-dataset';

/** The English messages, substituted the way browser.i18n does. */
const t = (key: MessageKey, ...subs: string[]): string =>
  messages[key].message.replace(/\$([A-Z]+)\$/g, (_, name: string) => {
    const placeholders = (messages[key] as { placeholders?: Record<string, { content: string }> }).placeholders;
    const index = Number(placeholders?.[name.toLowerCase()]?.content.slice(1)) - 1;
    return subs[index] ?? '';
  });

function mount(entityId: string, props: Partial<HoverCardProps> = {}) {
  const container = document.createElement('div');
  document.body.append(container);
  render(
    <HoverCard
      model={cardModel(fixtureDataset(), entityId)!}
      t={t}
      onOpenEntity={() => {}}
      onOpenTimeline={() => {}}
      onClose={() => {}}
      {...props}
    />,
    container,
  );
  return container;
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('HoverCard', () => {
  it('is a labelled dialog with the name, identity, role and status with its dates', () => {
    const card = mount('tiktok');
    const dialog = card.querySelector('[role="dialog"]')!;
    expect(dialog.getAttribute('aria-label')).toBe('Backstory: TikTok');
    expect(card.querySelector('h2')!.textContent).toBe('TikTok');
    expect(card.textContent).toContain('Short-video app owned by ByteDance.');
    expect(card.textContent).toContain('The app whose US future the deal decides.');
    expect(card.querySelector('.now')!.textContent).toContain('Run in the US by a joint venture.');
    expect(card.querySelector('.now')!.textContent).toContain('Since 22 Jan 2026 · as of 15 May 2026');
  });

  it('dates every event, links every source in a new tab without referrer, and says where sources differ', async () => {
    const card = mount('tiktok');
    const items = [...card.querySelectorAll('.dates li')];
    expect(items.map((li) => li.querySelector('time')!.getAttribute('datetime'))).toEqual(['2020-09-14', '2020-09-13']);
    expect(items[0]!.textContent).toContain('14 Sep 2020');
    const differ = items[0]!.querySelector<HTMLButtonElement>('button.differ')!;
    expect(differ.textContent).toBe('Sources differ');
    expect(differ.getAttribute('aria-expanded')).toBe('false');
    expect(items[0]!.textContent).not.toContain('provider or partner');
    differ.click();
    await new Promise((resolve) => setTimeout(resolve));
    expect(differ.getAttribute('aria-expanded')).toBe('true');
    expect(items[0]!.querySelector(`#${differ.getAttribute('aria-controls')}`)!.textContent).toContain(
      'provider or partner',
    );
    for (const item of items) expect(item.querySelectorAll('a[href^="https://"]').length).toBeGreaterThan(0);
    const links = [...card.querySelectorAll('a')];
    expect(links.length).toBeGreaterThanOrEqual(3);
    for (const link of links) {
      expect(link.target).toBe('_blank');
      expect(link.rel).toBe('noopener noreferrer');
      expect(link.getAttribute('aria-label')).toMatch(/\(opens in a new tab\)$/);
    }
  });

  it('renders dataset text as text, never as HTML', () => {
    const dataset = fixtureDataset();
    const model = { ...cardModel(dataset, 'tiktok')!, role: '<img src=x onerror=alert(1)>' };
    const container = document.createElement('div');
    render(
      <HoverCard model={model} t={t} onOpenEntity={() => {}} onOpenTimeline={() => {}} onClose={() => {}} />,
      container,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('opens related entities, the full timeline, goes back, and closes', () => {
    const onOpenEntity = vi.fn();
    const onOpenTimeline = vi.fn();
    const onBack = vi.fn();
    const onClose = vi.fn();
    const card = mount('tiktok', { onOpenEntity, onOpenTimeline, onClose, back: { name: 'Oracle', onBack } });
    card.querySelector<HTMLButtonElement>('button.timeline')!.click();
    expect(onOpenTimeline).toHaveBeenCalledWith('tiktok');
    const chips = [...card.querySelectorAll<HTMLButtonElement>('.related button')];
    expect(chips.map((b) => b.textContent)).toEqual(['ByteDance', 'Oracle']);
    chips[1]!.click();
    expect(onOpenEntity).toHaveBeenCalledWith('oracle');
    card.querySelector<HTMLButtonElement>('.back')!.click();
    expect(onBack).toHaveBeenCalled();
    expect(card.querySelector('.back')!.textContent).toContain('Back to Oracle');
    card.querySelector<HTMLButtonElement>('button[aria-label="Close"]')!.click();
    expect(onClose).toHaveBeenCalled();
  });

  it("offers the reader's feedback on the mention: Not about <name> here, and Report a problem", () => {
    const said: string[] = [];
    const card = mount('oracle', {
      feedback: { onReport: () => said.push('report'), onNotAbout: () => said.push('not about') },
    });
    const buttons = [...card.querySelectorAll<HTMLButtonElement>('.feedback button')];
    expect(buttons.map((b) => b.textContent)).toEqual(['Not about Oracle here', 'Report a problem']);
    buttons[0]!.click();
    buttons[1]!.click();
    expect(said).toEqual(['not about', 'report']);
    expect(mount('tiktok').querySelector('.feedback')).toBeNull();
  });
});
