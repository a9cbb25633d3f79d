-- A consultation run as a part of another procedure is titled by its parent (the consultation
-- module's childTitleOf), so that the consultations of several funding reviews can be told apart;
-- those registered before under their parent's step title ("Anfrage an die Fachdienststellen") too.
UPDATE "procedures" AS child SET "title" = 'Anfrage zu: ' || parent."title"
FROM "procedures" AS parent
WHERE child."parent_id" = parent."id" AND child."type" = 'department-consultation' AND child."title" NOT LIKE 'Anfrage zu: %';
