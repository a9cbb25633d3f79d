ALTER TABLE "departments" ADD COLUMN "grammatical_gender" text;--> statement-breakpoint
ALTER TABLE "departments" ADD COLUMN "name_accusative" text;--> statement-breakpoint
ALTER TABLE "departments" ADD COLUMN "name_dative" text;--> statement-breakpoint
ALTER TABLE "departments" ADD COLUMN "name_genitive" text;--> statement-breakpoint
-- The departments recorded before: their forms much as grammar/german.ts (deriveNameForms) derives them
-- from the head noun's ending (the first word that is no adjective: "Amt" in "Amt für
-- Schulentwicklung", "Integrationszentrum" in "Kommunales Integrationszentrum"). The seed records
-- its own departments' forms; an administrator corrects any other in the console.
WITH adjectives_first AS (
  -- The adjectives before the noun, as the name lists them: "Kommunales ", "Allgemeiner Sozialer ".
  SELECT id, name, substring(name from '^((?:[A-ZÄÖÜ]\S*(?:isch|al|lich|ig|iv|[^tzw]ell|är|ar|ein|ern|sam)(?:e|er|es|en) )*)') AS adjectives
  FROM "departments"
), parts AS (
  SELECT id, adjectives, split_part(substr(name, length(adjectives) + 1), ' ', 1) AS noun,
         substr(name, length(adjectives) + length(split_part(substr(name, length(adjectives) + 1), ' ', 1)) + 1) AS rest
  FROM adjectives_first
), gendered AS (
  SELECT *, CASE
      WHEN noun ~* '(werke|dienste|betriebe|kliniken|bühnen|einrichtungen)$' THEN 'plural'
      WHEN noun ~* '(schule|stelle|ung|ion|ei|heit|keit|schaft|kammer|behörde|agentur|akademie|bibliothek|bücherei|kasse|zentrale|gruppe|kommission|konferenz|feuerwehr|initiative|klinik|ambulanz|anstalt)$' THEN 'feminine'
      WHEN noun ~* '(dienst|bereich|stab|betrieb|verband|verein|ausschuss|bezirk|kreis|bund|beirat|treff)$' OR noun ~* '(^|[^e])rat$' THEN 'masculine'
      ELSE 'neuter'
    END AS gender
  FROM parts
), formed AS (
  SELECT id, gender,
         -- After the article the adjective ends in -e (accusative feminine and neuter) or -en (everything else here).
         regexp_replace(adjectives, '(?:es|er|en|e) ', CASE WHEN gender IN ('feminine', 'neuter') THEN 'e ' ELSE 'en ' END, 'g') AS adjective_accusative,
         regexp_replace(adjectives, '(?:es|er|en|e) ', 'en ', 'g') AS adjective_other,
         noun, rest,
         CASE WHEN gender = 'plural' AND noun !~ '[ns]$' THEN noun || 'n' ELSE noun END AS noun_dative,
         CASE
           WHEN gender IN ('feminine', 'plural') OR noun ~ '^[A-ZÄÖÜ0-9-]+$' THEN noun
           WHEN noun ~ '(s|ß|x|z|st|sch)$' THEN noun || 'es'
           ELSE noun || 's'
         END AS noun_genitive
  FROM gendered
)
UPDATE "departments" d SET
  "grammatical_gender" = f.gender,
  "name_accusative" = f.adjective_accusative || f.noun || f.rest,
  "name_dative" = f.adjective_other || f.noun_dative || f.rest,
  "name_genitive" = f.adjective_other || f.noun_genitive || f.rest
FROM formed f WHERE f.id = d.id;--> statement-breakpoint
ALTER TABLE "departments" ALTER COLUMN "grammatical_gender" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "departments" ALTER COLUMN "name_accusative" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "departments" ALTER COLUMN "name_dative" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "departments" ALTER COLUMN "name_genitive" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "departments" ADD CONSTRAINT "departments_grammatical_gender" CHECK ("departments"."grammatical_gender" in ('masculine', 'feminine', 'neuter', 'plural'));
