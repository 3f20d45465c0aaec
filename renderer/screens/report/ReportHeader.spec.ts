import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import ReportHeader from './ReportHeader.svelte';
import { formatDate } from '../../lib/format';
import { detail } from '../../testing/results';
import { testPlan } from '../../../shared/delivery-time/plan-test-support';

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
    expect(screen.getByRole('heading', { level: 1, name: 'Spring reminder' })).toBeInTheDocument();
    expect(
      screen.getByText(/#7 · created .* · sender account default · 20 msg\/s · list\.csv/),
    ).toBeInTheDocument();
    expect(screen.getByText('test mode')).toBeInTheDocument();
    expect(screen.getByRole('status', { name: 'Campaign status' })).toHaveTextContent('paused');
  });
  it('says when a scheduled campaign is to be delivered, in local time, and nothing otherwise', () => {
    const at = '2026-12-01T16:00:00.000Z';
    const { unmount } = render(ReportHeader, { campaign: detail({ timeToSend: at }), status: 'sending' });
    expect(screen.getByText(`Scheduled for delivery at ${formatDate(at)}`)).toBeInTheDocument();
    expect(formatDate(at)).toMatch(/Dec 2026/); // a real date, not the "—" of a bad one
    unmount();
    render(ReportHeader, { campaign: detail({ timeToSend: null }), status: 'sending' });
    expect(screen.queryByText(/Scheduled for delivery/)).not.toBeInTheDocument();
  });
  it('says a campaign delivered row by row is scheduled until its last delivery', () => {
    render(ReportHeader, {
      campaign: detail({
        scheduledUntil: '2026-12-09T16:30:00Z',
        deliveryPlan: testPlan({ column: 2 }),
      }),
      status: 'sending',
    });
    expect(
      screen.getByText(
        /Each row delivered at its own time: scheduled until Wed 9 Dec, 18:30 \(Europe\/Tallinn\)/,
      ),
    ).toBeInTheDocument();
  });
});
