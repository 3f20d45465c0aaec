import { render, screen } from '@testing-library/svelte';
import { createRawSnippet } from 'svelte';
import { describe, expect, it } from 'vitest';
import StepSection from './StepSection.svelte';

const body = createRawSnippet(() => ({
  render: () => '<div><h2 id="step-heading">Message</h2><p>Write one message.</p></div>',
}));

describe('StepSection', () => {
  it('is a region named by the heading the step writes, no wider than it is told', () => {
    render(StepSection, { labelledBy: 'step-heading', maxWidth: '820px', children: body });
    const region = screen.getByRole('region', { name: 'Message' });
    expect(region).toContainElement(screen.getByText('Write one message.'));
    expect(region.style.maxWidth).toBe('820px');
  });

  it('is as wide as the widest steps unless told otherwise', () => {
    render(StepSection, { labelledBy: 'step-heading', children: body });
    expect(screen.getByRole('region', { name: 'Message' }).style.maxWidth).toBe('980px');
  });
});
