import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import AppInfoPanel from './AppInfoPanel.svelte';

describe('AppInfoPanel', () => {
  it('shows version, data folder and credential store', () => {
    render(AppInfoPanel, {
      info: {
        version: '0.3.1',
        dataDir: '/home/ann/.config/Omnicast',
        testMode: false,
        credentialStore: 'memory',
      },
    });
    const text = screen.getByRole('region', { name: 'About Omnicast' }).textContent ?? '';
    expect(text).toContain('0.3.1');
    expect(text).toContain('/home/ann/.config/Omnicast');
    expect(text).toContain('Memory only');
  });
});
