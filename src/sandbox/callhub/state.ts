import type { ChContact, ChDataset } from './types';

export interface StoredNote {
  contactId: string;
  notes: string;
  at: string;
}

export interface StoredDialer {
  uuid: string;
  contact: string;
  createdAt: string;
  /** Each `POST /dialer/{id}/agent/`: which of the contact's numbers was rung. */
  calls: Array<'contact' | 'mobile'>;
}

/** What the simulator's writes change: notes, dialers, contacts removed, the bulk-create clock. */
export class CallhubState {
  readonly notes: StoredNote[] = [];
  readonly dialers = new Map<string, StoredDialer>();
  private readonly removed = new Set<string>();
  lastBulkCreateAt: number | null = null;

  constructor(readonly data: ChDataset) {}

  liveContacts(): ChContact[] {
    return this.data.contacts.filter((contact) => !this.removed.has(contact.id));
  }

  contact(id: string): ChContact | undefined {
    return this.liveContacts().find((contact) => contact.id === id);
  }

  /** Deleted in CallHub's web app: the API stops listing it, and says nothing else. */
  removeContact(id: string): void {
    this.removed.add(id);
  }
}
