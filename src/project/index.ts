export { findProjectDir } from './findProjectDir';
