/**
 * Every broken-config case of core lint's table (conformance/lint-cases.ts), through the page:
 * pasted into the import editor, its diagnostic is listed at its line and marked in the editor;
 * its fix, chosen in the problem list, gives exactly the fixed text; and the previews follow the
 * text (the disks xl reads, by count and by name).
 */
import { expect, test, type Page } from '@playwright/test';
import { LINT_CASES, type LintCase } from '../conformance/lint-cases';
import { clearText, docText, pasteText, problem, ready, setGuest } from './text';

let page: Page;

test.beforeAll(async ({ browser }, info) => {
  const context = await browser.newContext({ baseURL: info.project.use.baseURL });
  page = await context.newPage();
  await page.goto('/');
  await ready(page);
});

test.afterAll(async () => {
  await page.context().close();
});

/** The guest the case is linted for: its own, else what core lint takes when the text says nothing. */
function guestOf(c: LintCase): 'hvm' | 'pv' | 'pvh' {
  if (c.guest) return c.guest;
  const t = c.input.trimStart();
  if (t.startsWith('<')) return 'hvm';
  return /^[ \t\u00a0]*[A-Za-z][A-Za-z0-9_.]*[ \t\u00a0]*\+?=/m.test(c.input) || /^[ \t]*#/m.test(c.input) ? 'pv' : 'hvm';
}

/** The offsets of a case's range (LINE:COL-LINE:COL, 1-based, end exclusive). */
function offsets(c: LintCase): [number, number] {
  const lines = c.input.split('\n');
  const at = (l: number, col: number) => lines.slice(0, l - 1).reduce((n, s) => n + s.length + 1, 0) + col - 1;
  const [a, b] = c.at.split('-').map((p) => p.split(':').map(Number));
  return [at(a![0]!, a![1]!), at(b![0]!, b![1]!)];
}

async function expectDisks(c: LintCase, shown: Page) {
  if (!c.xen.accepted) return;
  const n = c.xen.disks.length;
  await expect(shown.getByRole('heading', { name: new RegExp(`^Domain: disk = \\[ … \\] \\(${n} disks?\\)$`) })).toBeVisible();
  const previews = `${await shown.getByTestId('xl-domain').textContent()}\n${await shown.getByTestId('lv-devices').textContent()}`;
  for (const d of c.xen.disks) if ('vdev' in d && d.vdev) expect(previews, `${c.name}: vdev ${d.vdev} in the previews`).toContain(d.vdev);
}

for (const c of LINT_CASES) {
  test(`${c.name}: ${c.code} at ${c.at}${c.fixed === null ? '' : ', fixed'}`, async () => {
    // the guest toggle is free while the text does not set the guest type
    const guest = page.getByRole('button', { name: guestOf(c).toUpperCase(), exact: true });
    if ((await guest.getAttribute('aria-pressed')) !== 'true') {
      if (await guest.isDisabled()) await clearText(page);
      await setGuest(page, guestOf(c));
    }
    await pasteText(page, c.input);
    const line = Number(c.at.split(':')[0]);
    const item = problem(page, c.code, line).first();
    // a long list shows a page at a time
    for (let i = 0; i < 10 && (await item.count()) === 0; i++) {
      const more = page.getByTestId('problems').getByRole('button', { name: /^Show more/ });
      if ((await more.count()) === 0) break;
      await more.click();
    }
    await expect(item).toBeVisible();
    await expect(item.getByRole('button', { name: new RegExp(`^Lines? ${line}\\b`) })).toBeVisible();
    // marked in the editor: in the gutter, and underlined (or a point where the range holds no
    // visible text; a lone control character or odd space shows as its own red glyph instead)
    await expect(page.locator('.cm-gutter-lint .cm-lint-marker').first()).toBeAttached();
    if (!/^[\r\0\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]$/.test(c.input.slice(...offsets(c))))
      await expect(page.locator('.cm-content').locator('.cm-lintRange, .cm-lintPoint').first()).toBeAttached();
    if (c.fixed === null) {
      await expect(item.locator('.xd-problem-fixes button')).toHaveCount(0);
      await expectDisks(c, page);
      return;
    }
    await item.locator('.xd-problem-fixes button').nth(c.fix ?? 0).click();
    await expect.poll(() => docText(page)).toBe(c.fixed);
    await expect(problem(page, c.code, line)).toHaveCount(0);
    await expectDisks(c, page);
  });
}
