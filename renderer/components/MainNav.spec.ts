import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import MainNav from './MainNav.svelte';

describe('MainNav', () => {
  it('names the three places and reports which one was chosen', async () => {
    const onNavigate = vi.fn();
    render(MainNav, { current: 'campaigns', onNavigate });
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(nav).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Campaigns' }).getAttribute('aria-current')).toBe('page');
    await fireEvent.click(screen.getByRole('button', { name: 'New campaign' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    expect(onNavigate.mock.calls).toEqual([['new'], ['settings']]);
  });
});
