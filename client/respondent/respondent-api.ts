import type { ProblemBody as Problem } from "../../server/contract/problems";
import type { CampaignForm } from "../../server/contract/respondent-schemas";

export type { CampaignForm, Problem };

export type FormResult =
  | { kind: "form"; form: CampaignForm }
  | { kind: "problem"; problem: Problem }
  | { kind: "network" };

/** Fetches the campaign's form; problems (404, 403, 410) are returned, not thrown. */
export async function fetchForm(slug: string, unit: string | null): Promise<FormResult> {
  const query = unit ? `?unit=${encodeURIComponent(unit)}` : "";
  try {
    const response = await fetch(`/api/campaigns/${encodeURIComponent(slug)}/form${query}`);
    if (response.ok) return { kind: "form", form: (await response.json()) as CampaignForm };
    return { kind: "problem", problem: (await response.json()) as Problem };
  } catch {
    return { kind: "network" };
  }
}

export type SubmitResult =
  | { kind: "stored" }
  | { kind: "problem"; problem: Problem }
  | { kind: "network" };

/**
 * Sends the answers, and with an invitation the code, and nothing else: never the language or
 * any timing.
 */
export async function submitAnswers(
  slug: string,
  answers: object,
  code?: string,
): Promise<SubmitResult> {
  try {
    const response = await fetch(`/api/campaigns/${encodeURIComponent(slug)}/responses`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(code === undefined ? { answers } : { answers, code }),
    });
    if (response.status === 201) return { kind: "stored" };
    return { kind: "problem", problem: (await response.json()) as Problem };
  } catch {
    return { kind: "network" };
  }
}

export type CodeCheckResult =
  | { kind: "accepted" }
  | { kind: "problem"; problem: Problem }
  | { kind: "network" };

/** Asks whether an invitation code would be accepted; nothing is stored or used up by asking. */
export async function checkCode(slug: string, code: string): Promise<CodeCheckResult> {
  try {
    const response = await fetch(`/api/campaigns/${encodeURIComponent(slug)}/code-check`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ code }),
    });
    if (response.status === 204) return { kind: "accepted" };
    return { kind: "problem", problem: (await response.json()) as Problem };
  } catch {
    return { kind: "network" };
  }
}
