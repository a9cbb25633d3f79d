import CampaignIcon from '@mui/icons-material/Campaign';
import { FundingCallCreate, FundingCallEdit } from './FundingCallForm';
import { FundingCallList } from './FundingCallList';
import { FundingCallShow } from './FundingCallShow';

export default {
  list: FundingCallList,
  show: FundingCallShow,
  create: FundingCallCreate,
  edit: FundingCallEdit,
  icon: CampaignIcon,
  recordRepresentation: 'title',
};
