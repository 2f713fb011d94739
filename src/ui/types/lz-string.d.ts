/** lz-string 1.5.0 ships typings but does not point package.json at them. */
declare module 'lz-string' {
  export function compressToEncodedURIComponent(input: string): string;
  export function decompressFromEncodedURIComponent(compressed: string): string | null;
  const LZString: { compressToEncodedURIComponent: typeof compressToEncodedURIComponent; decompressFromEncodedURIComponent: typeof decompressFromEncodedURIComponent };
  export default LZString;
}
