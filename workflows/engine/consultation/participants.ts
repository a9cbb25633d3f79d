import type { DbOrTx } from '../../../db/client';
import type { NameForms } from '../../../grammar/german';

// Who a consultation asks: the city's departments, and whoever a module adds as external
// participants (a measure's providers). One request per participant, answered by the same page
// and the same mail reply; the engine knows a participant only through its source.

/** A participant as a consultation's input names it. Departments are also named by `departmentIds`. */
export interface ParticipantRef {
  /** "department", or the kind a module's source registers ("provider"). */
  kind: string;
  id: string;
}

export const DEPARTMENT_KIND = 'department';

/** How the request names who is asked, kept on the request as it was sent (its snapshot). */
export interface AddresseeName extends NameForms {
  /** What the answer page calls it: "Dienststelle", "Träger". */
  noun: string;
  /** "Ihre Dienststelle", "Ihren Träger": for whom the link in the mail is meant. */
  yours: string;
}

/** Who is asked, and where the request, the reminder and the escalation go. */
export interface Addressee extends AddresseeName {
  kind: string;
  id: string;
  /** The request and the reminder. */
  to: string[];
  /** The escalation (a department's head); empty: nobody above, the escalation is left out. */
  escalateTo: string[];
}

/** Where a module's participants of one kind are looked up, when a request is opened or followed up. */
export interface ParticipantSource {
  /** The German plural for messages: "Träger". */
  label: string;
  /** Those of `ids` that exist, with their current addresses; the others are left out. */
  load(db: DbOrTx, ids: string[]): Promise<Addressee[]>;
}

export type ParticipantSources = Record<string, ParticipantSource>;

/** The name forms of an addressee as the request row keeps them. */
export function addresseeName(a: Addressee): AddresseeName {
  const { name, grammaticalGender, nameAccusative, nameDative, nameGenitive, noun, yours } = a;
  return { name, grammaticalGender, nameAccusative, nameDative, nameGenitive, noun, yours };
}
