import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { departments } from '../db/schema';
import {
  DEPARTMENT_KIND,
  type Addressee,
  type ParticipantRef,
  type ParticipantSource,
  type ParticipantSources,
} from '../workflows/engine/consultation/participants';

/** The city's departments: asked at their contact address, escalated to their head. */
export const departmentSource: ParticipantSource = {
  label: 'Dienststellen',
  async load(db, ids) {
    if (ids.length === 0) return [];
    const rows = await db.select().from(departments).where(inArray(departments.id, ids));
    return rows.map((d) => ({
      kind: DEPARTMENT_KIND,
      id: d.id,
      name: d.name,
      grammaticalGender: d.grammaticalGender,
      nameAccusative: d.nameAccusative,
      nameDative: d.nameDative,
      nameGenitive: d.nameGenitive,
      noun: 'Dienststelle',
      yours: 'Ihre Dienststelle',
      to: [d.contactEmail],
      escalateTo: [d.headEmail],
    }));
  },
};

export interface ParticipantDirectory {
  /** The addressees of `refs` in their order; `missing` names those no source knows (deleted since the start). */
  resolve(db: DbOrTx, refs: ParticipantRef[]): Promise<{ found: Addressee[]; missing: ParticipantRef[] }>;
}

/** The departments and every module's participant sources (registry), looked up by kind. */
export function participantDirectory(moduleSources: ParticipantSources): ParticipantDirectory {
  const sources: ParticipantSources = { ...moduleSources, [DEPARTMENT_KIND]: departmentSource };
  return {
    async resolve(db, refs) {
      const found: Addressee[] = [];
      const byKind = new Map<string, string[]>();
      for (const r of refs) byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), r.id]);
      for (const [kind, ids] of byKind) found.push(...((await sources[kind]?.load(db, ids)) ?? []));
      const key = (r: ParticipantRef) => `${r.kind}:${r.id}`;
      const position = new Map(refs.map((r, i) => [key(r), i]));
      found.sort((a, b) => (position.get(key(a)) ?? 0) - (position.get(key(b)) ?? 0));
      const known = new Set(found.map(key));
      return { found, missing: refs.filter((r) => !known.has(key(r))) };
    },
  };
}

/** A consultation's participants: its departments, then the others it names, each once. */
export function participantsOf(input: { departmentIds: string[]; participants?: ParticipantRef[] }): ParticipantRef[] {
  const refs = [...input.departmentIds.map((id) => ({ kind: DEPARTMENT_KIND, id })), ...(input.participants ?? [])];
  return refs.filter((r, i) => refs.findIndex((o) => o.kind === r.kind && o.id === r.id) === i);
}
