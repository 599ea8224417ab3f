/**
 * Which documented spelling a Hot Prospector answer uses. The two doc sets (and examples inside
 * one doc) disagree: one-item arrays or bare objects, `tag` or `tags`, `noteId` or `notesId`,
 * JSON objects or JSON text. Names are Methods; `by-api` answers the V1 endpoint like the V1 doc
 * and the V2 endpoint like the V2 doc (the router passes 'v1' or 'v2' as the preferred variant);
 * `first` is the V1 doc's section example. The picker itself is shared: ../variants.ts.
 */
export { VariantPicker, type VariantMode, type VariantSettings } from '../variants';
