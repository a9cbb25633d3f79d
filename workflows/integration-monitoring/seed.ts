import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { departments } from '../../db/schema';
import { quarterEndedBefore, shiftQuarter } from './quarter';
import { indicators, indicatorValues, type IndicatorDirection } from './schema';

// Indicators of the integration monitoring, from the fields the position paper names: schools,
// childcare, counselling, language courses, naturalisation, the administration's own staff, the
// Integrationsrat, culture. Values are invented but plausible, for the eight quarters before the
// quarter that had just ended when the seed ran: the first monitoring then has its comparisons.

interface SeedIndicator {
  key: string;
  name: string;
  description: string;
  unit: string;
  department: string;
  direction: IndicatorDirection;
  plausible: [number, number];
  /** Per breakdown (none: 'gesamt'), the eight seeded quarters' values, oldest first. */
  series: { key: string; label: string; values: number[] }[];
}

const WHOLE = 'gesamt';

export const seedIndicators: SeedIndicator[] = [
  {
    key: 'schueler_mh_schulform',
    name: 'Anteil Schüler/-innen mit Migrationshintergrund nach Schulform',
    description: 'Anteil an allen Schüler/-innen der Schulform (Schulstatistik, Stichtag im Quartal). Die Hälfte aller Kölner Kinder hat einen Migrationshintergrund; steigende Anteile an Gymnasien, Real- und Gesamtschulen zeigen besseren Zugang.',
    unit: '%',
    department: 'SCHU',
    direction: 'higher_better',
    plausible: [10, 80],
    series: [
      { key: 'gymnasium', label: 'Gymnasium', values: [33.1, 33.4, 34.0, 34.2, 34.6, 35.0, 35.3, 35.8] },
      { key: 'realschule', label: 'Realschule', values: [44.0, 44.3, 44.9, 45.1, 45.0, 45.6, 46.0, 46.2] },
      { key: 'gesamtschule', label: 'Gesamtschule', values: [55.2, 55.0, 55.8, 56.1, 56.4, 56.2, 56.9, 57.3] },
    ],
  },
  {
    key: 'kita_quote_u3',
    name: 'Betreuungsquote der unter Dreijährigen',
    description: 'Anteil der Kinder unter drei Jahren in Kindertagesbetreuung: Mehrsprachigkeit wird vom Kindergarten an gefördert.',
    unit: '%',
    department: 'JUGA',
    direction: 'higher_better',
    plausible: [10, 70],
    series: [
      { key: 'mit_mh', label: 'mit Migrationshintergrund', values: [22.4, 22.9, 23.5, 24.0, 24.8, 25.1, 25.9, 26.4] },
      { key: 'ohne_mh', label: 'ohne Migrationshintergrund', values: [44.8, 45.0, 45.3, 45.9, 46.2, 46.0, 46.5, 46.8] },
    ],
  },
  {
    key: 'erziehungsberatung_mh',
    name: 'Anteil Ratsuchender mit Migrationshintergrund in der Erziehungsberatung',
    description: 'Nutzen Familien mit Migrationshintergrund die städtischen Beratungsangebote ihrem Anteil entsprechend?',
    unit: '%',
    department: 'JUGA',
    direction: 'higher_better',
    plausible: [15, 60],
    series: [{ key: WHOLE, label: 'gesamt', values: [28.0, 28.5, 29.1, 29.0, 30.2, 30.8, 31.0, 31.5] }],
  },
  {
    key: 'sprachkurs_teilnahme',
    name: 'Teilnehmende an Integrations- und Sprachkursen der VHS',
    description: 'Personen in Integrations- und Deutschkursen der Volkshochschule im Quartal.',
    unit: 'Personen',
    department: 'VHS',
    direction: 'higher_better',
    plausible: [100, 4000],
    series: [
      { key: 'unter_25', label: 'unter 25 Jahre', values: [612, 640, 598, 655, 670, 702, 688, 715] },
      { key: 'von_25_bis_49', label: '25 bis 49 Jahre', values: [1450, 1502, 1388, 1520, 1544, 1610, 1575, 1630] },
      { key: 'ab_50', label: '50 Jahre und älter', values: [310, 322, 296, 335, 341, 356, 349, 362] },
    ],
  },
  {
    key: 'sprachkurs_abschluss_b1',
    name: 'Erfolgsquote Deutsch-Test für Zuwanderer (B1)',
    description: 'Anteil der Prüfungen auf Niveau B1 an allen abgelegten Prüfungen im Quartal.',
    unit: '%',
    department: 'VHS',
    direction: 'higher_better',
    plausible: [40, 85],
    series: [{ key: WHOLE, label: 'gesamt', values: [58.2, 59.0, 57.8, 60.1, 61.0, 60.4, 61.8, 62.5] }],
  },
  {
    key: 'einbuergerungen',
    name: 'Einbürgerungen',
    description: 'Vollzogene Einbürgerungen im Quartal.',
    unit: 'Personen',
    department: 'ORDA',
    direction: 'higher_better',
    plausible: [500, 2500],
    series: [{ key: WHOLE, label: 'gesamt', values: [1012, 1088, 1150, 1204, 1236, 1302, 1355, 1410] }],
  },
  {
    key: 'wartezeit_abh',
    name: 'Wartezeit auf einen Termin bei der Ausländerbehörde',
    description: 'Durchschnittliche Tage zwischen Terminanfrage und Termin: lange Wartezeiten verhindern den Zugang zur Verwaltung.',
    unit: 'Tage',
    department: 'ORDA',
    direction: 'lower_better',
    plausible: [1, 60],
    series: [{ key: WHOLE, label: 'gesamt', values: [34, 36, 31, 29, 27, 30, 26, 24] }],
  },
  {
    key: 'integrationsrat_wahl',
    name: 'Wahlbeteiligung bei der Integrationsratswahl',
    description: 'Beteiligung bei der letzten Wahl des Integrationsrats; ändert sich nur mit einer Wahl.',
    unit: '%',
    department: 'ORDA',
    direction: 'higher_better',
    plausible: [5, 40],
    series: [{ key: WHOLE, label: 'gesamt', values: [11.6, 11.6, 11.6, 11.6, 11.6, 13.2, 13.2, 13.2] }],
  },
  {
    key: 'personal_mh',
    name: 'Anteil Beschäftigte mit Migrationshintergrund in der Stadtverwaltung',
    description: 'Interkulturelle Öffnung der Verwaltung: Anteil an allen Beschäftigten und an den Auszubildenden (freiwillige Angabe).',
    unit: '%',
    department: 'PERS',
    direction: 'higher_better',
    plausible: [5, 50],
    series: [
      { key: 'beschaeftigte', label: 'Beschäftigte', values: [14.2, 14.5, 14.9, 15.1, 15.6, 15.8, 16.3, 16.7] },
      { key: 'auszubildende', label: 'Auszubildende', values: [27.5, 28.9, 28.4, 30.2, 31.0, 32.4, 31.8, 33.5] },
    ],
  },
  {
    key: 'kultur_besuche_mh',
    name: 'Anteil Besucher/-innen mit Migrationshintergrund in städtischen Kultureinrichtungen',
    description: 'Aus der Besucherbefragung der Museen und Bühnen: werden die Angebote von allen Kölner/-innen genutzt?',
    unit: '%',
    department: 'KULT',
    direction: 'higher_better',
    plausible: [5, 45],
    series: [
      { key: 'museen', label: 'Museen', values: [17.2, 17.8, 18.1, 18.0, 18.9, 19.4, 19.1, 20.2] },
      { key: 'buehnen', label: 'Bühnen', values: [12.4, 12.1, 12.9, 13.3, 13.0, 13.8, 14.2, 14.0] },
    ],
  },
];

