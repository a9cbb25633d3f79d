import { ArrayInput, AutocompleteInput, FormDataConsumer, ReferenceArrayInput, ReferenceInput, AutocompleteArrayInput, SelectInput, SimpleFormIterator, TextInput } from 'react-admin';
import type { StartFormDefinition } from '../../../admin/src/modules/types';
import { useChoices } from '../../../admin/src/common/choices';
import { DepartmentPicker } from '../../../admin/src/common/DepartmentChoice';
import { DurationInput } from '../../../admin/src/common/DurationInput';
import { DistrictInput } from '../../measure-coordination/console/DistrictInput';
import { languageCodes } from '../../organisations/languages';
import { FreeWordsInput } from '../../organisations/console/FreeWordsInput';

const targetLanguages = languageCodes.filter((code) => code !== 'de');

/** A translation row: the language, then who translates into it (the register's active translators of that language). */
function TranslationRows() {
  const languages = useChoices('language', targetLanguages);
  return (
    <ArrayInput source="translations" label="app.campaign.translations" helperText="app.campaign.translations_hint">
      <SimpleFormIterator inline sx={{ '& .RaSimpleFormIterator-form': { flexWrap: 'wrap' } }}>
        <SelectInput source="language" label="app.campaign.language" choices={languages} helperText={false} sx={{ minWidth: 240 }} />
        <FormDataConsumer<{ language?: string }>>
          {({ scopedFormData }) => (
            <ReferenceInput
              source="translatorId"
              reference="translators"
              filter={{ active: true, ...(scopedFormData?.language ? { language: scopedFormData.language } : {}) }}
              sort={{ field: 'name', order: 'ASC' }}
              perPage={100}
            >
              <AutocompleteInput label="app.campaign.translator" optionText="name" helperText={false} sx={{ minWidth: 280 }} />
            </ReferenceInput>
          )}
        </FormDataConsumer>
      </SimpleFormIterator>
    </ArrayInput>
  );
}

function Inputs() {
  return (
    <>
      <DepartmentPicker source="departmentId" label="app.campaign.department" />
      <TextInput source="title" label="app.campaign.title" fullWidth isRequired />
      <TextInput source="text" label="app.campaign.text" multiline minRows={6} fullWidth isRequired />
      <TranslationRows />
      <ReferenceArrayInput source="organisationIds" reference="organisations" perPage={200} sort={{ field: 'name', order: 'ASC' }}>
        <AutocompleteArrayInput label="app.campaign.organisations" optionText="name" fullWidth isRequired filterToQuery={(q) => ({ q })} />
      </ReferenceArrayInput>
      <FreeWordsInput source="communities" label="app.campaign.communities" helperText="app.campaign.targets_hint" />
      <DistrictInput />
      <DurationInput source="reportDeadline" label="app.campaign.report_deadline" helperText="app.campaign.report_deadline_hint" />
    </>
  );
}

export const startForm: StartFormDefinition = { Inputs, defaults: { translations: [], organisationIds: [], communities: [], districtIds: [] } };
