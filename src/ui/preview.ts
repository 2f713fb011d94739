/**
 * The boundary between the UI and the core: turn the document text the user
 * typed into the text shown in the preview area.
 *
 * PLACEHOLDER: returns the text unchanged. The lead wires the core parser
 * (src/core/document) in here.
 */
export function previewSpec(text: string): string {
  return text;
}
