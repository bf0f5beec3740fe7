import type { SavePageResult } from '../messaging/protocol';

/**
 * What to tell the user after a save started from the keyboard shortcut or the context menu, where no
 * button shows the result: a short notification, or the popup for a capture that needs their eye.
 */
export type SaveOutcomeAction =
  | { kind: 'notify'; title: string; message: string }
  | { kind: 'review'; result: Extract<SavePageResult, { status: 'review' }> };

export function outcomeAction(result: SavePageResult): SaveOutcomeAction {
  switch (result.status) {
    case 'saved':
      return {
        kind: 'notify',
        title: result.created ? 'Saved to Rapport' : 'Updated in Rapport',
        message: result.name ?? 'The person on this page',
      };
    case 'review':
      return { kind: 'review', result };
    case 'not-a-profile':
      return {
        kind: 'notify',
        title: 'No one to save here',
        message: 'Rapport found no person’s profile on this page. Nothing was saved.',
      };
    case 'error':
      return { kind: 'notify', title: 'Rapport could not save this page', message: result.message };
  }
}
