// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { Tabs } from '@/components/workspace/Tabs';

afterEach(cleanup);

function Harness() {
  const [tab, setTab] = useState<'a' | 'b' | 'c'>('a');
  return (
    <Tabs
      label="Sections"
      tabs={[
        ['a', 'Alpha'],
        ['b', 'Beta'],
        ['c', 'Gamma'],
      ]}
      selected={tab}
      onSelect={setTab}
    >
      <p>Panel {tab}</p>
    </Tabs>
  );
}

describe('Tabs', () => {
  it('is usable from the keyboard: arrows, Home and End; one tab in the Tab order', () => {
    render(<Harness />);
    const tab = (name: string) => screen.getByRole('tab', { name });
    expect(tab('Alpha').getAttribute('aria-selected')).toBe('true');
    expect(tab('Beta').getAttribute('tabindex')).toBe('-1');
    fireEvent.keyDown(tab('Alpha'), { key: 'ArrowRight' });
    expect(screen.getByRole('tabpanel').textContent).toBe('Panel b');
    expect(document.activeElement).toBe(tab('Beta'));
    fireEvent.keyDown(tab('Beta'), { key: 'End' });
    expect(screen.getByRole('tabpanel').textContent).toBe('Panel c');
    fireEvent.keyDown(tab('Gamma'), { key: 'ArrowRight' });
    expect(screen.getByRole('tabpanel').textContent).toBe('Panel a');
    fireEvent.keyDown(tab('Alpha'), { key: 'ArrowLeft' });
    expect(screen.getByRole('tabpanel').textContent).toBe('Panel c');
    fireEvent.keyDown(tab('Gamma'), { key: 'Home' });
    expect(tab('Alpha').getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe('tab-a');
  });
});
