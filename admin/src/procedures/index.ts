import AccountTreeIcon from '@mui/icons-material/AccountTree';
import { ProcedureList } from './ProcedureList';
import { ProcedureShow } from './ProcedureShow';
import { ProcedureStart } from './ProcedureStart';

export default { list: ProcedureList, show: ProcedureShow, create: ProcedureStart, icon: AccountTreeIcon };
