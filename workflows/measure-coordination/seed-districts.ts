// Köln's nine Stadtbezirke by their official numbers, each with its Stadtteile (86 in all).
export const cologneDistricts: { number: number; name: string; stadtteile: string[] }[] = [
  { number: 1, name: 'Innenstadt', stadtteile: ['Altstadt-Nord', 'Altstadt-Süd', 'Neustadt-Nord', 'Neustadt-Süd', 'Deutz'] },
  {
    number: 2,
    name: 'Rodenkirchen',
    stadtteile: ['Bayenthal', 'Godorf', 'Hahnwald', 'Immendorf', 'Marienburg', 'Meschenich', 'Raderberg', 'Raderthal', 'Rodenkirchen', 'Rondorf', 'Sürth', 'Weiß', 'Zollstock'],
  },
  { number: 3, name: 'Lindenthal', stadtteile: ['Braunsfeld', 'Junkersdorf', 'Klettenberg', 'Lindenthal', 'Lövenich', 'Müngersdorf', 'Sülz', 'Weiden', 'Widdersdorf'] },
  { number: 4, name: 'Ehrenfeld', stadtteile: ['Bickendorf', 'Bocklemünd/Mengenich', 'Ehrenfeld', 'Neuehrenfeld', 'Ossendorf', 'Vogelsang'] },
  { number: 5, name: 'Nippes', stadtteile: ['Bilderstöckchen', 'Longerich', 'Mauenheim', 'Niehl', 'Nippes', 'Riehl', 'Weidenpesch'] },
  {
    number: 6,
    name: 'Chorweiler',
    stadtteile: ['Blumenberg', 'Chorweiler', 'Esch/Auweiler', 'Fühlingen', 'Heimersdorf', 'Lindweiler', 'Merkenich', 'Pesch', 'Roggendorf/Thenhoven', 'Seeberg', 'Volkhoven/Weiler', 'Worringen'],
  },
  {
    number: 7,
    name: 'Porz',
    stadtteile: ['Eil', 'Elsdorf', 'Ensen', 'Finkenberg', 'Gremberghoven', 'Grengel', 'Langel', 'Libur', 'Lind', 'Poll', 'Porz', 'Urbach', 'Wahn', 'Wahnheide', 'Westhoven', 'Zündorf'],
  },
  { number: 8, name: 'Kalk', stadtteile: ['Brück', 'Höhenberg', 'Humboldt/Gremberg', 'Kalk', 'Merheim', 'Neubrück', 'Ostheim', 'Rath/Heumar', 'Vingst'] },
  { number: 9, name: 'Mülheim', stadtteile: ['Buchforst', 'Buchheim', 'Dellbrück', 'Dünnwald', 'Flittard', 'Höhenhaus', 'Holweide', 'Mülheim', 'Stammheim'] },
];
