/** The guest type of a Xen domain: it decides vdev advice and the libvirt bus of each disk. */
import { z } from 'zod';

export const GUEST_TYPES = ['hvm', 'pv', 'pvh'] as const;
export const GuestTypeSchema = z.enum(GUEST_TYPES);
export type GuestType = z.infer<typeof GuestTypeSchema>;
