import { z } from 'zod';

/** A link the office can open in a browser: the API document can only say "a URI", so "ftp://…" passes its check. */
export const webAddress = () =>
  z.url({ protocol: /^https?$/, error: 'keine gültige Web-Adresse (http:// oder https://)' }).max(2000);

/** The rule the document names for such a field, so a refused "urn:…" counts as documented. */
export const webAddressRule = (field: string) => `${field}: eine Web-Adresse, die mit http:// oder https:// beginnt`;
