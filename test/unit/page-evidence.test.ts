import { describe, expect, it } from 'vitest';
import { PageEvidence, pageWorldNeeded, settingOf, SURE_MENTION_WEIGHT } from '../../src/core/page-evidence';

describe('how a name stands in its text', () => {
  it('is prose inside a sentence', () => {
    expect(
      settingOf({
        before: 'Last quarter the board of ',
        after: ' agreed to buy the start-up. Analysts were not surprised.',
      }),
    ).toBe('prose');
  });

  it('is a title alone in a short block with no sentence in it', () => {
    expect(settingOf({ before: 'Chapter 12: The Drowned ', after: '' })).toBe('title');
    expect(settingOf({ before: 'Episode 4 – ', after: ' Rising' })).toBe('title');
  });

  it('is a tag after a label of tags or categories, in the languages we read', () => {
    expect(settingOf({ before: 'Tags: databases, ', after: ', licensing' })).toBe('tag');
    expect(settingOf({ before: 'Topics: ', after: ' v. google, copyright' })).toBe('tag');
    expect(settingOf({ before: 'Schlagwörter: Cloud, ', after: '' })).toBe('tag');
    expect(settingOf({ before: 'Étiquettes : logiciel, ', after: '' })).toBe('tag');
    expect(settingOf({ before: 'Etiquetas: nube, ', after: '' })).toBe('tag');
    expect(settingOf({ before: '标签：数据库、', after: '' })).toBe('tag');
    expect(settingOf({ before: 'タグ: ', after: '' })).toBe('tag');
    expect(settingOf({ before: 'Tags: cloud | ', after: '' })).toBe('tag');
    expect(settingOf({ before: 'Categories:\n', after: '' })).toBe('tag');
  });

  it('is no tag after a label whose colon opens a sentence, or items that do not lead to the name', () => {
    expect(settingOf({ before: 'Tags: the deal was announced by ', after: ' on Monday. More followed.' })).toBe(
      'prose',
    );
    expect(settingOf({ before: 'Topics: cloud, databases. Shares of ', after: ' rose after the deal.' })).toBe('prose');
    expect(settingOf({ before: 'Filed under: ', after: '' })).toBe('tag');
  });

  it('asks the title weight of a title or a tag, the prose weight of a sentence', () => {
    const needed = { prose: 1, title: 3 };
    expect(pageWorldNeeded('prose', needed)).toBe(1);
    expect(pageWorldNeeded('title', needed)).toBe(3);
    expect(pageWorldNeeded('tag', needed)).toBe(3);
  });
});

describe('what a page leans to', () => {
  const entities = [
    { id: 'oracle', related: ['tiktok'] },
    { id: 'tiktok', related: ['oracle'] },
    { id: 'walmart', related: [] },
  ];

  it('adds the words near every candidate, and each sure mention of the entity or a related one', () => {
    const page = new PageEvidence(entities);
    page.noteNear('oracle', 1, 2);
    page.noteNear('oracle', 0, 1);
    page.noteSure('tiktok');
    page.noteSure('walmart');
    expect(page.leaning('oracle')).toEqual({ world: 1 + SURE_MENTION_WEIGHT, other: 3 });
  });

  it('is empty on a page that said nothing', () => {
    expect(new PageEvidence(entities).leaning('oracle')).toEqual({ world: 0, other: 0 });
  });
});
