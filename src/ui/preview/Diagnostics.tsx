/** The libvirt mapper's diagnostics (and xl's verdict) beside the text they are about. */
import { HelperText, HelperTextItem } from '@patternfly/react-core';
import type { LvDiagnostic } from '../../core/libvirt/diagnostics';

const VARIANT = { error: 'error', warning: 'warning', info: 'indeterminate' } as const;

export function Diagnostics({ items, label, testId }: { items: readonly LvDiagnostic[]; label: string; testId: string }) {
  if (items.length === 0) return null;
  return (
    <HelperText component="ul" aria-label={label} data-testid={testId} className="xd-diags">
      {items.map((d, i) => (
        <HelperTextItem key={`${d.code}-${i}`} component="li" variant={VARIANT[d.severity]} screenReaderText={d.severity}>
          {d.message} <code className="xd-diag-code">{d.code}</code>
        </HelperTextItem>
      ))}
    </HelperText>
  );
}
