/**
 * Where the CallHub simulator's answers vary, and the spellings each site has. The first is the
 * default (the simulator runs in `first` mode unless told otherwise, since a list that changed
 * shape between pages would be no server at all). `unknown` history is opt-in: only a pin gets it.
 */
export const VARIANT_SITES = {
  /** Every list: DRF's page envelope, or the whole list as a bare array. */
  list: ['envelope', 'array'],
  /** The host a `next` link names: the one asked, or another (a regional host). */
  'next-host': ['same', 'foreign'],
  /** `/users/`: one object, a bare array, or a page of one. */
  users: ['object', 'array', 'envelope'],
  /** `/subscriber-history/{id}/`: no documented shape. */
  history: ['envelope', 'array'],
  /** `/contacts/?contact=`: an [outside] filter; a server may ignore it (opt-in `ignored`). */
  'contact-filter': ['honoured'],
} as const satisfies Record<string, readonly string[]>;

export const OPT_IN_VARIANTS: Readonly<Record<string, readonly string[]>> = {
  history: ['unknown'],
  'contact-filter': ['ignored'],
};
