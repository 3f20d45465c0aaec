import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import ReportHeader from './ReportHeader.svelte';
import { detail } from './test-api';

describe('ReportHeader', () => {
  it('names the campaign, its facts and the live status', () => {
    render(ReportHeader, {
      campaign: detail({
        id: 7,
        name: 'Spring reminder',
        sender: '',
        rate: 20,
        sourceFile: 'list.csv',
        testMode: true,
      }),
      status: 'paused',
    });
    expect(screen.getByRole('heading', { level: 1, name: 'Spring reminder' })).toBeTruthy();
    expect(screen.getByText(/#7 · created .* · sender account default · 20 msg\/s · list\.csv/)).toBeTruthy();
    expect(screen.getByText('test mode')).toBeTruthy();
    expect(screen.getByRole('status', { name: 'Campaign status' }).textContent).toContain('paused');
  });
});
