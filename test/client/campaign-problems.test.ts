import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  CAMPAIGN_MESSAGES,
  CAMPAIGN_SCREEN_PROBLEMS,
} from "../../client/admin/campaigns/campaign-messages";
import { campaignProblemText } from "../../client/admin/campaigns/campaign-problem-text";
import { LOCALES } from "../../client/i18n/locales";
import { PROBLEM_NAMES, type ProblemName } from "../../server/contract/problems";

// Issue 15's leftover: a coordinator at the code ceiling (409 code-limit) or behind a queue of
// generations (503 busy) read the server's English detail. Every problem the campaign screens
// can get is now said in nl, fr and en by its name.

const root = fileURLToPath(new URL("../..", import.meta.url));

/**
 * What the campaign screens call: their routes and every service and check on the way. Not
 * server/errors.ts: it defines the respondent's errors too; its staff classes' names (not-found,
 * invalid-input, unauthorized, forbidden, conflict) are in the list by hand.
 */
const SOURCES = [
  "server/routes/admin/campaign-routes.ts",
  "server/routes/admin/reference-routes.ts",
  "server/routes/admin/index.ts",
  "server/campaigns",
  "server/invitations",
  "server/jobs",
  "server/reference",
  "server/http",
  "server/results/read-release.ts",
  "server/auth/admin-auth.ts",
  "server/auth/scope.ts",
  "server/auth/separation-of-duties.ts",
  "server/auth/sessions.ts",
];

/** Words in those files that are problem names but not raised there as problems. */
const NOT_RAISED: Partial<Record<ProblemName, string>> = {
  closed: "a campaign status there; the `closed` problem is the respondent page's",
};

function sourceFiles(path: string): string[] {
  const full = join(root, path);
  if (path.endsWith(".ts")) return [full];
  return readdirSync(full)
    .filter((name) => name.endsWith(".ts"))
    .map((name) => join(full, name));
}

/** The problem names written as string literals in the campaign screens' server code. */
function problemsRaisedOnTheWay(): Set<string> {
  const found = new Set<string>();
  for (const file of SOURCES.flatMap(sourceFiles)) {
    for (const match of readFileSync(file, "utf8").matchAll(/"([a-z-]+)"/g)) {
      const name = match[1] as ProblemName;
      if (PROBLEM_NAMES.includes(name) && !(name in NOT_RAISED)) found.add(name);
    }
  }
  return found;
}

const problem = (status: number, problemName: ProblemName | undefined) => ({
  status,
  problemName,
});

describe("problems on the campaign screens", () => {
  it("names every problem the campaign routes and services can raise (scanned, not listed by hand)", () => {
    const raised = [...problemsRaisedOnTheWay()].sort();
    // The scan finds the ones this test is about, so it is looking in the right places.
    expect(raised).toEqual(expect.arrayContaining(["busy", "code-limit", "release-not-ready"]));
    const missing = raised.filter(
      (name) => !(CAMPAIGN_SCREEN_PROBLEMS as readonly string[]).includes(name),
    );
    expect(missing).toEqual([]);
  });

  it("says each of them in nl, fr and en, with a text of its own per language", () => {
    for (const name of CAMPAIGN_SCREEN_PROBLEMS) {
      const texts = LOCALES.map((locale) => CAMPAIGN_MESSAGES[locale].problems[name]);
      for (const text of texts) expect(text.trim().length, name).toBeGreaterThan(10);
      expect(new Set(texts).size, name).toBe(3);
    }
  });

  it("the code ceiling and a busy server in the coordinator's language, not the server's detail", () => {
    expect(campaignProblemText(problem(409, "code-limit"), CAMPAIGN_MESSAGES.nl)).toMatch(
      /maximum aantal uitnodigingscodes/,
    );
    expect(campaignProblemText(problem(409, "code-limit"), CAMPAIGN_MESSAGES.fr)).toMatch(
      /nombre maximal de codes/,
    );
    expect(campaignProblemText(problem(503, "busy"), CAMPAIGN_MESSAGES.nl)).toMatch(
      /Probeer het over een minuut opnieuw/,
    );
    expect(campaignProblemText(problem(503, "busy"), CAMPAIGN_MESSAGES.fr)).toMatch(
      /Réessayez dans une minute/,
    );
    expect(campaignProblemText(problem(503, "busy"), CAMPAIGN_MESSAGES.en)).toMatch(
      /Try again in a minute/,
    );
  });

  it("a problem the screens do not expect is said by its status, still translated", () => {
    expect(campaignProblemText(problem(401, "login-locked"), CAMPAIGN_MESSAGES.fr)).toBe(
      CAMPAIGN_MESSAGES.fr.unknownProblem(401),
    );
    expect(campaignProblemText(problem(502, undefined), CAMPAIGN_MESSAGES.nl)).toContain("502");
  });
});
