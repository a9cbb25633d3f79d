import SearchIcon from '@mui/icons-material/ManageSearch';
import { KnowledgeSearch } from './KnowledgeSearch';
import { KnowledgeShow } from './KnowledgeShow';

export default { list: KnowledgeSearch, show: KnowledgeShow, icon: SearchIcon, recordRepresentation: 'title' };
