import { MeasureCreate, MeasureEdit } from './MeasureForm';
import { MeasureList } from './MeasureList';
import { MeasureShow } from './MeasureShow';

export default { list: MeasureList, show: MeasureShow, create: MeasureCreate, edit: MeasureEdit };
