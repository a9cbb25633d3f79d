import { DistrictList } from './DistrictList';

export default { list: DistrictList };
