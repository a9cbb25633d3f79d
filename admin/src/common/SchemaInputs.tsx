import { BooleanInput, NumberInput, SelectInput, TextInput } from 'react-admin';
import type { z } from 'zod';

/**
 * For a form (task or start) that has no component of its own yet, e.g. a procedure added in the API first:
 * inputs read from the schema's top-level fields, so the work can still be done.
 */
export function SchemaInputs({ schema }: { schema: z.ZodType | undefined }) {
  const shape = (schema as unknown as { shape?: Record<string, z.ZodType> } | undefined)?.shape ?? {};
  return (
    <>
      {Object.entries(shape).map(([name, field]) => {
        let inner = field as unknown as { def: { type: string; innerType?: unknown; entries?: Record<string, string> } };
        while (inner.def.type === 'optional' || inner.def.type === 'default' || inner.def.type === 'nullable') {
          inner = inner.def.innerType as typeof inner;
        }
        switch (inner.def.type) {
          case 'number':
            return <NumberInput key={name} source={name} />;
          case 'boolean':
            return <BooleanInput key={name} source={name} />;
          case 'enum':
            return <SelectInput key={name} source={name} choices={Object.values(inner.def.entries ?? {}).map((v) => ({ id: v, name: v }))} />;
          default:
            return <TextInput key={name} source={name} multiline fullWidth />;
        }
      })}
    </>
  );
}
