import { and, asc, count, desc, eq, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { crudResource } from '../../api/crud';
import { HttpError, refuseIf, type FieldError } from '../../api/errors';
import { uuidFilter } from '../../api/list-query';
import { idParams, type Api } from '../../api/route';
import { enqueueCommand } from '../../commands/outbox';
import type { Db, DbOrTx, DbTransaction } from '../../db/client';
import { procedures } from '../../db/schema';
import { unknownDepartments, unknownIds } from '../../db/references';
import type { ProcedureStarter } from '../module';
import { districtInput, emptiedTexts, measureDraft, measureInput, measureUpdate, PERIOD_MESSAGE, periodInOrder, providerInput, providerUpdate } from './inputs';
import { decisions } from './forms';
import { districts, measureCoordinations, measures, providers } from './schema';
import type { MeasureSettings } from './settings';
import { duplicateCheck, type MeasureDraft } from './similar';
import { districtKinds, fieldsOfAction, funderLevels, providerKinds, targetGroups } from './vocabulary';

/** Field errors for district ids that name no Stadtbezirk or Stadtteil (also the organisations register's). */
export const unknownDistricts = (db: DbOrTx, ids: string[] | undefined, path: string) => unknownIds(db, districts.id, ids, path, 'unbekannter Stadtbezirk');

async function unknownProvider(db: Db, id: string | undefined): Promise<FieldError[]> {
  if (id === undefined) return [];
  const [found] = await db.select({ id: providers.id }).from(providers).where(eq(providers.id, id));
  return found ? [] : [{ path: 'body.providerId', message: 'unbekannter Träger' }];
}

const contactSchema = z.object({ name: z.string(), role: z.string(), email: z.string().nullable(), phone: z.string().nullable() });
const fundingLineSchema = z.object({ funderLevel: z.enum(funderLevels), programme: z.string(), amountPerYear: z.number() });

export const districtSchema = z
  .object({ id: z.string(), name: z.string(), kind: z.enum(districtKinds), number: z.number().nullable(), parentId: z.string().nullable(), createdAt: z.date() })
  .meta({ id: 'District' });

export const providerSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(providerKinds),
    street: z.string(),
    postalCode: z.string(),
    city: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    website: z.string().nullable(),
    contacts: z.array(contactSchema),
    districtIds: z.array(z.string()),
    departmentId: z.string().nullable(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'Provider' });

export const duplicateCandidateSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    providerId: z.string(),
    providerName: z.string(),
    score: z.number().min(0).max(1),
    reasons: z.array(z.string()),
  })
  .meta({ id: 'DuplicateCandidate' });

const measureFieldsSchema = {
  id: z.string(),
  title: z.string(),
  description: z.string(),
  providerId: z.string(),
  fieldOfAction: z.enum(fieldsOfAction),
  targetGroups: z.array(z.enum(targetGroups)),
  languages: z.array(z.string()),
  districtIds: z.array(z.string()),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  placesPerYear: z.number().nullable(),
  participantsPerYear: z.number().nullable(),
  fundingLines: z.array(fundingLineSchema),
  createdAt: z.date(),
  updatedAt: z.date(),
};

export const coordinationSchema = z
  .object({
    procedureId: z.string(),
    measureId: z.string(),
    otherMeasureId: z.string(),
    decision: z.enum(decisions),
    concernsMeasureId: z.string().nullable(),
    reason: z.string(),
    agreement: z.string(),
    decidedBy: z.string().nullable(),
    approvedBy: z.string().nullable(),
    decidedAt: z.date(),
    followUpDone: z.boolean().nullable(),
    followUpNote: z.string().nullable(),
    followedUpAt: z.date().nullable(),
  })
  .meta({ id: 'MeasureCoordination' });

export const measureSchema = z
  .object({
    ...measureFieldsSchema,
    /** Only in a create's or an update's answer: the registered measures that may offer the same. */
    similar: z.array(duplicateCandidateSchema).optional(),
  })
  .meta({ id: 'Measure' });

const DISTRICT_RULES = [
  'parentId: ein Stadtteil nennt den Stadtbezirk, in dem er liegt (einen vorhandenen Stadtbezirk), ein Stadtbezirk nennt keinen',
  'kind: ein Stadtbezirk mit Stadtteilen bleibt ein Stadtbezirk',
];
/** What an emptied text of a provider becomes: a provider is in Köln unless it says otherwise. */
const PROVIDER_EMPTY = { street: '', postalCode: '', city: 'Köln' };

