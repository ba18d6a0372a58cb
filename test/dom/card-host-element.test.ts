import { afterEach, describe, expect, it } from 'vitest';
import { HostElement } from '../../src/content/card/card-host-element';
import { HOST_ATTRIBUTE, HOST_SELECTOR } from '../../src/shared/public-names';

afterEach(() => {
  document.documentElement.querySelectorAll(HOST_SELECTOR).forEach((host) => host.remove());
});

describe('HostElement', () => {
  it('adds nothing until a card is shown, then one plain div, marked, with a closed root', () => {
    const element = new HostElement();
    expect(document.querySelector(HOST_SELECTOR)).toBeNull();
    const root = element.show('.card{}');
    const hosts = document.querySelectorAll(HOST_SELECTOR);
    expect(hosts).toHaveLength(1);
    const host = hosts[0] as HTMLElement;
    expect(host.localName).toBe('div');
    expect(host.hasAttribute(HOST_ATTRIBUTE)).toBe(true);
    expect(host.parentElement).toBe(document.documentElement);
    expect(host.shadowRoot).toBeNull();
    expect(root.querySelectorAll('style')).toHaveLength(1);
    element.show('.card{}');
    expect(root.querySelectorAll('style')).toHaveLength(1);
    expect(host.style.getPropertyValue('position')).toBe('fixed');
    expect(host.style.getPropertyPriority('position')).toBe('important');
  });

  it('hides, comes back where a page removed it, and goes for good', () => {
    const element = new HostElement();
    const root = element.show('');
    element.hide();
    expect(element.element!.style.getPropertyValue('display')).toBe('none');
    element.element!.remove();
    expect(element.isAttached()).toBe(false);
    expect(element.show('')).toBe(root);
    expect(element.isAttached()).toBe(true);
    expect(element.element!.style.getPropertyValue('display')).toBe('');
    element.destroy();
    expect(document.querySelector(HOST_SELECTOR)).toBeNull();
    expect(element.root).toBeUndefined();
  });

  it('carries an attribute for the manifest CSS, creating the host only when one is set', () => {
    const element = new HostElement();
    element.setAttribute('data-highlight-style', null);
    expect(element.element).toBeUndefined();
    element.setAttribute('data-highlight-style', 'underline');
    expect(document.querySelector(`${HOST_SELECTOR}[data-highlight-style="underline"]`)).not.toBeNull();
    element.setAttribute('data-highlight-style', null);
    expect(element.element!.hasAttribute('data-highlight-style')).toBe(false);
  });
});
