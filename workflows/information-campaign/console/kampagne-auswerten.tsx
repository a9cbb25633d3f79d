import { TextInput } from 'react-admin';
import type { TaskFormDefinition } from '../../../admin/src/modules/types';
import type { Task } from '../../../admin/src/tasks/taskApi';
import type { CampaignReach } from '../reach';
import { CampaignReachView } from './CampaignReach';

function Context({ task }: { task: Task }) {
  const reach = (task.context as { reach?: CampaignReach } | null)?.reach;
  return reach ? <CampaignReachView reach={reach} /> : null;
}

function Inputs() {
  return (
    <>
      <TextInput source="summary" label="app.campaign.summary" multiline minRows={4} fullWidth isRequired />
      <TextInput source="followUp" label="app.campaign.follow_up" multiline minRows={2} fullWidth />
    </>
  );
}

export const taskForm: TaskFormDefinition = { Context, Inputs };
