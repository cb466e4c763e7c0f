import { LOCALES, type Locale } from "../../i18n/locales";
import { closesAtFor, dayOf, lastDayOf, opensAtFor } from "./campaign-dates";
import type { CampaignField } from "./campaign-messages";
import type {
  AccessMode,
  CampaignView,
  InterimRole,
  Organisation,
  Questionnaire,
} from "./campaign-types";

/** What the campaign form holds: inputs as typed, turned into the API's shape on submit. */
export interface CampaignFormValues {
  slug: string;
  organisationId: string;
  title: Record<Locale, string>;
  questionnaireSlug: string;
  version: string;
  unitIds: string[];
  locales: Locale[];
  k: string;
  firstDay: string;
  lastDay: string;
  accessMode: AccessMode;
  /** Roles that see interim results while open; none is phased access (the default). */
  interimResultRoles: InterimRole[];
  retentionDays: string;
  /** The thank-you page's text per language; empty is the standard text. */
  thanksText: Record<Locale, string>;
}

/** k and retention a new campaign starts with (the database defaults). */
const DEFAULT_K = 5;
const DEFAULT_RETENTION_DAYS = 365;

/** The newest published version of a questionnaire, as the version select holds it. */
export function latestPublished(questionnaire: Questionnaire | undefined): string {
  const published = questionnaire?.versions.filter((version) => version.published) ?? [];
  const last = published[published.length - 1];
  return last ? String(last.number) : "";
}

/** A new campaign: the first organisation with all its active units, all languages, default k. */
export function newCampaignValues(
  organisations: Organisation[],
  questionnaires: Questionnaire[],
): CampaignFormValues {
  const organisation = organisations[0];
  const questionnaire = questionnaires.find((q) => latestPublished(q) !== "") ?? questionnaires[0];
  return {
    slug: "",
    organisationId: organisation?.id ?? "",
    title: { nl: "", fr: "", en: "" },
    questionnaireSlug: questionnaire?.slug ?? "",
    version: latestPublished(questionnaire),
    unitIds: organisation?.units.filter((unit) => !unit.retired).map((unit) => unit.id) ?? [],
    locales: [...LOCALES],
    k: String(DEFAULT_K),
    firstDay: "",
    lastDay: "",
    accessMode: "open-link",
    interimResultRoles: [],
    retentionDays: String(DEFAULT_RETENTION_DAYS),
    thanksText: { nl: "", fr: "", en: "" },
  };
}

/** A draft campaign's settings, to edit. */
export function campaignValues(campaign: CampaignView): CampaignFormValues {
  return {
    slug: campaign.slug,
    organisationId: campaign.organisationId,
    title: { ...campaign.title },
    questionnaireSlug: campaign.questionnaire.slug,
    version: String(campaign.questionnaire.version),
    unitIds: [...campaign.unitIds],
    locales: [...campaign.locales],
    k: String(campaign.k),
    firstDay: dayOf(campaign.opensAt),
    lastDay: lastDayOf(campaign.closesAt),
    accessMode: campaign.accessMode,
    interimResultRoles: [...campaign.interimResultRoles],
    retentionDays: String(campaign.retentionDays),
    thanksText: { ...campaign.thanksText },
  };
}

/** A typed number, or null for an empty field (the server then names the field). */
function numberOrNull(text: string): number | null {
  return text.trim() === "" ? null : Number(text);
}

/**
 * The body of POST /campaigns. Nothing is checked here: the server's answer names every faulty
 * field, so the rules live in one place.
 */
export function campaignInput(values: CampaignFormValues) {
  return {
    slug: values.slug.trim(),
    organisationId: values.organisationId,
    title: values.title,
    questionnaire: { slug: values.questionnaireSlug, version: numberOrNull(values.version) },
    unitIds: values.unitIds,
    // In the order the app lists languages, whatever order they were ticked in.
    locales: LOCALES.filter((locale) => values.locales.includes(locale)),
    k: numberOrNull(values.k),
    opensAt: opensAtFor(values.firstDay),
    closesAt: closesAtFor(values.lastDay),
    accessMode: values.accessMode,
    interimResultRoles: values.interimResultRoles,
    retentionDays: numberOrNull(values.retentionDays),
    thanksText: values.thanksText,
  };
}

/** The body of PATCH /campaigns/:slug for a draft: everything but the fixed address and owner. */
export function campaignPatch(values: CampaignFormValues) {
  const { slug: _slug, organisationId: _organisationId, ...patch } = campaignInput(values);
  return patch;
}

const FIELDS: readonly CampaignField[] = [
  "slug",
  "organisationId",
  "title.nl",
  "title.fr",
  "title.en",
  "questionnaire",
  "unitIds",
  "locales",
  "k",
  "opensAt",
  "closesAt",
  "accessMode",
  "interimResultRoles",
  "retentionDays",
  "thanksText.nl",
  "thanksText.fr",
  "thanksText.en",
];

/** The form field a server error names (`title.fr`, `unitIds.3`, `questionnaire.version`…). */
export function fieldOfQuestion(question: string): CampaignField | null {
  if (question === "title") return "title.nl";
  if (question === "thanksText") return "thanksText.nl";
  if ((FIELDS as readonly string[]).includes(question)) return question as CampaignField;
  const head = question.split(".")[0] ?? "";
  return (FIELDS as readonly string[]).includes(head) ? (head as CampaignField) : null;
}
