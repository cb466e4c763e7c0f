import type { CodeProblem } from "../i18n/respondent-messages";
import type { Problem } from "./respondent-api";

/** Longer input than any code plus slack; the server reads at most 64 characters. */
const MAX_TYPED_CHARACTERS = 32;

/**
 * A typed code as shown while typing: upper case, letters and digits only, in groups of four
 * (XXXX-XXXX-XXXX-X). Which characters are valid is left to the server, which also reads I and
 * L as 1 and O as 0.
 */
export function formatTypedCode(typed: string): string {
  const characters = typed
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, "")
    .slice(0, MAX_TYPED_CHARACTERS);
  return characters.match(/.{1,4}/g)?.join("-") ?? "";
}

/**
 * The code a personal link carries in its fragment (`#code=XXXX-XXXX-XXXX-X`), formatted, or
 * "" when there is none. Browsers never send the fragment to a server.
 */
export function codeFromFragment(hash: string): string {
  const match = /(?:^#|&)code=([^&]*)/.exec(hash);
  return match ? formatTypedCode(decodeURIComponent(match[1] as string)) : "";
}

/**
 * Where the caret belongs in the formatted code: after as many letters and digits as stood
 * before it in what was typed, so editing in the middle does not throw it to the end.
 */
export function caretAfterFormatting(typed: string, caret: number): number {
  const count = typed.slice(0, caret).replace(/[^0-9A-Za-z]/g, "").length;
  return count === 0 ? 0 : count + Math.floor((count - 1) / 4);
}

/** What a problem answer says about the code, if it is about the code. */
export function codeProblemOf(problem: Problem): CodeProblem | undefined {
  const name = problem.type.replace(/^urn:peilpunt:problem:/, "");
  if (name === "mistyped-code") return "mistyped";
  if (name === "invalid-code") return "unknown";
  if (name === "code-used") return "used";
  return undefined;
}
