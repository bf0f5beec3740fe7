import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyCapturedProfile } from '../../lib/contacts/model';
import { launchExtension, sendFromPage, type RunningExtension } from './harness';
import { shot } from './shots';

/** The user's own templates: reworded in Settings, offered in the Ask tab. RAPPORT_SHOTS=<dir> keeps screenshots. */
let ext: RunningExtension;
let options: Page;

beforeAll(async () => {
  ext = await launchExtension();
  options = await ext.context.newPage();
  await options.setViewportSize({ width: 400, height: 900 });
  await options.goto(ext.url('options.html'));
});

afterAll(async () => {
  await ext?.close();
});

describe('templates that belong to the user', () => {
  it('a variant of my own, written in Settings, is what the Ask tab fills in', async () => {
    const section = options.getByRole('region', { name: 'Message templates' });
    await section.getByRole('combobox', { name: /^Message/ }).selectOption('request-linkedin');
    await expect
      .poll(() => section.getByText(/characters before filling in \(your LinkedIn plan allows 200\)/).count())
      .toBe(1);
    await section.getByRole('button', { name: 'Add a variant' }).click();
    await section.getByLabel('Name of this variant').fill('Alumni');
    await section
      .getByLabel('Wording')
      .fill('Hi {firstName}, fellow alum here! Could we talk about {field} for {length}? {myName}');
    await section.getByRole('button', { name: 'Save', exact: true }).click();
    await section.getByText('Placeholders you can use').click();
    await section.scrollIntoViewIfNeeded();
    await shot(options, 'template-settings');

    const saved = await sendFromPage<{ contactId: string }>(options, 'saveProfile', {
      profile: {
        ...emptyCapturedProfile(),
        name: 'Ines Duarte',
        firstName: 'Ines',
        lastName: 'Duarte',
        profileUrl: 'https://www.linkedin.com/in/ines-duarte-demo/',
        email: 'ines@example.org',
      },
      photoThumb: null,
      sources: [],
    });
    const panel = await ext.context.newPage();
    await panel.setViewportSize({ width: 400, height: 760 });
    await panel.goto(ext.url(`sidepanel.html?contact=${saved.res!.contactId}`));
    await panel.getByRole('tab', { name: 'Ask' }).click();
    await panel.getByRole('combobox', { name: /^Message/ }).selectOption('request-linkedin');
    await expect.poll(() => panel.getByRole('combobox', { name: /^Variant/ }).inputValue()).toMatch(/^own:/);
    const text = panel.getByLabel('Text to send');
    await expect
      .poll(() => text.inputValue())
      .toBe('Hi Ines, fellow alum here! Could we talk about {field} for 20 minutes? {myName}');
    await panel.getByRole('button', { name: 'Copy' }).click();
    await expect.poll(() => panel.getByText(/still has gaps: your target field; your name/).count()).toBe(1);
    await shot(panel, 'templates-gaps');
    await panel.getByRole('combobox', { name: /^Message/ }).selectOption('request-email');
    await expect
      .poll(() => panel.getByRole('link', { name: 'Write in my email app' }).getAttribute('href'))
      .toMatch(/^mailto:ines@example\.org\?subject=/);
  });
});
