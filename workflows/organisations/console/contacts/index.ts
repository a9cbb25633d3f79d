import { ContactCreate, ContactEdit } from './ContactForm';

export default { create: ContactCreate, edit: ContactEdit };
