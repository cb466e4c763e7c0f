import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../server/auth/sessions";
import { createCampaign } from "../../server/campaigns/create-campaign";
import { insertUser } from "../server/admin-fixture";
import { lookAtEveryWidth, signedInAs } from "./admin-session";
import { type DemoSite, startDemoSite } from "./browser";

let site: DemoSite;
let admin: string;

beforeAll(async () => {
  site = await startDemoSite("organisation");
  admin = insertUser(site.db, "admin");
});

afterAll(async () => {
  await site?.close();
});

// A refused change (409/422) is an answer the screen shows, not a fault of the page.
function signedIn(width: number, lang = "en") {
  return signedInAs(site, admin, lang, { width, expected: [409, 422] });
}

const BOM = "\uFEFF";
const GOOD = `${BOM}code;parent_code;kind;name_nl;name_fr;name_en;headcount
CEN;;entity;Centrale diensten;Services centraux;Central services;
HR;CEN;service;Personeelsdienst;Service du personnel;HR department;42
FIN;CEN;service;Financiën;Finances;Finance;12
POL;;entity;Beleid;Politique;Policy;
`;
const FAULTY = `code;parent_code;kind;name_nl;name_fr;name_en
CEN;;entity;Centrale diensten;Services centraux;Central services
HR;NOPE;service;Personeelsdienst;Service du personnel;HR
HR;CEN;office;;Finances;Finance
`;

