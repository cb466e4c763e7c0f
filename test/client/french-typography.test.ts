import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// French puts a no-break space before : ; ! ? and inside « »; with an ordinary space a line can
// break before the colon or right after the opening guillemet. Every French text of the screens,
// exports and mails is written in an object or constant named `fr`; this reads them all.

const root = join(import.meta.dirname, "..", "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

function isNamedFr(node: ts.Node, file: ts.SourceFile) {
  return (
    (ts.isPropertyAssignment(node) ||
      ts.isMethodDeclaration(node) ||
      ts.isVariableDeclaration(node)) &&
    node.name.getText(file).toLowerCase() === "fr"
  );
}

const BREAKABLE = /« | »| [:;!?](?=[\s"'`)]|$)/u;

function breakableFrenchTexts(path: string) {
  const text = readFileSync(path, "utf8");
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node, inFrench: boolean) => {
    const french = inFrench || isNamedFr(node, file);
    const literal =
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node);
    if (french && literal && BREAKABLE.test(node.getText(file))) {
      const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
      found.push(`${relative(root, path)}:${line + 1} ${node.getText(file).slice(0, 60)}`);
    }
    ts.forEachChild(node, (child) => visit(child, french));
  };
  visit(file, false);
  return found;
}

describe("French typography", () => {
  it("keeps : ; ! ? and « » on the line of the word they belong to", () => {
    const files = [...sourceFiles(join(root, "client")), ...sourceFiles(join(root, "server"))];
    expect(files.length).toBeGreaterThan(50);
    expect(files.flatMap(breakableFrenchTexts)).toEqual([]);
  });

  it("finds an ordinary space before a colon in a French text", () => {
    const probe = join(root, "test", "client", "fixtures", "french-typography-probe.ts");
    expect(breakableFrenchTexts(probe)).toHaveLength(2);
  });
});
