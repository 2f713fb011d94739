/**
 * The analysis of the workspace's text: on the main thread for a small text (synchronously, so
 * the disk list, the problems and the previews follow each keystroke), in the workers for a
 * large one (react-query runs the jobs; the last results stay on screen while newer ones run).
 */
import { useMemo, useRef } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { detectSyntax } from '../../core/document';
import type { GuestType } from '../../core/xl/vdev';
import { LARGE, analyze, countOf, diskStates, type Analysis, type DiskInfo } from './analysis';
import { lazyDisks } from './lazyDisks';
import type { ReadResult } from './jobs';
import { runInWorker, workersAvailable } from './workerClient';
import { unpackDiagnostics } from './packedDiagnostics';
import type { Diagnostic } from '../../core/lint';

export type AnalysisState = {
  analysis: Analysis;
  /** Worker results for an older text (or none yet) are shown. */
  pending: boolean;
  /** The all-disks libvirt XML, from the worker (large texts). */
  devicesXml?: string;
  large: boolean;
};

export const isLarge = (text: string) => text.length > LARGE && workersAvailable();

export function useAnalysis(text: string, guest: GuestType, version: number): AnalysisState {
  const large = isLarge(text);
  const small = useMemo(() => (large ? undefined : analyze(text, guest)), [large, text, guest]);
  const common = { enabled: large, placeholderData: keepPreviousData, staleTime: Infinity, gcTime: 0, retry: false } as const;
  const read = useQuery<ReadResult & { text: string }>({
    queryKey: ['read', version, guest],
    queryFn: () => runInWorker({ kind: 'read', text, guest }).then((r) => ({ ...r, text })),
    ...common,
  });
  // queued behind the read in the same worker, so it lints the document the read left there
  const lint = useQuery<{ text: string; diagnostics: Diagnostic[]; safeFixes: number }>({
    queryKey: ['lint', version, guest],
    queryFn: () => runInWorker({ kind: 'lint', text, guest }).then((packed) => ({ text, diagnostics: unpackDiagnostics(packed), safeFixes: packed.safeFixes })),
    ...common,
  });
  // the all-disks XML last: while the reader works, the other core is the page's
  const linted = lint.data?.text === text;
  const devices = useQuery<{ text: string; xml: string }>({
    queryKey: ['devices', version, guest],
    queryFn: () => runInWorker({ kind: 'devices', text, guest }).then((xml) => ({ text, xml })),
    ...common,
    enabled: large && linted,
  });

  const r = read.data;
  const lastDisks = useRef<{ text: string; disks: DiskInfo[] } | undefined>(undefined);
  const l = lint.data;
  const waiting = useMemo((): Analysis | undefined => {
    if (!large || r) return undefined;
    return { text, guest, syntax: detectSyntax(text), guestSource: 'user', disks: [], states: diskStates([], undefined), counts: countOf(undefined), diskStatement: '', configMessages: [] };
  }, [large, r, text, guest]);
  const fromWorker = useMemo((): Analysis | undefined => {
    if (!large || !r) return undefined;
    const diagnostics = l && l.text === r.text ? l.diagnostics : undefined;
    const disks = r.text === lastDisks.current?.text ? lastDisks.current.disks : lazyDisks(r);
    lastDisks.current = { text: r.text, disks };
    return {
      text: r.text,
      guest: r.guest,
      syntax: r.syntax,
      guestSource: r.guestSource,
      ...(r.shape && { shape: r.shape }),
      disks,
      states: diskStates(disks, diagnostics),
      fileBacked: r.fileBacked,
      keys: r.keys,
      ...(diagnostics && { diagnostics, safeFixes: l!.safeFixes }),
      counts: countOf(diagnostics),
      diskStatement: r.diskStatement,
      configMessages: r.configMessages,
    };
  }, [large, r, l]);

  if (small) return { analysis: small, pending: false, large: false };
  const analysis = (fromWorker ?? waiting)!;
  const d = devices.data;
  return {
    analysis,
    pending: analysis.text !== text || analysis.diagnostics === undefined,
    ...(d && d.text === analysis.text && { devicesXml: d.xml }),
    large: true,
  };
}
