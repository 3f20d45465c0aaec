import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { CredentialsStatus } from '../../../shared/types';
import { fakeApi } from '../../testing/fake-api';
import CredentialsForm from './CredentialsForm.svelte';

const none: CredentialsStatus = { saved: false, username: null, store: 'keychain' };

function setup(status: CredentialsStatus, fail = false) {
  const api = fakeApi({
    'credentials.save': (args: { username: string }) => {
      if (fail) throw new Error('The keychain refused to store it.');
      return { saved: true, username: args.username, store: status.store };
    },
    'credentials.delete': () => none,
  });
  const changes: CredentialsStatus[] = [];
  const view = render(CredentialsForm, { api, status, onChange: (s) => changes.push(s) });
  return { api, changes, view };
}

const password = () => screen.getByLabelText<HTMLInputElement>('API password');

describe('CredentialsForm', () => {
  it('saves, then clears the password field and never shows it', async () => {
    const { api, changes, view } = setup(none);
    expect(screen.getByText('No credentials saved yet.')).toBeInTheDocument();
    await fireEvent.input(screen.getByRole('textbox', { name: 'API username' }), {
      target: { value: ' ann ' },
    });
    await fireEvent.input(password(), { target: { value: 's3cret-pass' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Save credentials' }));
    await screen.findByText('Credentials saved.');
    expect(api.callsTo('credentials.save')).toEqual([{ username: 'ann', password: 's3cret-pass' }]);
    expect(password().value).toBe('');
    expect(password().type).toBe('password');
    await view.rerender({ status: changes[0]! });
    expect(screen.getByText('Saved for user ann')).toBeInTheDocument();
    expect(document.body.innerHTML).not.toContain('s3cret-pass');
  });

  it('cannot save without both fields', async () => {
    setup(none);
    await fireEvent.input(screen.getByRole('textbox', { name: 'API username' }), {
      target: { value: 'ann' },
    });
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Save credentials' })).toBeDisabled();
  });

  it('explains a memory-only store and deletes', async () => {
    const { api, changes } = setup({ saved: true, username: 'ann', store: 'memory' });
    expect(
      screen.getByText(/No system keychain was found: the password is kept only until Omnicast closes/),
    ).toBeInTheDocument();
    await fireEvent.click(screen.getByRole('button', { name: 'Delete credentials' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Keep them' }));
    expect(api.callsTo('credentials.delete')).toEqual([]);
    await fireEvent.click(screen.getByRole('button', { name: 'Delete credentials' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete the Messente credentials?' });
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Delete credentials' }));
    await screen.findByText('Credentials deleted.');
    expect(api.callsTo('credentials.delete')).toEqual([{}]);
    expect(changes).toEqual([none]);
  });

  it('shows a failure and still forgets the password', async () => {
    setup(none, true);
    await fireEvent.input(screen.getByRole('textbox', { name: 'API username' }), {
      target: { value: 'ann' },
    });
    await fireEvent.input(password(), { target: { value: 'pw' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Save credentials' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('keychain refused');
    expect(password().value).toBe('');
  });
});
