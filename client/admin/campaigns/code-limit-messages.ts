import type { Locale } from "../../i18n/locales";
import { ApiProblem } from "../admin-api";

/** The units a headcount-limit problem names (their codes), from its `errors`. */
export function unitsOverHeadcount(problem: ApiProblem): string[] {
  return problem.errors
    .filter((error) => error.question.startsWith("unit:"))
    .map((error) => error.question.slice("unit:".length));
}

/** Texts for the limits on codes: per unit (its headcount), per campaign, a busy server. */
export interface CodeLimitMessages {
  headcount: (units: string[]) => string;
  campaign: string;
  busy: string;
}

const nl: CodeLimitMessages = {
  headcount: (units) =>
    `Er zouden meer codes zijn dan personeelsleden in ${units.length === 1 ? "eenheid" : "eenheden"} ${units.join(", ")}. Een eenheid krijgt nooit meer codes dan haar personeelsaantal: de overtollige codes zijn net waar verzonnen antwoorden zich verstoppen. Vraag minder codes aan, of verbeter eerst het personeelsaantal of de lijst.`,
  campaign:
    "Deze bevraging heeft het maximum aantal codes bereikt. Vraag minder codes aan of vraag de beheerder het maximum te verhogen.",
  busy: "De server is bezig met ander groot werk. Probeer het zo meteen opnieuw.",
};

const fr: CodeLimitMessages = {
  headcount: (units) =>
    `Il y aurait plus de codes que de membres du personnel dans ${units.length === 1 ? "l'unité" : "les unités"} ${units.join(", ")}. Une unité ne reçoit jamais plus de codes que son effectif : les codes en trop sont justement ce qui permet de cacher des réponses inventées. Demandez moins de codes, ou corrigez d'abord l'effectif ou la liste.`,
  campaign:
    "Cette enquête a atteint le nombre maximal de codes. Demandez moins de codes ou demandez à l'administrateur de relever le maximum.",
  busy: "Le serveur est occupé par d'autres gros travaux. Réessayez dans un instant.",
};

const en: CodeLimitMessages = {
  headcount: (units) =>
    `There would be more codes than staff in ${units.length === 1 ? "unit" : "units"} ${units.join(", ")}. A unit never gets more codes than its headcount: surplus codes are exactly where made-up responses hide. Ask for fewer codes, or correct the headcount or the list first.`,
  campaign:
    "This campaign has reached its maximum number of codes. Ask for fewer codes, or ask the administrator to raise the maximum.",
  busy: "The server is busy with other large jobs. Try again in a moment.",
};

export const CODE_LIMIT_MESSAGES: Record<Locale, CodeLimitMessages> = { nl, fr, en };

/** The translated text for a limit on codes, or null for any other problem. */
export function codeLimitText(problem: unknown, t: CodeLimitMessages): string | null {
  if (!(problem instanceof ApiProblem)) return null;
  if (problem.problemName === "headcount-limit") return t.headcount(unitsOverHeadcount(problem));
  if (problem.problemName === "code-limit") return t.campaign;
  if (problem.problemName === "busy") return t.busy;
  return null;
}
