import { TranslatorCreate, TranslatorEdit, TranslatorList } from './TranslatorPages';

export default { list: TranslatorList, create: TranslatorCreate, edit: TranslatorEdit };
