import { ProviderCreate, ProviderEdit } from './ProviderForm';
import { ProviderList } from './ProviderList';
import { ProviderShow } from './ProviderShow';

export default { list: ProviderList, show: ProviderShow, create: ProviderCreate, edit: ProviderEdit };
