export type { FormResponse, PostFormOptions } from './postForm';
export { postForm } from './postForm';
export { proxyFor } from './proxyFor';
