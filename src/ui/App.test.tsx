// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App, APP_TITLE } from './App';

describe('App', () => {
  // the workspace saves itself: each test starts from an empty one
  beforeEach(() => localStorage.clear());

  it('shows the title, the guest type and an empty domain', async () => {
    render(<App hash="" />);
    expect(screen.getByRole('heading', { level: 1, name: APP_TITLE })).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'HVM' }, { timeout: 10_000 })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('heading', { name: 'Disks (0)' })).toBeInTheDocument();
    expect(await screen.findByTestId('xl-domain')).toHaveTextContent('disk = []');
  });

  it('authors the seed cdrom with the wizard and previews it in both styles', async () => {
    const user = userEvent.setup();
    render(<App hash="" />);
    await user.click(await screen.findByRole('button', { name: 'Add disk' }, { timeout: 10_000 }));
    await user.click(screen.getByRole('button', { name: 'CD-ROM' }));
    const iso = await screen.findByRole('textbox', { name: 'ISO image (target)' }, { timeout: 10_000 });
    await user.type(iso, '/root/image.iso');
    expect(await screen.findByTestId('xl-explicit')).toHaveTextContent('format=raw,vdev=hdc,access=ro,devtype=cdrom,target=/root/image.iso');
    expect(screen.getByTestId('xl-positional')).toHaveTextContent('/root/image.iso,raw,hdc,ro,cdrom');
    expect(screen.getByTestId('lv-disk')).toHaveTextContent("<disk type='file' device='cdrom'>");
    expect(screen.getByRole('heading', { name: 'Disks (1)' })).toBeInTheDocument();
  });

  it('opens a workspace handed over in the address', async () => {
    render(<App hash={`#text=${encodeURIComponent("disk = [ '/dev/vg/guest-volume,,hda' ]\n")}&guest=pv`} />);
    expect(await screen.findByRole('button', { name: 'PV' }, { timeout: 10_000 })).toHaveAttribute('aria-pressed', 'true');
    expect(await screen.findByTestId('xl-domain')).toHaveTextContent("disk = [ '/dev/vg/guest-volume,,hda' ]");
    expect(document.querySelector('.xd-disk')).toHaveTextContent('hda');
    // hda on a PV guest: the list flags the vdev advice
    expect(screen.getByText(/^warning/)).toBeInTheDocument();
  });
});
