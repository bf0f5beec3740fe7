import { defineSettings } from '../settings/define';
import { emptyLibrary, type TemplateLibrary } from './template-library';

/** The user's message templates (Settings → Message templates). */
export const templateSettings = defineSettings('templates', emptyLibrary() as TemplateLibrary, {
  version: 1,
});
