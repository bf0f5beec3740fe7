import { useEffect, useState } from 'preact/hooks';
import { strings } from '@/lib/ui/strings';
import { PLACEHOLDER_HELP, templateStrings } from '@/lib/ui/strings/templates';
import type { TemplateKind } from '@/lib/ui/strings/workspace';
import { newId } from '@/lib/util/id';
import { LINKEDIN_NOTE_LIMITS, profileSettings } from '@/lib/workspace/settings';
import { chosenVariant, putVariant, removeVariant, variantsFor } from '@/lib/workspace/template-library';
import { templateSettings } from '@/lib/workspace/template-settings';
import { noteLength, PLACEHOLDERS, TEMPLATE_KINDS, unknownPlaceholders } from '@/lib/workspace/templates';
import { useSettings } from '../use-settings';
import './template-settings.css';

const t = templateStrings;
const kinds = strings.workspace.ask.templates;

/**
 * Settings → Message templates: the user's own wording for every message, several variants per kind,
 * with the placeholders listed. Saved in browser.storage (settings), so a backup carries them.
 */
export function TemplateSettings() {
  const library = useSettings(templateSettings);
  const profile = useSettings(profileSettings);
  const [kind, setKind] = useState<TemplateKind>('request-email');
  const variants = variantsFor(kind, library);
  const [variantId, setVariantId] = useState<string | null>(null);
  const variant = variants.find((v) => v.id === variantId) ?? chosenVariant(kind, library);
  const [name, setName] = useState(variant.name);
  const [text, setText] = useState(variant.text);
  const [status, setStatus] = useState<string | null>(null);
  useEffect(() => {
    setName(variant.name);
    setText(variant.text);
    setStatus(null);
  }, [variant.id, variant.text, variant.name]);

  const save = async (next = { id: variant.id, name, text }) => {
    await templateSettings.set(putVariant(await templateSettings.get(), kind, next));
    setVariantId(next.id);
    setStatus(t.saved);
  };
  const add = () =>
    void save({ id: `own:${newId()}`, name: t.newVariantName(variants.filter((v) => !v.builtin).length + 1), text });
  const remove = async () => {
    await templateSettings.set(removeVariant(await templateSettings.get(), kind, variant.id));
    setVariantId(variant.builtin ? variant.id : null);
  };
  const unknown = unknownPlaceholders(text);
  const limit = LINKEDIN_NOTE_LIMITS[profile.linkedinPlan] ?? LINKEDIN_NOTE_LIMITS.free;
  const changed = name !== variant.name || text !== variant.text;

  return (
    <section class="settings-section template-settings" aria-labelledby="template-settings-title">
      <h2 id="template-settings-title">{t.heading}</h2>
      <p class="muted">{t.intro}</p>
      <div class="template-pickers">
        <label class="field">
          <span class="field-label">{t.kind}</span>
          <select
            value={kind}
            onChange={(e) => {
              setKind((e.currentTarget as HTMLSelectElement).value as TemplateKind);
              setVariantId(null);
            }}
          >
            {TEMPLATE_KINDS.map((k) => (
              <option key={k} value={k}>
                {kinds[k]}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span class="field-label">{t.variant}</span>
          <select value={variant.id} onChange={(e) => setVariantId((e.currentTarget as HTMLSelectElement).value)}>
            {variants.map((v) => (
              <option key={v.id} value={v.id}>
                {v.edited ? `${v.name} (${t.yours})` : v.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label class="field">
        <span class="field-label">{t.variantName}</span>
        <input type="text" dir="auto" value={name} maxLength={60} onInput={(e) => setName(e.currentTarget.value)} />
      </label>
      <label class="field">
        <span class="field-label">{t.text}</span>
        <textarea
          rows={kind === 'request-linkedin' ? 5 : 12}
          dir="auto"
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
        />
      </label>
      {kind === 'request-linkedin' && (
        <p class={noteLength(text) > limit ? 'counter over' : 'counter'}>{t.length(noteLength(text), limit)}</p>
      )}
      {unknown.length > 0 && (
        <p class="notice" role="alert">
          {t.unknown(unknown.map((n) => `{${n}}`).join(', '))}
        </p>
      )}
      <div class="actions">
        <button type="button" class="btn primary" disabled={!changed} onClick={() => void save()}>
          {t.save}
        </button>
        <button type="button" class="btn" onClick={add}>
          {t.addVariant}
        </button>
        {(!variant.builtin || variant.edited) && (
          <button type="button" class="link-button" onClick={() => void remove()}>
            {variant.builtin ? t.restore : t.deleteVariant}
          </button>
        )}
        {status && (
          <span class="muted" role="status">
            {status}
          </span>
        )}
      </div>
      <details class="placeholder-help">
        <summary>{t.placeholders}</summary>
        <dl>
          {PLACEHOLDERS.map((p) => (
            <div key={p}>
              <dt>
                <code>{`{${p}}`}</code>
              </dt>
              <dd>{PLACEHOLDER_HELP[p]}</dd>
            </div>
          ))}
        </dl>
      </details>
    </section>
  );
}
