/**
 * xl ⇄ libvirt `<disk>` mapping. See docs/libvirt-differences.md for every place where it
 * deliberately differs from libvirt 9.0's own converter.
 */
export { LV_CODES, type LvCode, type LvDiagnostic, type Severity, hasError } from './diagnostics';
export { GUEST_TYPES, type GuestType, type Bus, busFor, diskNameToIndex, driveAddress, guestFromOsType, guestFromXlSettings, osTypeFor } from './guest';
export { diskToLibvirt, type DiskToXml, type ToXmlOptions } from './toXml';
export { diskFromLibvirt, type DiskFromXml, type FromXmlOptions } from './fromXml';
export { readLibvirtXml, type LibvirtDisk, type LibvirtRead, type XmlShape } from './readXml';
export { formatLibvirtSpec, formatDiskSetting } from './xlOutput';
export { specToLibvirt, xlConfigToLibvirt, libvirtToXl, type SpecToXml, type ConfigToXml, type XmlToXl } from './convert';
export { rbdSecret, DEFAULT_SECRET_USAGE, secretUsageFor, type RbdSecretOptions, type RbdSecretSetup } from './secret';
export type { RbdSecretRef } from './rbd';
export { printXml, type XEl } from './xmlTree';
export { parseXml, type XmlError, type XmlParse } from './xmlParse';
