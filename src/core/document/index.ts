export { detectSyntax, type Syntax } from './detect';
export { readDocument, parseStatus, type DocDisk, type DocumentView, type DiskStatus, type GuestSource, type ReadOptions } from './document';
export { setDisk, setDiskAt, insertDisk, removeDisk, moveDisk, duplicateDisk, type WriteOptions } from './edits';
export { elementEnd } from './xmlSpan';
