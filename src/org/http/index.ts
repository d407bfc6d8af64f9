export type { FormResponse, PostFormOptions } from './postForm';
export { httpRequest, postForm } from './postForm';
export { proxyFor } from './proxyFor';
