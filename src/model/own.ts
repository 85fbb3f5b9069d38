/**
 * Objects keyed by text from the docs (field names, XML element names):
 * `setOwn` sets an own property also for a key named `__proto__`, which plain
 * assignment would take as the object's prototype, losing the field.
 */
export function setOwn<V>(record: Record<string, V>, key: string, value: V): void {
  if (key === '__proto__') Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  else record[key] = value;
}
