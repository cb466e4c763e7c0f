import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertUser, PASSWORD } from "../server/admin-fixture";
import {
  type DemoSite,
  expectNoAxeViolations,
  SCREENSHOTS as shots,
  startDemoSite,
  watchPage,
} from "./browser";

let site: DemoSite;
let admin: string;

beforeAll(async () => {
  site = await startDemoSite("organisation");
  admin = insertUser(site.db, "admin");
});

afterAll(async () => {
  await site?.close();
});

/** Elements that stick out of the viewport or of a box that clips them, or a page wider than it. */
async function clipped(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    if (document.documentElement.scrollWidth > width)
      out.push(`page is ${document.documentElement.scrollWidth}px wide`);
    for (const element of document.querySelectorAll("main *, header *, footer *")) {
      const box = element.getBoundingClientRect();
      if (box.width === 0) continue;
      if (box.left < -0.5 || box.right > width + 0.5) {
        out.push(`${element.tagName}.${element.className} ${box.left}..${box.right}`);
        continue;
      }
      // Inside a box that scrolls or clips, it must lie within that box too.
      for (let parent = element.parentElement; parent; parent = parent.parentElement) {
        if (getComputedStyle(parent).overflowX === "visible") continue;
        const clip = parent.getBoundingClientRect();
        if (box.left < clip.left - 0.5 || box.right > clip.right + 0.5) {
          out.push(`${element.tagName}.${element.className} clipped by ${parent.className}`);
        }
        break;
      }
    }
    return out;
  });
}

async function signedIn(width: number, lang = "en") {
  const context = await site.browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const problems = watchPage(page, site.origin);
  await page.goto(`${site.origin}/admin?lang=${lang}`);
  await page.locator("input[type=email]").fill(admin);
  await page.locator("input[type=password]").fill(PASSWORD);
  await page.locator("button[type=submit]").click();
  await expect.poll(() => page.locator(".signed-in-as").count()).toBe(1);
  return {
    page,
    // A refused change (409/422) is an answer the screen shows, not a fault of the page.
    problems: () => problems.filter((p) => !/status of (401|409|422)/.test(p)),
  };
}

async function look(page: Page, name: string, state: string) {
  for (const width of [390, 1366, 1920]) {
    await page.setViewportSize({ width, height: 900 });
    await expectNoAxeViolations(page, `${state} at ${width} px`);
    expect(await clipped(page), `${state} at ${width} px`).toEqual([]);
    await page.screenshot({ path: join(shots, `${name}-${width}.png`), fullPage: true });
  }
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
    await look(page, "organisations-list", "organisation list");

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
    await look(page, "organisation-import-faults", "import faults");

    // A good file, with a byte-order mark and ";": the preview, then apply.
    await unitFile.setInputFiles({
      name: "units.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(GOOD),
    });
    await page.getByRole("button", { name: "Show what changes" }).click();
    await expect.poll(() => page.getByRole("heading", { name: "Added (4)" }).count()).toBe(1);
    expect(await page.getByText("HR department (HR) — Central services (CEN)").count()).toBe(1);
    await look(page, "organisation-import-preview", "import preview");
    await page.getByRole("button", { name: "Apply these changes" }).click();
    await expect.poll(() => page.getByText("4 changes were applied.").count()).toBe(1);
    const names = () => page.locator("table.unit-tree tbody .unit-name").allTextContents();
    // Siblings by name in the reader's language.
    expect(await names()).toEqual(["Central services", "Finance", "HR department", "Policy"]);

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
    expect(await names()).toEqual([
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
    await look(page, "organisation-unit-editor", "unit editor with a refusal");
    await page.locator("section.unit-editor").getByRole("button", { name: "Cancel" }).click();
    // Policy is empty now: retire it, it stays listed as retired.
    await page.getByRole("button", { name: "Change Policy (POL)" }).click();
    await page.locator("section.unit-editor").getByRole("button", { name: "Retire" }).click();
    await expect.poll(() => page.getByText("Policy (POL) is retired.").count()).toBe(1);
    expect(await page.locator("tr.unit-retired .unit-name").allTextContents()).toEqual(["Policy"]);
    await look(page, "organisation-tree", "unit tree");
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
    await look(page, "organisation-demo-fr", "demo tree in French");
    await page.getByRole("button", { name: "Nederlands" }).click();
    await expect
      .poll(() => page.getByRole("heading", { name: "Importeren uit een bestand" }).count())
      .toBe(1);
    expect(problems()).toEqual([]);
  });
});
