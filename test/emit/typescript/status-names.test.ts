import { StatusCodes } from 'http-status-codes';
import { describe, expect, it } from 'vitest';
import { registeredStatusNames } from '../../../src/emit/typescript/status-names.js';
import { toUpperSnake } from '../../../src/emit/typescript/names.js';
import { httpStatus } from '../../../src/model/http-status.js';

describe('registeredStatusNames', () => {
  const pkg = new Map(Object.entries(StatusCodes).flatMap(([name, code]) => (typeof code === 'number' ? [[code, name] as const] : [])));

  it('names every registered code, and nothing else', () => {
    expect([...registeredStatusNames.keys()]).toEqual([...httpStatus.keys()]);
  });

  it('is the http-status-codes name where the package has one, else UPPER_SNAKE of the registry phrase', () => {
    const fromRegistry: number[] = [];
    for (const [code, name] of registeredStatusNames) {
      const packaged = pkg.get(code);
      if (packaged === undefined) {
        fromRegistry.push(code);
        expect(name).toBe(toUpperSnake(httpStatus.get(code) ?? ''));
      } else expect(name, `status ${code}`).toBe(packaged);
    }
    expect(fromRegistry).toEqual([208, 226, 425, 506, 508, 510]);
  });

  it('gives distinct names, none ending in digits (so unregistered names, which end in their code, cannot meet them)', () => {
    const names = [...registeredStatusNames.values()];
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[A-Z][A-Z_]*[A-Z]$/);
  });
});
