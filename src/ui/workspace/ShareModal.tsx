/**
 * The share link: the workspace compressed into the URL fragment (never sent to a server),
 * without Ceph keys unless the user ticks the box that says what sharing a key means.
 */
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Checkbox, ClipboardCopy, Content, Modal, ModalBody, ModalHeader, Spinner } from '@patternfly/react-core';
import type { GuestType } from '../../core/xl/vdev';
import { job } from './useJob';

export function ShareModal({ text, guest, version, onClose }: { text: string; guest: GuestType; version: number; onClose: () => void }) {
  const [keepKeys, setKeepKeys] = useState(false);
  const link = useQuery({
    queryKey: ['share', version, guest, keepKeys],
    queryFn: () => job({ kind: 'share', text, guest, keepKeys }),
    staleTime: Infinity,
    gcTime: 0,
  });
  const base = `${location.origin}${location.pathname}${location.search}`;
  const url = link.data ? `${base}${link.data.fragment}` : '';
  const keys = link.data?.keys ?? 0;
  return (
    <Modal isOpen variant="medium" onClose={onClose} aria-labelledby="share-title">
      <ModalHeader title="Share a link to this workspace" labelId="share-title" />
      <ModalBody>
        <Content component="p">
          The link holds the whole text and the guest type, compressed, after the <code>#</code>: browsers never send that part to a server. Whoever opens it gets a
          copy to work on; your own work stays here.
        </Content>
        {keys > 0 && (
          <>
            <Alert component="h2" variant={keepKeys ? 'danger' : 'info'} isInline isPlain title={keepKeys ? `The link carries ${keys === 1 ? 'a Ceph key' : `${keys} Ceph keys`}` : `${keys === 1 ? 'A Ceph key was' : `${keys} Ceph keys were`} left out of the link`} />
            <Checkbox
              id="share-keys"
              isChecked={keepKeys}
              onChange={(_e, v) => setKeepKeys(v)}
              label="Put the Ceph keys (key=) into the link"
              description="A Ceph key lets whoever holds it read, change and delete the RBD images of that Ceph user. Anyone who gets the link gets the key — and so does every chat, mail archive, browser history and sync service the link passes through. Without it the disks still work where the host has the user's keyring."
            />
          </>
        )}
        {link.isPending ? (
          <Spinner size="md" aria-label="Making the link" />
        ) : link.isError ? (
          <Alert component="h2" variant="danger" isInline title="The link could not be made">
            {String(link.error)}
          </Alert>
        ) : (
          <ClipboardCopy isReadOnly hoverTip="Copy the link" clickTip="Copied" textAriaLabel="Share link" toggleAriaLabel="Show the whole link" className="xd-share-link" data-testid="share-link">
            {url}
          </ClipboardCopy>
        )}
        {url.length > 64000 && <Content component="p" className="xd-subtle">This link is {Math.round(url.length / 1024)} kB long: some chat and mail programs cut long links.</Content>}
      </ModalBody>
    </Modal>
  );
}
