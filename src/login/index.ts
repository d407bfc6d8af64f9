export { loginFromAuthUrls } from './loginFromAuthUrl';
