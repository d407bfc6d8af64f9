import { loadMessages } from '../messages';
import { textOf, XmlNode, XmlValue } from './xml';

const internal = loadMessages('internal');

/**
 * Finds the values at a path such as `userPermissions[name=ApiEnabled]/enabled` or
 * `networkAccess/ipRanges[description=ISPM IP number 1]/start`: steps separated by `/`, each
 * optionally filtered by `[child=value]`. Used to trace each vendor-guide step to the element
 * that implements it.
 */
export const selectValues = (node: XmlNode, path: string): XmlValue[] => {
  let current: XmlValue[] = [node];
  for (const step of path.split('/')) {
    const match = /^([^[\]]+)(?:\[([^=\]]+)=([^\]]*)\])?$/.exec(step);
    if (!match) throw internal.createError('error.InvalidElementPath', [step, path]);
    const [, name = '', filterKey, filterValue] = match;
    const next: XmlValue[] = [];
    for (const value of current) {
      if (typeof value !== 'object') continue;
      for (const child of value[name] ?? []) {
        if (filterKey === undefined) next.push(child);
        else if (typeof child === 'object' && (child[filterKey] ?? []).some((v) => textOf(v) === filterValue))
          next.push(child);
      }
    }
    current = next;
  }
  return current;
};

/** The single text value at a path; undefined when absent. */
export const selectText = (node: XmlNode, path: string): string | undefined => textOf(selectValues(node, path)[0]);
