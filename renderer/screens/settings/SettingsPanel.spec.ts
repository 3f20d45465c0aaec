import { render, screen } from '@testing-library/svelte';
import { createRawSnippet } from 'svelte';
import { describe, expect, it } from 'vitest';
import SettingsPanel from './SettingsPanel.svelte';

const body = createRawSnippet(() => ({
  render: () => '<p class="muted">Numbers here never receive a message.</p>',
}));

describe('SettingsPanel', () => {
  it('is a region named by its title, holding its heading and its content', () => {
    render(SettingsPanel, { title: 'Opt-out list', children: body });
    const region = screen.getByRole('region', { name: 'Opt-out list' });
    expect(region).toContainElement(screen.getByRole('heading', { level: 2, name: 'Opt-out list' }));
    expect(region).toContainElement(screen.getByText('Numbers here never receive a message.'));
  });

  it('takes a longer name for screen readers where the title is short', () => {
    render(SettingsPanel, { title: 'About', label: 'About Omnicast', children: body });
    expect(screen.getByRole('region', { name: 'About Omnicast' })).toContainElement(
      screen.getByRole('heading', { name: 'About' }),
    );
    expect(screen.queryByRole('region', { name: 'About' })).not.toBeInTheDocument();
  });
});