const PROVIDER_RULES = [
  'districtIds: jede nennt einen vorhandenen Stadtbezirk oder Stadtteil, jeden nur einmal',
  'departmentId: nennt eine vorhandene Dienststelle und ist bei einer städtischen Dienststelle (kind staedtische-dienststelle) anzugeben',
];
/** Lists that name each entry once: the same target group twice is a client's mistake, refused so it shows. */
const ONCE_RULES = ['targetGroups: nennt jede Zielgruppe nur einmal', 'languages: nennt jede Sprache nur einmal'];
const MEASURE_RULES = [
  'providerId: nennt einen vorhandenen Träger',
  'districtIds: jede nennt einen vorhandenen Stadtbezirk oder Stadtteil, jeden nur einmal',
  ...ONCE_RULES,
  'endsOn: liegt nicht vor startsOn (auch nicht vor dem gespeicherten Beginn, wenn nur das Ende geändert wird)',
  'startsOn: liegt nicht nach dem gespeicherten Ende, wenn nur der Beginn geändert wird',
];

/** At most this many coordinations start by themselves for one new measure: the likeliest duplicates. */
const SYSTEM_STARTS = 3;

export function measureRegistryRoutes(api: Api, db: Db, settings: MeasureSettings, starter: ProcedureStarter) {
  const duplicates = duplicateCheck();
  async function checkDistrict(body: { kind?: string; parentId?: string | null }, current?: Record<string, unknown>) {
    const kind = body.kind ?? (current?.kind as string | undefined);
    const parentId = body.parentId === undefined ? (current?.parentId as string | null | undefined) : body.parentId;
    if (kind === 'stadtbezirk' && parentId) refuseIf([{ path: 'body.parentId', message: 'Ein Stadtbezirk liegt in keinem anderen' }]);
    if (kind === 'stadtteil') {
      if (current?.kind === 'stadtbezirk') {
        const [child] = await db.select({ id: districts.id }).from(districts).where(eq(districts.parentId, current.id as string)).limit(1);
        if (child) refuseIf([{ path: 'body.kind', message: 'Dieser Stadtbezirk hat Stadtteile und bleibt ein Stadtbezirk' }]);
      }
      if (!parentId) refuseIf([{ path: 'body.parentId', message: 'Bitte wählen Sie den Stadtbezirk, in dem der Stadtteil liegt' }]);
      const [parent] = await db.select({ kind: districts.kind }).from(districts).where(eq(districts.id, parentId as string));
      if (parent?.kind !== 'stadtbezirk' || parentId === current?.id) refuseIf([{ path: 'body.parentId', message: 'unbekannter Stadtbezirk' }]);
    }
  }

  crudResource(api, db, {
    resource: 'districts',
    label: 'Stadtbezirk oder Stadtteil',
    table: districts,
    idColumn: districts.id,
    columns: { id: districts.id, name: districts.name, kind: districts.kind, number: districts.number, parentId: districts.parentId, createdAt: districts.createdAt },
    searchColumns: [districts.name],
    filters: {
      kind: { column: districts.kind, schema: z.enum(districtKinds) },
      parentId: { column: districts.parentId, schema: uuidFilter },
    },
    defaultSort: sql`${districts.number} asc nulls last, ${districts.name} asc`,
    read: 'user',
    // The city's map changes by council decision, not by a clerk's entry.
    write: ['admin'],
    schema: districtSchema,
    create: {
      body: districtInput,
      rules: DISTRICT_RULES,
      async toRow(b) {
        await checkDistrict(b);
        return b;
      },
    },
    update: {
      body: districtInput.partial(),
      rules: DISTRICT_RULES,
      async toRow(b, _user, current) {
        await checkDistrict(b, current);
        return b;
      },
    },
    async beforeDelete(id) {
      const used = sql`${id}::uuid = any(district_ids)`;
      const [[m], [p]] = await Promise.all([
        db.select({ n: count() }).from(measures).where(used),
        db.select({ n: count() }).from(providers).where(used),
      ]);
      if ((m?.n ?? 0) + (p?.n ?? 0) > 0) throw HttpError.conflict('Der Stadtbezirk ist Maßnahmen oder Trägern zugeordnet und bleibt im Bestand');
    },
  });

  async function checkProvider(body: z.infer<typeof providerUpdate>, current?: Record<string, unknown>) {
    const kind = body.kind ?? current?.kind;
    const departmentId = body.departmentId === undefined ? (current?.departmentId as string | null | undefined) : body.departmentId;
    const problems = await unknownDistricts(db, body.districtIds, 'body.districtIds');
    if (body.departmentId) problems.push(...(await unknownDepartments(db, [body.departmentId], 'body.departmentId')).map((p) => ({ ...p, path: 'body.departmentId' })));
    if (kind === 'staedtische-dienststelle' && !departmentId) {
      problems.push({ path: 'body.departmentId', message: 'Bitte wählen Sie die Dienststelle, die dieser städtische Träger ist' });
    }
    refuseIf(problems);
  }

  crudResource(api, db, {
    resource: 'providers',
    label: 'Träger',
    table: providers,
    idColumn: providers.id,
    columns: {
      id: providers.id,
      name: providers.name,
      kind: providers.kind,
      street: providers.street,
      postalCode: providers.postalCode,
      city: providers.city,
      email: providers.email,
      phone: providers.phone,
      website: providers.website,
      contacts: providers.contacts,
      districtIds: providers.districtIds,
      departmentId: providers.departmentId,
      createdAt: providers.createdAt,
      updatedAt: providers.updatedAt,
    },
    searchColumns: [providers.name, providers.city],
    filters: {
      kind: { column: providers.kind, schema: z.enum(providerKinds) },
      districtId: { column: providers.districtIds, schema: uuidFilter, where: (v) => sql`${v as string}::uuid = any(${providers.districtIds})` },
    },
    defaultSort: asc(providers.name),
    read: 'user',
    write: ['staff', 'manager', 'admin'],
    schema: providerSchema,
    create: {
      body: providerInput,
      rules: PROVIDER_RULES,
      async toRow(b, user) {
        await checkProvider(b);
        return { ...emptiedTexts(b, PROVIDER_EMPTY), createdBy: user.id };
      },
    },
    update: {
      body: providerUpdate,
      rules: PROVIDER_RULES,
      async toRow(b, _user, current) {
        await checkProvider(b, current);
        return { ...emptiedTexts(b, PROVIDER_EMPTY), updatedAt: new Date() };
      },
    },
  });

  async function checkMeasure(body: z.infer<typeof measureUpdate>, current?: Record<string, unknown>) {
    const problems = [...(await unknownProvider(db, body.providerId)), ...(await unknownDistricts(db, body.districtIds, 'body.districtIds'))];
    const startsOn = body.startsOn ?? (current?.startsOn as string | undefined);
    const endsOn = body.endsOn === undefined ? (current?.endsOn as string | null | undefined) : body.endsOn;
    if (startsOn && !periodInOrder(startsOn, endsOn)) {
      problems.push({ path: body.endsOn !== undefined ? 'body.endsOn' : 'body.startsOn', message: PERIOD_MESSAGE.error({ input: endsOn }) as string });
    }
    refuseIf(problems);
  }

  const candidatesOf = (row: Record<string, unknown>) =>
    duplicates.similar(db, row as unknown as MeasureDraft, settings.duplicateThreshold);

  /**
   * A deleted measure leaves nothing to coordinate: its running coordinations are cancelled with it,
   * delivered to the engine as any cancel is (also when it is away). One that ended keeps its record,
   * which the foreign key keeps the measure for (a 409).
   */
  async function endCoordinationsOf(tx: DbTransaction, measureId: string, by: string) {
    const running = await tx
      .select({ id: procedures.id })
      .from(procedures)
      .where(
        and(
          eq(procedures.type, 'measure-coordination'),
          eq(procedures.status, 'running'),
          sql`(${procedures.input}->>'measureId' = ${measureId} or ${procedures.input}->>'otherMeasureId' = ${measureId})`,
        ),
      );
    for (const { id } of running) {
      await enqueueCommand(tx, `cancel:${id}`, { kind: 'cancel', workflowId: id, payload: { reason: 'Eine der beiden Maßnahmen wurde gelöscht', by } });
    }
  }

  /**
   * A new measure that very likely duplicates one already registered: the system starts its
   * coordination, in the insert's transaction, so that neither happens without the other.
   */
  async function coordinateIfDuplicate(tx: DbTransaction, id: string) {
    const [row] = await tx.select().from(measures).where(eq(measures.id, id));
    if (!row) return;
    const likely = await duplicates.similar(tx, row as unknown as MeasureDraft, settings.coordinationThreshold, SYSTEM_STARTS);
    for (const candidate of likely) {
      await starter.startIn(tx, { type: 'measure-coordination', input: { measureId: id, otherMeasureId: candidate.id }, startedBy: null });
    }
  }

  crudResource(api, db, {
    resource: 'measures',
    label: 'Maßnahme',
    table: measures,
    idColumn: measures.id,
    columns: {
      id: measures.id,
      title: measures.title,
      description: measures.description,
      providerId: measures.providerId,
      fieldOfAction: measures.fieldOfAction,
      targetGroups: measures.targetGroups,
      languages: measures.languages,
      districtIds: measures.districtIds,
      startsOn: measures.startsOn,
      endsOn: measures.endsOn,
      placesPerYear: measures.placesPerYear,
      participantsPerYear: measures.participantsPerYear,
      fundingLines: measures.fundingLines,
      createdAt: measures.createdAt,
      updatedAt: measures.updatedAt,
    },
    searchColumns: [measures.title, measures.description],
    filters: {
      providerId: { column: measures.providerId, schema: uuidFilter },
      fieldOfAction: { column: measures.fieldOfAction, schema: z.enum(fieldsOfAction) },
      targetGroup: { column: measures.targetGroups, schema: z.enum(targetGroups), where: (v) => sql`${v as string} = any(${measures.targetGroups})` },
      // A Stadtbezirk finds the measures in its Stadtteile as well.
      districtId: {
        column: measures.districtIds,
        schema: uuidFilter,
        where: (v) =>
          sql`exists (select 1 from ${districts} d where d.id = any(${measures.districtIds}) and (d.id = ${v as string}::uuid or d.parent_id = ${v as string}::uuid))`,
      },
      ongoing: {
        column: measures.endsOn,
        schema: z.boolean(),
        where: (v) => (v ? sql`(${measures.endsOn} is null or ${measures.endsOn} >= current_date)` : sql`${measures.endsOn} < current_date`),
      },
    },
    defaultSort: asc(measures.title),
    read: 'user',
    write: ['staff', 'manager', 'admin'],
    schema: measureSchema,
    create: {
      body: measureInput,
      rules: MEASURE_RULES,
      async toRow(b, user) {
        await checkMeasure(b);
        return { ...emptiedTexts(b, { description: '' }), createdBy: user.id };
      },
      alongside: (tx, id) => coordinateIfDuplicate(tx, id),
    },
    update: {
      body: measureUpdate,
      rules: MEASURE_RULES,
      async toRow(b, _user, current) {
        await checkMeasure(b, current);
        return { ...emptiedTexts(b, { description: '' }), updatedAt: new Date() };
      },
    },
    answer: async (row) => ({ ...row, similar: await candidatesOf(row) }),
    alongsideDelete: (tx, id, user) => endCoordinationsOf(tx, id, user.id),
  });

  api.route({
    method: 'get',
    path: '/api/measures/:id/coordinations',
    summary: 'Die Abstimmungen einer Maßnahme mit einer anderen: Entscheidung, Begründung, Vereinbarung, Nachschau',
    tag: 'measures',
    access: 'user',
    params: idParams,
    response: z.array(coordinationSchema),
    async handler({ params }) {
      const [measure] = await db.select({ id: measures.id }).from(measures).where(eq(measures.id, params.id));
      if (!measure) throw HttpError.notFound('Maßnahme');
      return db
        .select()
        .from(measureCoordinations)
        .where(or(eq(measureCoordinations.measureId, params.id), eq(measureCoordinations.otherMeasureId, params.id)))
        .orderBy(desc(measureCoordinations.decidedAt));
    },
  });

  api.route({
    method: 'post',
    path: '/api/measures/similar',
    summary: 'Maßnahmen, die dasselbe anbieten könnten wie der Entwurf (Dublettenprüfung)',
    tag: 'measures',
    access: 'user',
    body: measureDraft,
    // The draft's funding lines are not compared, so their shape is free; but no request holds a NUL anywhere.
    rules: [...ONCE_RULES, 'fundingLines: werden für den Vergleich nicht gelesen; kein Text und kein Feldname darin enthält ein Nullzeichen'],
    response: z.array(duplicateCandidateSchema),
    async handler({ body }) {
      const title = body.title ?? '';
      const description = body.description ?? '';
      if (title === '' && description === '') return [];
      return duplicates.similar(db, { ...body, title, description }, settings.duplicateThreshold);
    },
  });
}

