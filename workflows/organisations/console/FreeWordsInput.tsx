import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import { AutocompleteArrayInput } from 'react-admin';

/** Words of the office's own (a community's name): typed and kept as chips, no list to choose from. */
export function FreeWordsInput({ source, label, helperText }: { source: string; label?: string; helperText?: string }) {
  const value = (useWatch({ name: source }) as string[] | undefined) ?? [];
  const [typed, setTyped] = useState<string[]>([]);
  const choices = [...new Set([...value, ...typed])].map((word) => ({ id: word, name: word }));
  return (
    <AutocompleteArrayInput
      source={source}
      label={label}
      helperText={helperText}
      choices={choices}
      fullWidth
      onCreate={(text?: string) => {
        const word = text?.trim();
        if (!word) return undefined;
        setTyped((t) => [...t, word]);
        return { id: word, name: word };
      }}
    />
  );
}
