/** Test-only: runs a generated TypeScript module (no imports) and returns its exports. */
import ts from '../helpers/typescript.js';
import type { Node, PropertyName } from 'typescript';

export function runModule(text: string): Record<string, unknown> {
  const { outputText } = ts.transpileModule(text, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  });
  const module = { exports: {} as Record<string, unknown> };
  // Running the generated code is the point of the test.
  new Function('exports', 'module', outputText)(module.exports, module);
  return module.exports;
}

/** The JSDoc of each member of the first enum, or of each property of the first `as const` object, by member name. */
export function memberDocs(text: string): Map<string, { comment: string; tags: string[] }> {
  const file = ts.createSourceFile('x.ts', text, ts.ScriptTarget.ES2022, true);
  const docs = new Map<string, { comment: string; tags: string[] }>();
  const record = (name: PropertyName, node: Node): void => {
    const jsDocs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
    docs.set(ts.isIdentifier(name) ? name.text : name.getText(file), {
      comment: jsDocs.map((doc) => ts.getTextOfJSDocComment(doc.comment) ?? '').join('\n'),
      tags: ts.getJSDocTags(node).map((tag) => tag.tagName.text),
    });
  };
  for (const statement of file.statements) {
    if (ts.isEnumDeclaration(statement)) {
      for (const member of statement.members) record(member.name, member);
      return docs;
    }
    if (ts.isVariableStatement(statement)) {
      const init = statement.declarationList.declarations[0]?.initializer;
      if (init !== undefined && ts.isAsExpression(init) && ts.isObjectLiteralExpression(init.expression)) {
        for (const property of init.expression.properties) if (ts.isPropertyAssignment(property)) record(property.name, property);
        return docs;
      }
    }
  }
  return docs;
}