describe("organisation screens", () => {
  it("an admin creates an organisation, imports its units after a preview, and edits them on screen", async () => {
    const { page, problems } = await signedIn(1366);
    await page.getByRole("navigation").getByRole("link", { name: "Organisations" }).click();
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Organisations");
    await expect
      .poll(() => page.getByRole("link", { name: "University of Zennestad" }).count())
      .toBe(1);
    await lookAtEveryWidth(page, "organisations-list", "organisation list");

    // Create: the short name is proposed from the English name.
    await page.getByLabel("Name in Dutch").fill("Agentschap Proef");
    await page.getByLabel("Name in French").fill("Agence Essai");
    await page.getByLabel("Name in English").fill("Trial Agency");
    expect(await page.getByLabel("Short name in addresses").inputValue()).toBe("trial-agency");
    await page.getByRole("button", { name: "Create organisation" }).click();
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Units of Trial Agency");
    expect(page.url()).toMatch(/\/admin\/organisations\/trial-agency$/);

    // A faulty file: every faulty row and field, nothing changed.
    const unitFile = page.getByLabel("Unit file");
    await unitFile.setInputFiles({
      name: "units.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(FAULTY),
    });
    await page.getByRole("button", { name: "Show what changes" }).click();
    const faults = page.getByRole("alert").filter({ hasText: "faults in the file" });
    await expect.poll(() => faults.count()).toBe(1);
    const rows = await faults.locator("tbody tr").allTextContents();
    expect(rows).toEqual([
      expect.stringMatching(/^3parent_code.*not in the file/),
      expect.stringMatching(/^4code.*another row/),
      expect.stringMatching(/^4kind/),
      expect.stringMatching(/^4name_nl.*required/),
    ]);
    await lookAtEveryWidth(page, "organisation-import-faults", "import faults");

    // A good file, with a byte-order mark and ";": the preview, then apply.
    await unitFile.setInputFiles({
      name: "units.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(GOOD),
    });
    await page.getByRole("button", { name: "Show what changes" }).click();
    await expect.poll(() => page.getByRole("heading", { name: "Added (4)" }).count()).toBe(1);
    expect(await page.getByText("HR department (HR) — Central services (CEN)").count()).toBe(1);
    await lookAtEveryWidth(page, "organisation-import-preview", "import preview");
    await page.getByRole("button", { name: "Apply these changes" }).click();
    await expect.poll(() => page.getByText("4 changes were applied.").count()).toBe(1);
    const names = () => page.locator("table.unit-tree tbody .unit-name").allTextContents();
    // Siblings by name in the reader's language.
    await expect.poll(names).toEqual(["Central services", "Finance", "HR department", "Policy"]);

    // Add a unit below Policy.
    const add = page.locator("section", { has: page.getByRole("heading", { name: "Add a unit" }) });
    await add.getByLabel("Code").fill("DIV");
    await add.getByLabel("Name in Dutch").fill("Diversiteit");
    await add.getByLabel("Name in French").fill("Diversité");
    await add.getByLabel("Name in English").fill("Diversity");
    await add.getByLabel("Part of").selectOption("POL");
    await add.getByRole("button", { name: "Add unit" }).click();
    await expect.poll(() => page.getByText("Diversity (DIV) was added.").count()).toBe(1);
    // A taken code is refused, said at its field.
    await add.getByLabel("Code").fill("HR");
    for (const [label, value] of [
      ["Name in Dutch", "x"],
      ["Name in French", "x"],
      ["Name in English", "x"],
    ]) {
      await add.getByLabel(label as string).fill(value as string);
    }
    await add.getByRole("button", { name: "Add unit" }).click();
    await expect.poll(() => add.getByText("This code is taken", { exact: false }).count()).toBe(1);

    // Rename and move Diversity under Central services.
    await page.getByRole("button", { name: "Change Diversity (DIV)" }).click();
    const editor = page.locator("section.unit-editor");
    await editor.getByLabel("Name in English").fill("Diversity and inclusion");
    await editor.getByLabel("Part of").selectOption("CEN");
    await editor.getByRole("button", { name: "Save changes" }).click();
    await expect
      .poll(() => page.getByText("Diversity and inclusion (DIV) was changed.").count())
      .toBe(1);
    await expect
      .poll(names)
      .toEqual([
        "Central services",
        "Diversity and inclusion",
        "Finance",
        "HR department",
        "Policy",
      ]);
    // Central services has units below it: it cannot be retired before them.
    await page.getByRole("button", { name: "Change Central services (CEN)" }).click();
    await page.locator("section.unit-editor").getByRole("button", { name: "Retire" }).click();
    await expect
      .poll(() =>
        page
          .locator("section.unit-editor")
          .getByText("Retire or move the units below it first", { exact: false })
          .count(),
      )
      .toBe(1);
    await lookAtEveryWidth(page, "organisation-unit-editor", "unit editor with a refusal");
    await page.locator("section.unit-editor").getByRole("button", { name: "Cancel" }).click();
    // Policy is empty now: retire it, it stays listed as retired.
    await page.getByRole("button", { name: "Change Policy (POL)" }).click();
    await page.locator("section.unit-editor").getByRole("button", { name: "Retire" }).click();
    await expect.poll(() => page.getByText("Policy (POL) is retired.").count()).toBe(1);
    await expect
      .poll(() => page.locator("tr.unit-retired .unit-name").allTextContents())
      .toEqual(["Policy"]);
    await lookAtEveryWidth(page, "organisation-tree", "unit tree");
    expect(problems()).toEqual([]);
  });

  it("speaks Dutch and French: the demo tree sorted by name in the reader's language", async () => {
    const { page, problems } = await signedIn(390, "fr");
    const slug = (
      site.db.$client
        .prepare("SELECT slug FROM organisations WHERE name_en = 'University of Zennestad'")
        .get() as {
        slug: string;
      }
    ).slug;
    await page.goto(`${site.origin}/admin/organisations/${slug}`);
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toMatch(/^Unités de /);
    const top = await page
      .locator("table.unit-tree tbody th[scope=row]")
      .evaluateAll((cells) =>
        cells
          .filter((cell) => (cell as HTMLElement).style.paddingInlineStart === "0.6rem")
          .map((cell) => cell.querySelector(".unit-name")?.textContent ?? ""),
      );
    expect(top.length).toBeGreaterThan(1);
    expect(top).toEqual(
      [...top].sort(new Intl.Collator("fr-BE", { numeric: true, sensitivity: "base" }).compare),
    );
    expect(await page.getByText("dans une enquête").count()).toBeGreaterThan(0);
    await lookAtEveryWidth(page, "organisation-demo-fr", "demo tree in French");
    await page.getByRole("button", { name: "Nederlands" }).click();
    await expect
      .poll(() => page.getByRole("heading", { name: "Importeren uit een bestand" }).count())
      .toBe(1);
    expect(problems()).toEqual([]);
  });

  it("a retired unit is not offered to a campaign; a draft holding it does not open, said in en, nl and fr", async () => {
    const demo = site.db.$client
      .prepare(
        `SELECT o.id, o.slug, v.number AS version, q.slug AS questionnaire FROM organisations o, questionnaires q
         JOIN questionnaire_versions v ON v.questionnaire_id = q.id
         WHERE o.name_en = 'University of Zennestad' AND q.slug = 'diversity-diagnosis' AND v.published = 1`,
      )
      .get() as { id: string; slug: string; version: number; questionnaire: string };
    // A leaf unit of the demo, put in a draft, then retired.
    const leaf = site.db.$client
      .prepare(
        `SELECT u.id, u.code, u.name_en AS name FROM units u WHERE u.organisation_id = ?
         AND NOT EXISTS (SELECT 1 FROM units c WHERE c.parent_id = u.id) ORDER BY u.code LIMIT 1`,
      )
      .get(demo.id) as { id: string; code: string; name: string };
    const actor = site.db.$client
      .prepare(
        "SELECT id, email, role, organisation_id AS organisationId, unit_id AS unitId, locale FROM users WHERE email = ?",
      )
      .get(admin) as SessionUser;
    const now = new Date();
    createCampaign({
      db: site.db,
      actor,
      now,
      input: {
        slug: "draft-retired-unit",
        organisationId: demo.id,
        title: { nl: "Ontwerp", fr: "Brouillon", en: "Draft" },
        questionnaire: { slug: demo.questionnaire, version: demo.version },
        unitIds: [leaf.id],
        locales: ["nl", "fr", "en"],
        k: 5,
        opensAt: now.toISOString(),
        closesAt: new Date(now.getTime() + 30 * 86_400_000).toISOString(),
        accessMode: "open-link",
        retentionDays: 365,
      },
    });
    site.db.$client
      .prepare("UPDATE units SET retired_at = ? WHERE id = ?")
      .run(now.toISOString(), leaf.id);

    const { page, problems } = await signedIn(1366);
    await page.goto(`${site.origin}/admin/campaigns/draft-retired-unit`);
    await page.getByRole("button", { name: "Open", exact: true }).click();
    await page.getByRole("button", { name: "Yes, open now" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "were retired since" });
    await expect.poll(() => alert.count()).toBe(1);
    await lookAtEveryWidth(page, "organisation-draft-retired-unit", "draft with a retired unit");
    await page.getByRole("button", { name: "Nederlands" }).click();
    await expect
      .poll(() =>
        page.getByRole("alert").filter({ hasText: "staan intussen op non-actief" }).count(),
      )
      .toBe(1);
    await page.getByRole("button", { name: "Français" }).click();
    await expect
      .poll(() => page.getByRole("alert").filter({ hasText: "ont été désactivées" }).count())
      .toBe(1);

    // The draft still holds it: listed in its form, marked, to be unticked.
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("button", { name: "Cancel" }).click();
    await page.getByRole("button", { name: "Edit settings" }).click();
    await expect.poll(() => page.getByText("retired: take this unit out").count()).toBe(1);
    await lookAtEveryWidth(
      page,
      "organisation-draft-retired-unit-form",
      "draft form with a retired unit",
    );

    // A new campaign of the demo organisation is not offered the retired unit.
    await page.goto(`${site.origin}/admin/campaigns/new`);
    const checklist = page.locator("ul.unit-checklist");
    await expect.poll(() => checklist.locator("li").count()).toBeGreaterThan(0);
    // With more than one organisation the form asks which (the other tests add one).
    const organisation = page.getByRole("combobox", { name: /^Organisation/ });
    if ((await organisation.count()) > 0) await organisation.selectOption(demo.id);
    await expect.poll(() => checklist.locator("li").count()).toBeGreaterThan(5);
    expect(await checklist.getByText(`(${leaf.code})`, { exact: true }).count()).toBe(0);
    expect(problems()).toEqual([]);
  });

  it("an admin limits an evaluator to named campaigns on the users screen", async () => {
    const demo = site.db.$client
      .prepare("SELECT id FROM organisations WHERE name_en = 'University of Zennestad'")
      .get() as { id: string };
    const evaluator = insertUser(site.db, "evaluator", { organisationId: demo.id });
    const { page, problems } = await signedIn(1366);
    await page.getByRole("navigation").getByRole("link", { name: "Users" }).click();
    await page.getByRole("button", { name: `Change the role or scope of ${evaluator}` }).click();
    const limit = page
      .locator('section[aria-labelledby="users-edit"]')
      .getByRole("group", { name: "Only these campaigns" });
    await expect.poll(() => limit.getByRole("checkbox").count()).toBeGreaterThan(1);
    await limit.getByRole("checkbox", { name: /diagnose-2021/ }).check();
    await lookAtEveryWidth(page, "users-campaign-limit", "users screen with a campaign limit");
    await page
      .locator('section[aria-labelledby="users-edit"]')
      .getByRole("button", { name: "Save" })
      .click();
    await expect
      .poll(() => page.getByRole("row", { name: new RegExp(evaluator) }).textContent())
      .toContain("1 campaign");
    const stored = site.db.$client
      .prepare(
        `SELECT c.slug FROM evaluator_campaigns e JOIN campaigns c ON c.id = e.campaign_id
         JOIN users u ON u.id = e.user_id WHERE u.email = ?`,
      )
      .all(evaluator);
    expect(stored).toEqual([{ slug: "diagnose-2021" }]);
    expect(problems()).toEqual([]);
  });
});
