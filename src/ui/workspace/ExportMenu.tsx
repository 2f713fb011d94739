/**
 * Export the corrected document as an xl config or a libvirt domain, or convert the text from
 * one to the other in place (one undo step).
 *
 * A PatternFly Menu under a MenuToggle, placed by CSS. (PatternFly's Dropdown positions itself
 * with Popper, which reads the page's computed style on every render, even closed: on a large
 * document that is a full style recalculation each time the toolbar renders.)
 */
import { memo, useEffect, useRef, useState } from 'react';
import { Divider, Menu, MenuContent, MenuItem, MenuList, MenuToggle } from '@patternfly/react-core';
import { ExportIcon } from '@patternfly/react-icons';
import type { Syntax } from '../../core/document';

export type ExportMenuProps = {
  syntax: Syntax;
  disabled: boolean;
  onDownload: (to: 'xl' | 'libvirt') => void;
  onConvert: (to: 'xl' | 'libvirt') => void;
};

type Choice = 'dl-xl' | 'dl-lv' | 'cv-lv' | 'cv-xl';

export const ExportMenu = memo(function ExportMenu({ syntax, disabled, onDownload, onConvert }: ExportMenuProps) {
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const empty = syntax === 'empty';

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLElement>('button:not([disabled])')?.focus();
    const outside = (e: MouseEvent) => {
      if (!menu.current?.contains(e.target as Node) && !toggle.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('click', outside, true);
    return () => document.removeEventListener('click', outside, true);
  }, [open]);

  const close = () => {
    setOpen(false);
    toggle.current?.focus();
  };
  const choose = (c: Choice) => {
    close();
    if (c === 'dl-xl') onDownload('xl');
    else if (c === 'dl-lv') onDownload('libvirt');
    else if (c === 'cv-lv') onConvert('libvirt');
    else onConvert('xl');
  };

  return (
    <div className="xd-menu-anchor">
      <MenuToggle ref={toggle} onClick={() => setOpen((o) => !o)} isExpanded={open} icon={<ExportIcon />} isDisabled={disabled || empty} aria-haspopup="menu">
        Export
      </MenuToggle>
      {open && (
        <Menu
          ref={menu}
          className="xd-menu"
          onSelect={(_e, id) => choose(id as Choice)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' || e.key === 'Tab') {
              e.preventDefault();
              close();
            }
          }}
        >
          <MenuContent>
            <MenuList aria-label="Export">
              <MenuItem itemId="dl-xl" description={syntax === 'xl-config' ? 'The text as it is now' : 'The disks as an xl config'}>
                Download xl config (.cfg)
              </MenuItem>
              <MenuItem itemId="dl-lv" description={syntax === 'libvirt-xml' ? 'The text as it is now' : 'The disks in a libvirt <domain>'}>
                Download libvirt XML (.xml)
              </MenuItem>
              <Divider component="li" />
              <MenuItem itemId="cv-lv" isDisabled={syntax === 'libvirt-xml'} description="Replace the text with its libvirt form (undo brings it back)">
                Convert the text to libvirt XML
              </MenuItem>
              <MenuItem itemId="cv-xl" isDisabled={syntax === 'xl-config'} description="Replace the text with an xl config (undo brings it back)">
                Convert the text to an xl config
              </MenuItem>
            </MenuList>
          </MenuContent>
        </Menu>
      )}
    </div>
  );
});
