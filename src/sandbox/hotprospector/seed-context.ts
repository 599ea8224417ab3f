import { createRng, deriveSeed, type Rng } from '../random';
import { makeCampaigns, makeDispositions, makeGroups, makeMembers, makeNumbers, makeTags } from './seed-catalog';
import { asciiSlug } from './text';
import { localMidnights } from './time';
import type { SbCampaign, SbDisposition, SbGroup, SbMember, SbNumberHealth, SbTag } from './types';

/**
 * What every generator step shares: the one random stream (its order of use is what makes a
 * seed reproducible), the window's local midnights, and the account's reference tables.
 */

export interface SeedContext {
  rng: Rng;
  now: number;
  days: number;
  midnights: number[];
  groups: SbGroup[];
  tags: SbTag[];
  members: SbMember[];
  activeMembers: SbMember[];
  campaigns: SbCampaign[];
  dispositions: SbDisposition[];
  dispositionIds: Record<'hotLead' | 'notInterested' | 'callBack' | 'noAnswer' | 'appointment' | 'wrongNumber', number>;
  numbers: SbNumberHealth[];
  /** asciiSlug is slow (Unicode normalization) and the name pools are small: slug each once. */
  slug: (text: string) => string;
}

export function createSeedContext(seed: number, now: number, days: number, timeZone: string): SeedContext {
  const rng = createRng(deriveSeed(seed, 'hotprospector-dataset'));
  const members = makeMembers(now);
  const dispositions = makeDispositions();
  const slugs = new Map<string, string>();
  return {
    rng,
    now,
    days,
    midnights: localMidnights(now, days, timeZone),
    groups: makeGroups(),
    tags: makeTags(),
    members,
    activeMembers: members.filter((m) => m.status === 'Active'),
    campaigns: makeCampaigns(),
    dispositions,
    dispositionIds: dispositionIds(dispositions),
    numbers: makeNumbers(rng, now),
    slug: (text) => {
      let slug = slugs.get(text);
      if (slug === undefined) slugs.set(text, (slug = asciiSlug(text)));
      return slug;
    },
  };
}

function dispositionIds(dispositions: SbDisposition[]): SeedContext['dispositionIds'] {
  const byTitle = (title: string): number => dispositions.find((x) => x.title === title)?.id ?? 0;
  return {
    hotLead: byTitle('Hot Lead'),
    notInterested: byTitle('Not Interested'),
    callBack: byTitle('Call Back'),
    noAnswer: byTitle('No Answer'),
    appointment: byTitle('Appointment Set'),
    wrongNumber: byTitle('Wrong Number'),
  };
}
