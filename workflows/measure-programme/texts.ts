// The German words of the report's name and its mail; the registry's words (fields of action, funder
// levels) are the registry's (../measure-coordination/texts.ts).

/** "1 Maßnahme", "6 Maßnahmen": the count with its noun. */
export const measuresCounted = (n: number) => `${n} ${n === 1 ? 'Maßnahme' : 'Maßnahmen'}`;

export const programmeTitle = (year: number) => `Interkulturelles Maßnahmenprogramm ${year}`;
export const reportFileName = (year: number) => `Massnahmenprogramm-${year}.pdf`;

export function reportMailText(year: number, summary: string): string {
  return (
    `Guten Tag,\n\nanbei erhalten Sie den Bericht zum Interkulturellen Maßnahmenprogramm ${year}: die Maßnahmen nach ` +
    `Handlungsfeld und Stadtbezirk und ihre Finanzierung nach Förderebene.\n\nEinschätzung des Amts für Integration:\n${summary}\n\n` +
    'Mit freundlichen Grüßen\nAmt für Integration'
  );
}
