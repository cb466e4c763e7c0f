import { randomBytes, randomUUID } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { generatePassword, hashPasswordSync } from "../auth/password";
import { MAX_RETENTION_DAYS } from "../contract/staff-limits";
import { snapshotCampaignUnits } from "../db/campaign-unit-tree";
import type { Db } from "../db/open-database";
import {
  campaigns,
  campaignUnits,
  organisations,
  questionnaires,
  questionnaireVersions,
  type Role,
  responses,
  units,
  users,
} from "../db/schema";
import { withTransaction } from "../db/with-transaction";
import { compileResponseValidator } from "../responses/compile-response-validator";
import { DEMO_CAMPAIGNS, type DemoCampaign } from "./demo-campaigns";
import { DEMO_ORGANISATION, type DemoUnit } from "./demo-organisation";
import { generateAnswers } from "./generate-answers";
import { pickWeighted, seededRandom } from "./seeded-random";

export interface DemoSummary {
  organisation: string;
  campaigns: { slug: string; title: string; responses: number; open: boolean }[];
  /** A unit in scope of the open campaign, for a link that carries the unit. */
  sampleUnitId: string;
  /**
   * Staff accounts with their generated passwords, to print once; only argon2id hashes are
   * stored.
   */
  accounts: { email: string; role: Role; password: string }[];
}

/** The faculty whose evaluator the demo creates: one split into departments. */
const DEMO_EVALUATOR_UNIT = DEMO_ORGANISATION.units.find(
  (unit) => unit.kind === "faculty" && (unit.children?.length ?? 0) > 0,
);

const DAY_MS = 86_400_000;

/**
 * Seeds the fictional university with its campaigns and synthetic responses. Everything but
 * the open campaign's dates is deterministic (seeded RNG). Every synthetic response passes
 * the same validator as a real submission.
 */
export function seedDemo(db: Db, { now }: { now: Date }): DemoSummary {
  return withTransaction(db, (tx) => {
    const organisationId = randomUUID();
    tx.insert(organisations)
      .values({
        id: organisationId,
        slug: DEMO_ORGANISATION.slug,
        nameNl: DEMO_ORGANISATION.name.nl,
        nameFr: DEMO_ORGANISATION.name.fr,
        nameEn: DEMO_ORGANISATION.name.en,
      })
      .run();

    const population: { id: string; weight: number }[] = [];
    let evaluatorUnitId: string | null = null;
    const insertUnit = (unit: DemoUnit, parentId: string | null) => {
      const id = randomUUID();
      if (unit === DEMO_EVALUATOR_UNIT) evaluatorUnitId = id;
      tx.insert(units)
        .values({
          id,
          organisationId,
          parentId,
          kind: unit.kind,
          code: unit.code,
          nameNl: unit.name.nl,
          nameFr: unit.name.fr,
          nameEn: unit.name.en,
        })
        .run();
      population.push({ id, weight: unit.weight });
      for (const child of unit.children ?? []) insertUnit(child, id);
    };
    for (const unit of DEMO_ORGANISATION.units) insertUnit(unit, null);

    const summary: DemoSummary = {
      organisation: DEMO_ORGANISATION.name.nl,
      campaigns: [],
      sampleUnitId: population[0]?.id ?? "",
      accounts: [],
    };
    const accounts: {
      email: string;
      role: Role;
      organisationId: string | null;
      unitId: string | null;
    }[] = [
      { email: "admin@zennestad.example", role: "admin", organisationId: null, unitId: null },
      { email: "coordinator@zennestad.example", role: "coordinator", organisationId, unitId: null },
      {
        email: "evaluator@zennestad.example",
        role: "evaluator",
        organisationId,
        unitId: evaluatorUnitId,
      },
    ];
    for (const account of accounts) {
      const password = generatePassword();
      tx.insert(users)
        .values({
          id: randomUUID(),
          ...account,
          passwordHash: hashPasswordSync(password),
          locale: "nl",
        })
        .run();
      summary.accounts.push({ email: account.email, role: account.role, password });
    }
    for (const [index, demo] of DEMO_CAMPAIGNS.entries()) {
      const version = latestPublishedVersion(tx, demo.questionnaire);
      const { opensAt, closesAt } = campaignWindow(demo, now);
      const campaignId = randomUUID();
      tx.insert(campaigns)
        .values({
          id: campaignId,
          slug: demo.slug,
          organisationId,
          questionnaireVersionId: version.id,
          titleNl: demo.title.nl,
          titleFr: demo.title.fr,
          titleEn: demo.title.en,
          opensAt: opensAt.toISOString(),
          closesAt: closesAt.toISOString(),
          minCellSize: 5,
          locales: "nl,fr,en",
          accessMode: demo.accessMode ?? "open-link",
          // Past waves are closed, the current one open: as if their coordinators had opened them.
          status: closesAt <= now ? "closed" : "open",
          // The demo compares waves from 2020 on: keep their raw responses (ten years).
          retentionDays: MAX_RETENTION_DAYS,
        })
        .run();
      for (const unit of population) {
        tx.insert(campaignUnits).values({ campaignId, unitId: unit.id }).run();
      }
      // Opened campaigns keep the unit tree they were opened with (as openCampaign does).
      snapshotCampaignUnits(tx, campaignId);

      const definition = JSON.parse(version.definition) as unknown;
      const validator = compileResponseValidator(definition);
      const unitIds = new Set(population.map((u) => u.id));
      const weights = population.map((u) => u.weight);
      const random = seededRandom(20201005 + index);
      for (let i = 0; i < demo.responses; i++) {
        const unit = population[pickWeighted(random, weights)];
        if (!unit) throw new Error("empty demo population");
        const answers = generateAnswers(definition, demo.profile, random, unit.id);
        const result = validator.validate(answers, { unitIds });
        if (!result.ok) {
          throw new Error(
            `Demo generator produced an invalid response: ${JSON.stringify(result.errors)}`,
          );
        }
        tx.insert(responses)
          .values({
            id: randomBytes(16).toString("hex"),
            campaignId,
            unitId: result.unitId,
            answers: JSON.stringify(result.answers),
          })
          .run();
        // The demo once drew a day per response for a per-day counter (dropped: nothing read
        // it). The draw stays so that every later draw, and the demo's pinned figures, stay put.
        random();
      }
      summary.campaigns.push({
        slug: demo.slug,
        title: demo.title.nl,
        responses: demo.responses,
        open: opensAt <= now && now < closesAt,
      });
    }
    return summary;
  });
}

function latestPublishedVersion(db: Db, slug: string) {
  const version = db
    .select({ id: questionnaireVersions.id, definition: questionnaireVersions.definition })
    .from(questionnaireVersions)
    .innerJoin(questionnaires, eq(questionnaires.id, questionnaireVersions.questionnaireId))
    .where(and(eq(questionnaires.slug, slug), eq(questionnaireVersions.published, true)))
    .orderBy(desc(questionnaireVersions.number))
    .get();
  if (!version) throw new Error(`No published version of questionnaire "${slug}" to seed with.`);
  return version;
}

/** Fixed dates for past waves; the open demo campaign runs around the seeding day. */
function campaignWindow(demo: DemoCampaign, now: Date) {
  if (demo.window.kind === "fixed") {
    return { opensAt: new Date(demo.window.opensAt), closesAt: new Date(demo.window.closesAt) };
  }
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return {
    opensAt: new Date(today - demo.window.openedDaysAgo * DAY_MS),
    closesAt: new Date(today + demo.window.closesInDays * DAY_MS),
  };
}

/** Most people answer in the first days after the announcement e-mail. */
