import type { Locale, Localized } from "../i18n/locales";

export interface CampaignForm {
  campaign: {
    slug: string;
    title: Localized;
    locales: Locale[];
    minCellSize: number;
    opensAt: string;
    closesAt: string;
  };
  questionnaire: { slug: string; version: number; sha256: string; definition: object };
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  opensAt?: string;
  closesAt?: string;
  errors?: { question: string; message: string }[];
}

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

/** Sends the answers, and only the answers: never the language or any timing. */
export async function submitAnswers(slug: string, answers: object): Promise<SubmitResult> {
  try {
    const response = await fetch(`/api/campaigns/${encodeURIComponent(slug)}/responses`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ answers }),
    });
    if (response.status === 201) return { kind: "stored" };
    return { kind: "problem", problem: (await response.json()) as Problem };
  } catch {
    return { kind: "network" };
  }
}
