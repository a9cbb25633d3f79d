import { Card, CardContent, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Form, RadioButtonGroupInput, SaveButton, Title, Toolbar, useNotify, useTranslate } from 'react-admin';
import { useFormSubmit } from '../common/formSubmit';
import { apiFetch } from '../dataProvider/http';

interface Me {
  id: string;
  taskMail: 'each' | 'digest';
}

/** "Meine Einstellungen": what a person sets for themselves (PUT /api/auth/me/preferences). */
export function Preferences() {
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const submit = useFormSubmit();
  const { data } = useQuery({ queryKey: ['me-preferences'], queryFn: async () => (await apiFetch('/api/auth/me')).json as Me });
  return (
    <Card variant="outlined" sx={{ mt: 2, maxWidth: 720 }}>
      <Title title={translate('app.preferences.title')} />
      <CardContent>
        <Typography variant="h5" component="h1" gutterBottom>
          {translate('app.preferences.title')}
        </Typography>
        {data && (
          <Form
            record={{ taskMail: data.taskMail }}
            onSubmit={(values: Record<string, unknown>) =>
              submit(async () => {
                await apiFetch('/api/auth/me/preferences', { method: 'PUT', body: { taskMail: values.taskMail } });
                await queryClient.invalidateQueries({ queryKey: ['me-preferences'] });
                notify('app.preferences.saved', { type: 'success' });
              })
            }
          >
            <RadioButtonGroupInput
              source="taskMail"
              label="app.preferences.task_mail"
              helperText="app.preferences.task_mail_hint"
              row={false}
              choices={[
                { id: 'each', name: translate('app.task_mail.each') },
                { id: 'digest', name: translate('app.task_mail.digest') },
              ]}
            />
            <Toolbar>
              <SaveButton label="app.preferences.save" />
            </Toolbar>
          </Form>
        )}
      </CardContent>
    </Card>
  );
}
