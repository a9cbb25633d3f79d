-- The knowledge base's search column is GENERATED from its topics (text[]); array_to_string is only
-- STABLE (element output functions may depend on settings), which a generated column refuses. For
-- text[] the result cannot change, so this wrapper may honestly be IMMUTABLE.
CREATE OR REPLACE FUNCTION knowledge_topics_text(topics text[]) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT array_to_string(topics, ' ') $$;