/** Idempotent: an indicator that exists (by key) is left as it is, with its values. */
export async function seedMonitoring(db: Db, now = new Date()): Promise<void> {
  const depts = await db.select({ id: departments.id, code: departments.code }).from(departments).where(inArray(departments.code, seedIndicators.map((i) => i.department)));
  const lastSeeded = shiftQuarter(quarterEndedBefore(now), -1);
  for (const s of seedIndicators) {
    const departmentId = depts.find((d) => d.code === s.department)?.id;
    if (!departmentId) continue;
    const [created] = await db
      .insert(indicators)
      .values({
        key: s.key,
        name: s.name,
        description: s.description,
        unit: s.unit,
        departmentId,
        direction: s.direction,
        disaggregations: s.series.length === 1 && s.series[0]?.key === WHOLE ? [] : s.series.map(({ key, label }) => ({ key, label })),
        plausibleMin: s.plausible[0],
        plausibleMax: s.plausible[1],
      })
      .onConflictDoNothing({ target: indicators.key })
      .returning({ id: indicators.id });
    if (!created) continue;
    await db
      .insert(indicatorValues)
      .values(
        s.series.flatMap((b) =>
          b.values.map((value, i) => ({
            indicatorId: created.id,
            quarter: shiftQuarter(lastSeeded, i - b.values.length + 1),
            disaggregation: b.key,
            value,
            source: 'seed' as const,
          })),
        ),
      )
      .onConflictDoNothing();
  }
}
