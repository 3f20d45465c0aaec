import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import MainNav from './MainNav.svelte';

describe('MainNav', () => {
  it('names the three places and reports which one was chosen', async () => {
    const onNavigate = vi.fn();
    render(MainNav, { current: 'campaigns', onNavigate });
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(nav).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Campaigns' })).toHaveAttribute('aria-current', 'page');
    await fireEvent.click(screen.getByRole('button', { name: 'New campaign' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    expect(onNavigate.mock.calls).toEqual([['new'], ['settings']]);
  });
});
