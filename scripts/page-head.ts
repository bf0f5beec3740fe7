import type { HtmlTagDescriptor, Plugin } from 'vite';

/**
 * The head every extension page shares (popup, side panel, options, welcome), in one place. WXT needs one
 * HTML file per page, and reads each page's title and `manifest.*` options from it, so those files stay;
 * what they have in common is added here when Vite builds them.
 */
export const PAGE_HEAD: HtmlTagDescriptor[] = [
  { tag: 'meta', attrs: { charset: 'utf-8' }, injectTo: 'head-prepend' },
  {
    tag: 'meta',
    attrs: { name: 'viewport', content: 'width=device-width, initial-scale=1' },
    injectTo: 'head-prepend',
  },
  // Dark pages paint dark from the first frame, before the stylesheet loads (no white flash).
  { tag: 'meta', attrs: { name: 'color-scheme', content: 'light dark' }, injectTo: 'head-prepend' },
];

export function sharedPageHead(): Plugin {
  return { name: 'rapport:page-head', transformIndexHtml: () => PAGE_HEAD };
}
