import { commandFromLibrary } from '../../commandFromLibrary.js';

export default commandFromLibrary(['env']);
