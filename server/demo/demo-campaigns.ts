import type { AccessMode } from "../db/schema";
import type { AnswerProfile } from "./generate-answers";

export interface DemoCampaign {
  slug: string;
  questionnaire: string;
  title: { nl: string; fr: string; en: string };
  window:
    | { kind: "fixed"; opensAt: string; closesAt: string }
    | { kind: "around-seeding"; openedDaysAgo: number; closesInDays: number };
  responses: number;
  profile: AnswerProfile;
  /**
   * How respondents came in: the past diagnoses by invitation codes (their results break down
   * by unit and background), the rest by open link (organisation as a whole only).
   */
  accessMode?: AccessMode;
}

// Staff of a Belgian university: slightly more women than men overall, fewer in top management.
const DEMOGRAPHICS: AnswerProfile["choiceWeights"] = {
  gender: { woman: 50, man: 44, another: 1, prefer_not_to_say: 5 },
  age_band: {
    under_30: 18,
    "30_39": 27,
    "40_49": 25,
    "50_59": 21,
    "60_plus": 7,
    prefer_not_to_say: 2,
  },
  job_level: {
    top_management: 2,
    middle_management: 9,
    academic_staff: 36,
    research_staff: 22,
    administrative_technical_staff: 29,
    prefer_not_to_say: 2,
  },
  migration_background: { no: 76, yes_eu: 10, yes_non_eu: 8, prefer_not_to_say: 6 },
  disability: { no: 84, yes: 8, prefer_not_to_say: 8 },
  lgbtq: { no: 82, yes: 7, prefer_not_to_say: 11 },
  discrimination_experienced: { no: 72, yes: 15, not_sure: 8, prefer_not_to_say: 5 },
};

const COMMENTS = [
  "Meer aandacht voor doorstroom van vrouwen naar hogere functies.",
  "Plus de flexibilité pour les parents de jeunes enfants.",
  "The mentoring programme helped me a lot in my first year.",
  "Graag duidelijkere informatie over de vertrouwenspersoon.",
  "Les offres d'emploi devraient être publiées en néerlandais, français et anglais.",
  "Good initiative, but the follow-up of the action plan is not visible in my department.",
  "Redelijke aanpassingen voor collega's met een arbeidshandicap duren te lang.",
];

/** Four demo campaigns: two diagnosis waves, an awareness campaign and an open diagnosis. */
export const DEMO_CAMPAIGNS: DemoCampaign[] = [
  {
    slug: "diagnose-2020",
    accessMode: "invitation-codes",
    questionnaire: "diversity-diagnosis",
    title: {
      nl: "Diversiteitsdiagnose 2020",
      fr: "Diagnostic diversité 2020",
      en: "Diversity diagnosis 2020",
    },
    window: {
      kind: "fixed",
      opensAt: "2020-10-05T07:00:00.000Z",
      closesAt: "2020-11-13T22:00:00.000Z",
    },
    responses: 2400,
    profile: {
      scale: [9, 17, 26, 34, 14],
      skipOptional: 0.06,
      choiceWeights: DEMOGRAPHICS,
      comments: COMMENTS,
      commentChance: 0.12,
    },
  },
  {
    slug: "diagnose-2021",
    accessMode: "invitation-codes",
    questionnaire: "diversity-diagnosis",
    title: {
      nl: "Diversiteitsdiagnose 2021 (opvolging)",
      fr: "Diagnostic diversité 2021 (suivi)",
      en: "Diversity diagnosis 2021 (follow-up)",
    },
    window: {
      kind: "fixed",
      opensAt: "2021-12-01T07:00:00.000Z",
      closesAt: "2021-12-22T22:00:00.000Z",
    },
    responses: 2650,
    // The climate improved somewhat after the action plan: more agreement, less exclusion.
    profile: {
      scale: [6, 13, 24, 38, 19],
      skipOptional: 0.05,
      choiceWeights: {
        ...DEMOGRAPHICS,
        discrimination_experienced: { no: 77, yes: 11, not_sure: 7, prefer_not_to_say: 5 },
      },
      comments: COMMENTS,
      commentChance: 0.1,
    },
  },
  {
    slug: "campagne-2022",
    questionnaire: "campaign-evaluation",
    title: {
      nl: "Evaluatie sensibiliseringscampagne 'Iedereen telt mee'",
      fr: "Évaluation de la campagne de sensibilisation « Chacun compte »",
      en: "Evaluation of the awareness campaign 'Everyone counts'",
    },
    window: {
      kind: "fixed",
      opensAt: "2022-03-07T07:00:00.000Z",
      closesAt: "2022-03-27T22:00:00.000Z",
    },
    responses: 1800,
    // Nine in ten find a diverse workplace important, 47% strongly.
    profile: {
      scale: [7, 12, 27, 36, 18],
      skipOptional: 0.02,
      choiceWeights: { diverse_workplace_matters: { 1: 2, 2: 3, 3: 5, 4: 43, 5: 47 } },
      comments: COMMENTS,
      commentChance: 0.08,
    },
  },
  {
    slug: "diagnose-2026",
    questionnaire: "diversity-diagnosis",
    title: {
      nl: "Diversiteitsdiagnose 2026",
      fr: "Diagnostic diversité 2026",
      en: "Diversity diagnosis 2026",
    },
    window: { kind: "around-seeding", openedDaysAgo: 7, closesInDays: 60 },
    responses: 320,
    profile: {
      scale: [5, 12, 24, 39, 20],
      skipOptional: 0.05,
      choiceWeights: DEMOGRAPHICS,
      comments: COMMENTS,
      commentChance: 0.1,
    },
  },
];
