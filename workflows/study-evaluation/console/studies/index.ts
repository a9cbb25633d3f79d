import MenuBookIcon from '@mui/icons-material/MenuBook';
import { StudyCreate, StudyEdit } from './StudyForm';
import { StudyList } from './StudyList';
import { StudyShow } from './StudyShow';

export default { list: StudyList, show: StudyShow, create: StudyCreate, edit: StudyEdit, icon: MenuBookIcon, recordRepresentation: 'title' };
