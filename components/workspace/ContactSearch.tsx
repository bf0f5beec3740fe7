import { useEffect, useMemo, useState } from 'preact/hooks';
import { CONTACT_STATUSES, type Contact, type ContactStatus } from '@/lib/contacts/model';
import { strings } from '@/lib/ui/strings';
import { buildSearchIndex, type ContactFilters, type ContactSort, searchContacts } from '@/lib/workspace/search';
import { ContactList } from '../ContactList';
import { useSelection } from '../records/use-selection';
import { BulkBar } from '../records/BulkBar';
import { UndoToast } from '../records/UndoToast';
import { FIRST_PAGE, useContactsIndex } from './data';

const t = strings.workspace.search;
/** Rows in the very first paint (more than a popup or panel shows); the rest of the page follows a frame later. */
const FIRST_PAINT_ROWS = 14;
const SORTS = Object.keys(t.sorts) as ContactSort[];

/**
 * Search as you type, filters, sort and the list of people. The first page shows at once; search and
 * filters run over every contact once the index is built (right after the first paint).
 */
export function ContactSearch({ onOpen }: { onOpen: (contact: Contact) => void }) {
  const data = useContactsIndex();
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<ContactFilters>({ sort: 'updated' });
  const [limit, setLimit] = useState(FIRST_PAGE);
  const selection = useSelection();
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (painted || !data.recent) return;
    const frame = requestAnimationFrame(() => setPainted(true));
    return () => cancelAnimationFrame(frame);
  }, [painted, data.recent]);
  const set = (patch: Partial<ContactFilters>) => {
    data.wantIndex();
    setFilters((f) => ({ ...f, ...patch }));
    setLimit(FIRST_PAGE);
  };
  const active = Boolean(
    query.trim() || filters.status || filters.tag || filters.targetField || filters.targetEmployer || filters.dueOnly,
  );

  // Until the full index is built (asked for by the first search, filter or "show more"), a search runs
  // over the first page; that small index is built only then (nothing is spent on it for the first paint).
  const recentIndex = useMemo(
    () => (active && data.recent && !data.index ? buildSearchIndex(data.recent) : null),
    [active, data.recent, data.index],
  );
  const results = useMemo(() => {
    const index = data.index ?? (active ? recentIndex : null);
    return index ? searchContacts(index, query, filters, data.dueIds) : null;
  }, [data.index, recentIndex, data.dueIds, query, filters, active]);
  const total = data.index?.entries.length ?? data.total ?? data.recent?.length ?? 0;
  const shown: readonly Contact[] = results ?? data.recent ?? [];
  // Before the index, "show more" pages through everyone saved, not just the first page read.
  const available = data.index ? shown.length : total;

  if (data.error)
    return (
      <p class="page notice" role="alert">
        {strings.contacts.loadError(data.error)}
      </p>
    );
  if (!data.recent) return <p class="page">{strings.contacts.loading}</p>;
  if (data.recent.length === 0 && !data.index?.entries.length)
    return (
      <>
        <ContactList contacts={[]} onOpen={onOpen} />
        <UndoToast />
      </>
    );

  return (
    <section class="contact-search" aria-label={t.label}>
      <div class="search-bar">
        <label class="field">
          <span class="sr-only">{t.label}</span>
          <input
            type="search"
            placeholder={t.placeholder}
            value={query}
            // Focus is the moment to read everyone: the index is usually built before the first key.
            onFocus={data.wantIndex}
            onInput={(e) => {
              data.wantIndex();
              setQuery((e.currentTarget as HTMLInputElement).value);
              setLimit(FIRST_PAGE);
            }}
          />
        </label>
        <details
          class="filters"
          onToggle={(e) => {
            const open = (e.currentTarget as HTMLDetailsElement).open;
            setFiltersOpen(open);
            if (open) data.wantIndex();
          }}
        >
          <summary>{t.filters}</summary>
          {/* Built when opened: the first screen needs only the summary. */}
          {filtersOpen && (
            <div class="filter-grid">
              <Select
                label={t.status}
                value={filters.status ?? ''}
                onChange={(v) => set({ status: (v || null) as ContactStatus | null })}
                options={[['', t.anyStatus], ...CONTACT_STATUSES.map((s) => [s, strings.workspace.status[s]] as const)]}
              />
              <Select
                label={t.tag}
                value={filters.tag ?? ''}
                onChange={(v) => set({ tag: v || null })}
                options={[['', t.anyTag], ...(data.index?.tags ?? []).map((v) => [v, v] as const)]}
              />
              <Select
                label={t.targetField}
                value={filters.targetField ?? ''}
                onChange={(v) => set({ targetField: v || null })}
                options={[['', t.anyField], ...(data.index?.fields ?? []).map((v) => [v, v] as const)]}
              />
              <Select
                label={t.targetEmployer}
                value={filters.targetEmployer ?? ''}
                onChange={(v) => set({ targetEmployer: v || null })}
                options={[['', t.anyEmployer], ...(data.index?.employers ?? []).map((v) => [v, v] as const)]}
              />
              <Select
                label={t.sort}
                value={filters.sort ?? 'updated'}
                onChange={(v) => set({ sort: v as ContactSort })}
                options={SORTS.map((s) => [s, t.sorts[s]] as const)}
              />
              <label class="check">
                <input
                  type="checkbox"
                  checked={Boolean(filters.dueOnly)}
                  onChange={(e) => set({ dueOnly: (e.currentTarget as HTMLInputElement).checked })}
                />
                {t.due}
              </label>
            </div>
          )}
          {active && (
            <button
              type="button"
              class="link-button"
              onClick={() => {
                setQuery('');
                setFilters({ sort: filters.sort });
              }}
            >
              {t.clear}
            </button>
          )}
        </details>
        {/* The count and "Select" share a line: the list starts higher on a short popup. */}
        <div class="list-meta">
          <p class="muted result-count" role="status">
            {active && !data.index
              ? t.searching
              : t.results(Math.min(shown.length, limit), results ? results.length : total)}
          </p>
          {!selection.active && (
            <button type="button" class="link-button select-toggle" onClick={selection.start}>
              {strings.records.select}
            </button>
          )}
        </div>
      </div>
      {selection.active && (
        <BulkBar
          selected={selection.selected}
          visibleIds={shown.slice(0, limit).map((c) => c.id)}
          onSelect={selection.set}
          onDone={selection.stop}
        />
      )}
      {shown.length === 0 ? (
        <p class="page">{t.noMatch}</p>
      ) : (
        <ContactList
          contacts={shown}
          onOpen={onOpen}
          limit={painted ? limit : Math.min(limit, FIRST_PAINT_ROWS)}
          selection={selection.active ? selection : undefined}
        />
      )}
      {available > limit && (
        <button
          type="button"
          class="show-more"
          onClick={() => {
            data.wantIndex();
            setLimit(limit + FIRST_PAGE * 2);
          }}
        >
          {t.showMore(Math.min(FIRST_PAGE * 2, available - limit))}
        </button>
      )}
      <UndoToast />
    </section>
  );
}

export function Select({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: readonly (readonly [string, string])[];
  onChange: (value: string) => void;
}) {
  return (
    <label class="field">
      <span class="field-label">{label}</span>
      <select value={value} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}
