/**
 * The live previews: xl (this disk in the minimal, explicit and positional forms, and the
 * domain's `disk = [ … ]` line) and libvirt (this `<disk>` and all of the domain's disks, with
 * the mapper's diagnostics next to them; for RBD with a key, the `<secret>` and virsh commands).
 */
import { memo, useMemo } from 'react';
import { Button, Card, CardBody, CardTitle, Content, HelperText, HelperTextItem, Title } from '@patternfly/react-core';
import { EyeIcon, EyeSlashIcon } from '@patternfly/react-icons';
import { MASK, cephKeys, diskPreview, domainPreview, firstLines, maskKey, secretSetup, type DiskPreview, type DomainPreview } from '../preview';
import { diskProblems, type Analysis } from '../workspace/analysis';
import { CodePanel } from './CodePanel';
import { Diagnostics } from './Diagnostics';

const uuids = new Map<string, string>();
/** One secret UUID per Ceph user for the session, so the commands stay put while typing. */
function secretUuid(user: string): string {
  let u = uuids.get(user);
  if (!u) {
    u = globalThis.crypto.randomUUID();
    uuids.set(user, u);
  }
  return u;
}

function fileSafe(s: string): string {
  return s.replace(/[^A-Za-z0-9_.-]/g, '_') || 'disk';
}

export type PreviewsProps = {
  analysis: Analysis;
  /** The all-disks XML of a large document (made in a worker). */
  devicesXml?: string;
  selected?: number;
  /** Show the Ceph keys (they are masked until the user asks). */
  reveal: boolean;
  onReveal: (reveal: boolean) => void;
};

/** The previews of a document read on this thread; of a large one, only what is cheap. */
function previewsOf(a: Analysis, devicesXml: string | undefined): DomainPreview {
  if (a.doc) return domainPreview(a.doc);
  return { disks: [], diskLine: a.diskStatement, devicesXml: devicesXml ?? '<devices>\n  <!-- being written… -->\n</devices>\n' };
}

export const Previews = memo(function Previews({ analysis, devicesXml, selected, reveal, onReveal }: PreviewsProps) {
  const dom = useMemo(() => previewsOf(analysis, devicesXml), [analysis, devicesXml]);
  const setReveal = (f: (r: boolean) => boolean) => onReveal(f(reveal));
  const keys = useMemo(() => analysis.keys ?? cephKeys(analysis.disks), [analysis]);
  // long texts are cut for display first, so masking costs nothing on a large document
  const mask = (s: string) => (reveal || keys.length === 0 ? s : keys.reduce((t, k) => maskKey(t, k), firstLines(s, 200).text));
  const info = selected === undefined ? undefined : analysis.disks[selected];
  const cur: DiskPreview | undefined =
    selected === undefined ? undefined : (dom.disks[selected] ?? (info && diskPreview({ index: info.index, from: info.from, to: info.to, ...(info.spec !== undefined && { spec: info.spec }), ...(info.disk && { disk: info.disk }) }, analysis.guest)));
  const hasKey = keys.length > 0;
  const revealButton = hasKey && (
    <Button variant="secondary" size="sm" icon={reveal ? <EyeSlashIcon /> : <EyeIcon />} aria-pressed={reveal} onClick={() => setReveal((r) => !r)} className="xd-reveal">
      {reveal ? 'Hide Ceph key' : 'Show Ceph key'}
    </Button>
  );

  return (
    <div className="xd-previews" aria-label="Previews" role="region">
      <Card isCompact>
        <CardTitle>
          <Title headingLevel="h2" size="lg">
            xl
          </Title>
        </CardTitle>
        <CardBody>
          {hasKey && (
            <Content component="p" className="xd-keynote">
              The Ceph key is shown as {MASK}; copy and download carry it. {revealButton}
            </Content>
          )}
          {cur && cur.xl && (
            <>
              <Title headingLevel="h3" size="md">
                Disk {cur.index + 1} ({cur.disk?.vdev})
              </Title>
              {cur.disk && <LibxlVerdict analysis={analysis} index={cur.index} />}
              <CodePanel title="Minimal" what={`disk ${cur.index + 1}, minimal spec`} text={mask(cur.xl.minimal)} realText={cur.xl.minimal} testId="xl-minimal" />
              <CodePanel title="Explicit" what={`disk ${cur.index + 1}, explicit spec`} text={mask(cur.xl.explicit)} realText={cur.xl.explicit} testId="xl-explicit" />
              {cur.xl.positional !== undefined ? (
                <CodePanel title="Positional" what={`disk ${cur.index + 1}, positional spec`} text={mask(cur.xl.positional)} realText={cur.xl.positional} testId="xl-positional" />
              ) : (
                <HelperText className="xd-gap" data-testid="xl-positional-none">
                  <HelperTextItem>No positional form: the short form target,format,vdev,access[,cdrom] cannot carry this disk’s other settings or its target.</HelperTextItem>
                </HelperText>
              )}
            </>
          )}
          {cur && cur.xlError && (
            <HelperText>
              <HelperTextItem variant="error">xl rejects disk {cur.index + 1}: {cur.xlError}</HelperTextItem>
            </HelperText>
          )}
          <CodePanel
            headingLevel="h3"
            title={`Domain: disk = [ … ] (${analysis.disks.length} disk${analysis.disks.length === 1 ? '' : 's'})`}
            what="the domain's disk line"
            text={mask(dom.diskLine)}
            realText={dom.diskLine}
            download={{ filename: 'disks.cfg', type: 'text/plain' }}
            testId="xl-domain"
          >
            {analysis.configMessages.length > 0 && (
              <HelperText>
                {analysis.configMessages.slice(0, 20).map((m) => (
                  <HelperTextItem key={m} variant="error">
                    {m}
                  </HelperTextItem>
                ))}
              </HelperText>
            )}
          </CodePanel>
        </CardBody>
      </Card>

      <Card isCompact>
        <CardTitle>
          <Title headingLevel="h2" size="lg">
            libvirt
          </Title>
        </CardTitle>
        <CardBody>
          {cur && (
            <>
              {cur.xml !== undefined ? (
                <CodePanel
                  headingLevel="h3"
                  title={`Disk ${cur.index + 1} <disk>`}
                  what={`disk ${cur.index + 1}, libvirt XML`}
                  text={cur.xml}
                  download={{ filename: `${fileSafe(cur.disk?.vdev ?? 'disk')}.xml`, type: 'application/xml' }}
                  testId="lv-disk"
                >
                  <Diagnostics items={cur.diagnostics} label={`libvirt notes on disk ${cur.index + 1}`} testId="lv-disk-diags" />
                </CodePanel>
              ) : (
                <>
                  <Title headingLevel="h3" size="md">
                    Disk {cur.index + 1} {'<disk>'}
                  </Title>
                  <Diagnostics items={cur.diagnostics} label={`libvirt notes on disk ${cur.index + 1}`} testId="lv-disk-diags" />
                </>
              )}
              {cur.ceph && <SecretSetup ceph={cur.ceph} reveal={reveal} revealButton={revealButton} />}
            </>
          )}
          <CodePanel
            headingLevel="h3"
            title={`All disks <devices> (${analysis.disks.length})`}
            what="all disks, libvirt XML"
            text={dom.devicesXml}
            download={{ filename: 'disks.xml', type: 'application/xml' }}
            testId="lv-devices"
          >
            {dom.disks.map((d) =>
              d.diagnostics.length === 0 && !d.xlError ? null : d.index === selected ? (
                <p key={d.index} className="xd-diag-group xd-subtle">
                  Disk {d.index + 1}: its notes are shown with its {'<disk>'} above.
                </p>
              ) : (
                <DiskNotes key={d.index} d={d} />
              ),
            )}
          </CodePanel>
        </CardBody>
      </Card>
    </div>
  );
});

