/**
 * The xl config-file layer: read a whole domain config exactly as libxlutil
 * does (with positions), find the disks xl would use, and rewrite them as
 * text edits.
 */
export type * from './types';
export { SourceOffsets } from './offsets';
export { readXlConfig, type ReadOptions } from './read';
export { diskItems, diskList, specIndexToOffset, type DiskItem, type DiskList, type DiskListStatus } from './disks';
export { quoteXlString, pickQuote, isXlQuotable, type XlQuote } from './quote';
export { replaceDiskItem, replaceDiskList, type ListWriteOptions } from './writer';
