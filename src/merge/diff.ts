/**
 * The `--dry-run` output: a unified diff (`diff -u` format, 3 lines of
 * context) from the spec to the merged spec, via the `diff` package.
 *
 *   --- a/openapi.yaml
 *   +++ b/openapi.yaml
 *   @@ -40,3 +40,7 @@
 *        '400':
 *          $ref: '#/components/responses/BadRequest'
 *   +    '404':
 *   +      $ref: '#/components/responses/NotFound'
 */
import { createTwoFilesPatch } from 'diff';

export interface DiffOptions {
  /** Name shown for both sides (`a/<name>`, `b/<name>`). */
  name: string;
  context?: number;
}

/** A unified diff from `before` to `after`; the empty string when they are equal. */
export function unifiedDiff(before: string, after: string, options: DiffOptions): string {
  if (before === after) return '';
  const patch = createTwoFilesPatch(`a/${options.name}`, `b/${options.name}`, before, after, undefined, undefined, {
    context: options.context ?? 3,
  });
  // Drop the `Index:`/`===` preamble the package writes before the `---` line.
  const start = patch.indexOf('--- ');
  return start > 0 ? patch.slice(start) : patch;
}
