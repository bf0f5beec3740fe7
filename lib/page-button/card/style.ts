/** The card's and the review form's look; colours come from the box's light/dark variables (view.ts). */
export const CARD_STYLE = `
.card { width: 308px; background: var(--bg); color: var(--fg); border: 1px solid var(--line); border-radius: 12px;
  box-shadow: 0 4px 18px rgb(0 0 0 / .22); padding: 10px 12px 12px; display: grid; gap: 8px; }
.head { display: flex; align-items: center; gap: 6px; min-width: 0; }
.grip { border: 0; background: none; color: var(--muted); cursor: grab; padding: 4px 2px; font-size: 16px; line-height: 1;
  touch-action: none; min-width: 24px; min-height: 24px; }
.grip:active { cursor: grabbing; }
.name { flex: 1; min-width: 0; font-weight: 600; font-size: 15px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.icon { border: 0; background: none; color: var(--muted); border-radius: 6px; min-width: 28px; min-height: 28px; font-size: 16px; }
.icon:hover, .grip:hover { background: color-mix(in srgb, var(--fg) 10%, transparent); }
.stage { justify-self: start; border-radius: 999px; padding: 1px 10px; font-size: 12px; font-weight: 600;
  background: color-mix(in srgb, var(--accent) 16%, transparent); color: var(--fg); }
.row { display: grid; gap: 1px; }
.label { font-size: 12px; color: var(--muted); }
.late { color: var(--warn); font-weight: 600; }
.note { display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; overflow-wrap: anywhere; }
.quick { display: flex; gap: 6px; }
.quick input { flex: 1; min-width: 0; min-height: 34px; padding: 6px 8px; border: 1px solid var(--line); border-radius: 8px;
  background: var(--bg); }
.actions { display: flex; align-items: center; justify-content: space-between; gap: 8px; flex-wrap: wrap; }
.primary { min-height: 34px; border: 0; border-radius: 999px; padding: 6px 16px; background: var(--accent); color: var(--on-accent);
  font-weight: 600; }
.secondary { min-height: 34px; border: 1px solid var(--accent); border-radius: 999px; padding: 6px 14px; background: var(--bg);
  color: var(--accent); font-weight: 600; }
.link { border: 0; background: none; color: var(--accent); padding: 6px 4px; min-height: 28px; text-decoration: underline; }
.pill { min-height: 36px; border: 1px solid var(--line); border-radius: 999px; padding: 6px 14px; background: var(--bg);
  color: var(--fg); font-weight: 600; box-shadow: 0 2px 8px rgb(0 0 0 / .22); touch-action: none; }
.pill .stage { margin-left: 6px; }
.review h2 { font-size: 15px; margin: 0; }
.review ul { margin: 0; padding-left: 18px; color: var(--warn); }
.review label { display: grid; gap: 2px; font-size: 12px; color: var(--muted); }
.review input { font-size: 14px; min-height: 32px; padding: 5px 8px; border: 1px solid var(--line); border-radius: 6px;
  background: var(--bg); color: var(--fg); }
.review .actions { justify-content: flex-end; }`;