/** The errors core lint finds in a disk xl reads (libxl's checks, the vdev rules…). */
function LibxlVerdict({ analysis, index }: { analysis: Analysis; index: number }) {
  const d = analysis.disks[index];
  if (!d?.disk || !analysis.diagnostics) return null;
  const errors = diskProblems(analysis, index).map((i) => analysis.diagnostics![i]!).filter((x) => x.severity === 'error');
  if (errors.length === 0) return null;
  return (
    <HelperText className="xd-diags" data-testid="xl-libxl-errors">
      {errors.map((e, i) => (
        <HelperTextItem key={i} variant="error" screenReaderText="error">
          {e.message} <code className="xd-diag-code">{e.code}</code>
        </HelperTextItem>
      ))}
    </HelperText>
  );
}

/** One disk's notes in the all-disks view; the preview objects are cached, so unchanged disks do not re-render. */
const DiskNotes = memo(function DiskNotes({ d }: { d: DiskPreview }) {
  return (
    <div className="xd-diag-group">
      <Title headingLevel="h4" size="md">
        Disk {d.index + 1}
        {d.disk ? ` (${d.disk.vdev})` : ''}
      </Title>
      {d.xlError && (
        <HelperText>
          <HelperTextItem variant="error">xl rejects it: {d.xlError}</HelperTextItem>
        </HelperText>
      )}
      <Diagnostics items={d.diagnostics} label={`libvirt notes on disk ${d.index + 1}`} testId={`lv-diags-${d.index}`} />
    </div>
  );
});

function SecretSetup({ ceph, reveal, revealButton }: { ceph: { username: string; key?: string }; reveal: boolean; revealButton: React.ReactNode }) {
  const uuid = secretUuid(ceph.username);
  const shown = secretSetup(ceph, reveal, uuid);
  const real = secretSetup(ceph, true, uuid);
  return (
    <section aria-labelledby="secret-title" className="xd-secret">
      <Title headingLevel="h3" size="md" id="secret-title">
        Ceph secret for client.{ceph.username}
      </Title>
      <Content component="p">
        libvirt keeps the key in a secret object, never in the domain XML: the disk names it by usage (<code>{shown.usage}</code>). Define it once per host. {ceph.key === undefined && 'The spec has no key= : the commands carry a placeholder.'} {ceph.key !== undefined && revealButton}
      </Content>
      <CodePanel title="Secret XML" what="the secret XML" text={shown.xml} download={{ filename: shown.xmlFile, type: 'application/xml' }} testId="lv-secret-xml" />
      <CodePanel title="virsh commands" what="the virsh commands" text={shown.commands.join('\n')} realText={real.commands.join('\n')} testId="lv-secret-commands" />
    </section>
  );
}
