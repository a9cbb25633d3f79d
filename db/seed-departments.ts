import type { GrammaticalGender, NameForms } from '../grammar/german';

/** The city's departments of the demo, with the forms every text names them by (grammar/german.ts). */
export const cityDepartments: (NameForms & { code: string; head: string })[] = [
  { code: 'JUGA', head: 'Dr. Miriam Hoffmann', ...forms('Jugendamt', 'neuter', 'Jugendamts') },
  { code: 'WOHN', head: 'Thomas Becker', ...forms('Wohnungsamt', 'neuter', 'Wohnungsamts') },
  { code: 'PERS', head: 'Sabine Krüger', ...forms('Personalamt', 'neuter', 'Personalamts') },
  { code: 'ORDA', head: 'Jürgen Wagner', ...forms('Ordnungsamt', 'neuter', 'Ordnungsamts') },
  { code: 'GESA', head: 'Dr. Aylin Demir', ...forms('Gesundheitsamt', 'neuter', 'Gesundheitsamts') },
  { code: 'VHS', head: 'Katrin Schulz', ...forms('Volkshochschule', 'feminine', 'Volkshochschule') },
  { code: 'SCHU', head: 'Michael Richter', ...forms('Amt für Schulentwicklung', 'neuter', 'Amts für Schulentwicklung') },
  { code: 'STPL', head: 'Petra Neumann', ...forms('Stadtplanungsamt', 'neuter', 'Stadtplanungsamts') },
  { code: 'SOZ', head: 'Hakan Öztürk', ...forms('Sozialamt', 'neuter', 'Sozialamts') },
  { code: 'KULT', head: 'Elena Petrova', ...forms('Kulturamt', 'neuter', 'Kulturamts') },
];

/** A singular name whose accusative and dative are the name itself, as all of the demo's are. */
function forms(name: string, grammaticalGender: GrammaticalGender, nameGenitive: string): NameForms {
  return { name, grammaticalGender, nameAccusative: name, nameDative: name, nameGenitive };
}
