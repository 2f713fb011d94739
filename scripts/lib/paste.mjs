/**
 * One large paste into the built app in a fresh page, timed (scripts/bench-import.mjs,
 * scripts/bench-ab.mjs): from the paste event to the disk list showing all disks, the problems
 * listed and the all-disks XML written, with the longest main-thread task and frame meanwhile
 * and the worker jobs' times (when each was sent, its time in the worker, when its result came).
 */
/** One paste into a fresh page; times in ms from the paste event. */
export async function pasteOnce(browser, base, text, disks, { cold = false, wait = 120_000 } = {}) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  let crashed = false;
  page.on('crash', () => (crashed = true));
  await page.addInitScript(() => {
    window.__long = [];
    window.__frames = [];
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) window.__long.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) window.__frames.push({ start: e.startTime, duration: e.duration, blocking: e.blockingDuration });
    }).observe({ type: 'long-animation-frame', buffered: true });
  });
  await page.goto(base);
  await page.waitForSelector('html[data-ready="offline"]', { timeout: 60000 });
  await page.waitForSelector('.cm-content');
  const warm = cold ? undefined : await page.waitForSelector('html[data-warm]', { timeout: 60000 }).then(() => page.evaluate(() => document.documentElement.dataset.warm));
  await page.waitForTimeout(300);
  // the clipboard is filled in a task of its own: handing the page a megabyte and copying it into
  // a DataTransfer is the harness's work, not the app's, and must not count in the paste's task
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    window.__clipboard = data;
    document.querySelector('.cm-content').focus();
  }, text);
  await page.waitForTimeout(300);
  const out = await page.evaluate(
    async ({ disks, wait }) => {
      const heading = () => document.getElementById('disks-title')?.textContent ?? '';
      const problems = () => document.getElementById('problems-title')?.textContent ?? '';
      const devices = () => document.querySelector('[data-testid="lv-devices"]')?.textContent ?? '';
      const content = document.querySelector('.cm-content');
      const data = window.__clipboard;
      const marks = {};
      const t0 = performance.now();
      const seen = (name, ok) => {
        if (marks[name] === undefined && ok()) marks[name] = performance.now() - t0;
      };
      const check = () => {
        seen('shown', () => heading() === `Disks (${disks})`);
        seen('linted', () => heading() === `Disks (${disks})` && !problems().includes('checking'));
        seen('xml', () => devices().includes(`<target dev='xvd${'a'}`) && !devices().includes('being written'));
      };
      const mo = new MutationObserver(check);
      mo.observe(document.body, { subtree: true, childList: true, characterData: true });
      content.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      marks.pasted = performance.now() - t0;
      const until = t0 + wait;
      while (performance.now() < until && (marks.shown === undefined || marks.linted === undefined || marks.xml === undefined)) {
        await new Promise((r) => setTimeout(r, 20));
        check();
      }
      mo.disconnect();
      // one more second: anything the results trigger (autosave, the editor's lint gutter…)
      await new Promise((r) => setTimeout(r, 1000));
      const long = window.__long.filter((e) => e.start >= t0 - 1);
      const frames = window.__frames.filter((e) => e.start >= t0 - 1);
      // the app's worker round trips (src/ui/workspace/workerClient.ts) and the workers' own time
      const jobs = performance
        .getEntriesByType('measure')
        .filter((m) => m.name.startsWith('xldisk ') && m.startTime >= t0 - 1)
        .map((m) => ({ kind: m.name.slice(7), sent: m.startTime - t0, end: m.startTime + m.duration - t0, worker: m.detail?.worker ?? 0 }));
      return { marks, t0, long, frames, jobs };
    },
    { disks, wait },
  );
  const maxTask = out.long.reduce((m, e) => Math.max(m, e.duration), 0);
  const maxFrame = out.frames.reduce((m, e) => Math.max(m, e.duration), 0);
  await context.close();
  return { ...out.marks, maxTask, longTasks: out.long.length, maxFrame, longFrames: out.frames.length, jobs: out.jobs, crashed, warm };
}
