/** Keyboard-only helpers for the wizard tests. */
import { expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** The kinds in the order the chooser lists them. */
export const KIND_TITLES = [
  'Local image file',
  'Block device / LVM',
  'CD-ROM',
  'Ceph RBD',
  'NBD',
  'iSCSI (block-iscsi)',
  'MD / LVM stack (block-dmmd)',
  'DRBD (block-drbd)',
  'Fibre Channel NPIV (block-npiv)',
  'Other target',
] as const;

export type KindTitle = (typeof KIND_TITLES)[number];

/** Presses Tab until `target` has the focus (at most `max` times). */
export async function tabTo(page: Page, target: ReturnType<Page['locator']>, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

/** Opens the wizard of a kind: Add disk, then the kind, by keyboard. */
export async function addDisk(page: Page, kind: KindTitle): Promise<void> {
  const add = page.getByRole('button', { name: 'Add disk' });
  await add.focus();
  await page.keyboard.press('Enter');
  const first = page.getByRole('button', { name: KIND_TITLES[0], exact: true });
  await expect(first).toBeFocused();
  for (let i = 0; i < KIND_TITLES.indexOf(kind); i++) await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: kind, exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(`: ${kind.replace(/[()/]/g, '\\$&')}$`) })).toBeVisible();
}

/** The control whose accessible name is `label` (its setting's name). */
export function control(page: Page, label: string) {
  return page.getByRole('textbox', { name: label, exact: true }).or(page.getByRole('combobox', { name: label, exact: true }));
}

/** Types into the field labelled `label`, replacing what it holds. */
export async function fill(page: Page, label: string, text: string): Promise<void> {
  const field = control(page, label);
  await field.focus();
  await page.keyboard.press('ControlOrMeta+A');
  if (text === '') await page.keyboard.press('Backspace');
  else await page.keyboard.type(text);
  await expect(field).toHaveValue(text);
}

/** Picks an option of the select labelled `label` with the arrow keys. */
export async function choose(page: Page, label: string, optionLabel: string): Promise<void> {
  const select = page.getByRole('combobox', { name: label, exact: true });
  await select.focus();
  const options = await select.locator('option').allTextContents();
  const want = options.indexOf(optionLabel);
  if (want < 0) throw new Error(`${label} has no option "${optionLabel}": ${options.join(' | ')}`);
  const current = await select.evaluate((el: HTMLSelectElement) => el.selectedIndex);
  const key = want > current ? 'ArrowDown' : 'ArrowUp';
  for (let i = 0; i < Math.abs(want - current); i++) await page.keyboard.press(key);
  await expect(select).toHaveValue(await select.locator('option').nth(want).getAttribute('value') ?? '');
}

/** Focuses a control and presses Space (checkboxes, radios, toggle buttons). */
export async function press(page: Page, locator: ReturnType<Page['locator']>, key = 'Space'): Promise<void> {
  await locator.focus();
  await page.keyboard.press(key);
}

/** An axe scan of the page (or of the part `include` selects, e.g. one wizard after a full scan). */
export async function expectNoAxeViolations(page: Page, state: string, include?: string): Promise<void> {
  const builder = new AxeBuilder({ page });
  if (include) builder.include(include);
  const { violations } = await builder.analyze();
  expect(
    violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) })),
    state,
  ).toEqual([]);
}

/** The text of a preview block. */
export function preview(page: Page, testId: string) {
  return page.getByTestId(testId);
}

/** A minimal Xen domain around `<disk>` elements, for virt-xml-validate. */
export function xenDomain(disks: string, guest: 'hvm' | 'pv' | 'pvh' = 'hvm'): string {
  const os = guest === 'hvm' ? { type: 'hvm', machine: 'xenfv' } : guest === 'pvh' ? { type: 'xenpvh', machine: 'xenpvh' } : { type: 'linux', machine: 'xenpv' };
  const indented = disks.replace(/^(?=.)/gm, '    ');
  return `<domain type='xen'>
  <name>xldisk-e2e</name>
  <memory unit='KiB'>524288</memory>
  <os>
    <type arch='x86_64' machine='${os.machine}'>${os.type}</type>
  </os>
  <devices>
${indented}  </devices>
</domain>
`;
}
