import { CaseList } from './CaseList';
import { CaseShow } from './CaseShow';

export default { list: CaseList, show: CaseShow };
