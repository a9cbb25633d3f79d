import { useTranslate } from 'react-admin';
import { procedureTypes, type ProcedureTypeName } from '../../../workflows/registry';

export { procedureTypes, type ProcedureTypeName };

/** The procedure types as choices, named in the console's language (the registry's German label otherwise). */
export function useProcedureTypeChoices(): { id: string; name: string }[] {
  const translate = useTranslate();
  return Object.entries(procedureTypes).map(([id, t]) => ({ id, name: translate(`app.procedure_types.${id}`, { _: t.label }) }));
}

export function useProcedureTypeLabel(): (type: string) => string {
  const translate = useTranslate();
  return (type) => {
    const known = (procedureTypes as Record<string, { label: string }>)[type];
    return translate(`app.procedure_types.${type}`, { _: known?.label ?? type });
  };
}
