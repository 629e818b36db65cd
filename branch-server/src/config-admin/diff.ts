export type { FieldDiff } from '../domain/records';
export { fieldDiff } from '../domain/field-diff';
