/** A SOQL string literal: single quotes and backslashes escaped (SOQL reference, "Quoted String Escape Sequences"). */
export const soqlString = (value: string): string => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

export const soqlIn = (values: Iterable<string>): string => `(${[...new Set(values)].map(soqlString).join(', ')})`;
