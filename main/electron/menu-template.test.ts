import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { menuTemplate } from './menu-template';

function fileItems(
  isMac: boolean,
  actions = { newCampaign: vi.fn(), openRecipients: vi.fn(), openHelp: vi.fn() },
) {
  const file = menuTemplate(isMac, actions).find((m) => m.label === '&File');
  return { items: (file?.submenu ?? []) as MenuItemConstructorOptions[], actions };
}

function click(item: MenuItemConstructorOptions | undefined): void {
  // The menu's click handlers ignore their Electron arguments.
  (item?.click as (() => void) | undefined)?.();
}

describe('menuTemplate', () => {
  it('offers New campaign (Ctrl/Cmd+N) and Open recipients file… (Ctrl/Cmd+O) in File', () => {
    const { items, actions } = fileItems(false);
    const byLabel = (label: string) => items.find((i) => i.label === label);
    expect(byLabel('&New campaign')?.accelerator).toBe('CmdOrCtrl+N');
    expect(byLabel('&Open recipients file…')?.accelerator).toBe('CmdOrCtrl+O');
    click(byLabel('&New campaign'));
    expect(actions.newCampaign).toHaveBeenCalledOnce();
    expect(actions.openRecipients).not.toHaveBeenCalled();
    click(byLabel('&Open recipients file…'));
    expect(actions.openRecipients).toHaveBeenCalledOnce();
  });

  it('ends File with Quit, or Close on macOS where the app menu holds Quit', () => {
    expect(fileItems(false).items.at(-1)?.role).toBe('quit');
    expect(fileItems(true).items.at(-1)?.role).toBe('close');
    expect(menuTemplate(true, { newCampaign() {}, openRecipients() {}, openHelp() {} })[0]?.role).toBe(
      'appMenu',
    );
  });
});
