/**
 * PatternFly's button as plain markup, for long lists: the same classes (so the same look and
 * focus ring), without the component's per-instance hooks, which add up over hundreds of rows.
 */
import type { ReactNode } from 'react';

export type LiteButtonProps = {
  variant: 'plain' | 'secondary' | 'link';
  icon?: ReactNode;
  children?: ReactNode;
  isDisabled?: boolean;
  isInline?: boolean;
  onClick: () => void;
  'aria-label'?: string;
};

export function LiteButton({ variant, icon, children, isDisabled, isInline, onClick, 'aria-label': label }: LiteButtonProps) {
  const cls = `pf-v6-c-button pf-m-${variant}${variant !== 'link' || !isInline ? ' pf-m-small' : ''}${isInline && variant === 'link' ? ' pf-m-inline' : ''}`;
  return (
    <button type="button" className={cls} disabled={isDisabled} aria-label={label} onClick={onClick}>
      {icon && <span className={`pf-v6-c-button__icon${children ? ' pf-m-start' : ''}`}>{icon}</span>}
      {children && <span className="pf-v6-c-button__text">{children}</span>}
    </button>
  );
}
