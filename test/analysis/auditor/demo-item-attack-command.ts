// `npm run audit:demo-items`: the independent item attack (bound tightening, then the LP
// relaxation) on the releases the server builds for the demo's three diagnoses, with the item
// audit's defaults and with its LP stage on. Prints the derivations found (by kind, on sensitive
// questions or not, and which need the LP), what the LP attack did and its CPU and wall time.
// Flags: `--lp-stage=off|on|both` (default both), `--campaigns=diagnose-2020,…`, `--as-invited`
// (read every campaign as if it had invitation codes: the open 2026 wave takes an open link, so
// as seeded it publishes the organisation only), `--examples=N` (LP-only derivations listed),
// `--as-served` (instead of building them here, the server's scheduler builds and stores each
// diagnosis's release as a first start does, and the release a reader is served is attacked;
// with `--as-invited`, after storing every campaign as taking invitation codes), `--fixed-ids`
// (the demo seed's ids come from a counter instead of the random generator: the ids alone move
// which groups the audit hides first, so runs to compare, before and after a change, must use it),
// `--no-attack` (build and print the release figures only), `--dump=DIR` (write each release
// built, as JSON, to DIR/<slug>-<how>.json: to compare two trees' releases byte for byte).
import crypto from "node:crypto";
import { writeFileSync } from "node:fs";
import { syncBuiltinESMExports } from "node:module";
import { cpus, loadavg } from "node:os";
import highsLoader from "highs";
import type { Release } from "../../../analysis/release-types";
import {
  buildDemoReleases,
  DEMO_DIAGNOSES,
  type DemoRelease,
  servedDemoReleases,
} from "./demo-releases";
import { attackItems, type ItemFinding } from "./item-attack";
import { emptyLpStats } from "./item-system";

const flags = new Map(
  process.argv
    .slice(2)
    .filter((arg) => arg.startsWith("--"))
    .map((arg) => {
      const [name, value = "true"] = arg.slice(2).split("=");
      return [name as string, value];
    }),
);
const stages = { off: [false], on: [true], both: [false, true] }[
  (flags.get("lp-stage") ?? "both") as "off" | "on" | "both"
];
const slugs = flags.get("campaigns")?.split(",") ?? [...DEMO_DIAGNOSES];
const asInvited = flags.has("as-invited");
const asServed = flags.has("as-served");
const examples = Number(flags.get("examples") ?? 8);
const attack = !flags.has("no-attack");
const dump = flags.get("dump");

/**
 * Replaces node:crypto's random ids by a counter (test code only, before the demo is seeded), so
 * that every run seeds the same campaign: the same ids in the same order.
 */
function fixIds() {
  let next = 0;
  const bytes = (size: number) => {
    const buffer = Buffer.alloc(size);
    buffer.writeUInt32BE(++next, Math.max(0, size - 4));
    return buffer;
  };
  Object.assign(crypto, {
    randomUUID: () => {
      const hex = bytes(16).toString("hex");
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20)}`;
    },
    randomBytes: bytes,
  });
  syncBuiltinESMExports();
}

const number = (value: number) => value.toLocaleString("en");
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const key = (finding: ItemFinding) => JSON.stringify(finding);

async function main() {
  if (!stages) throw new Error("--lp-stage must be off, on or both");
  const highs = await highsLoader();
  if (flags.has("fixed-ids")) fixIds();
  console.log(
    `Item attack on the demo's diagnoses${asInvited ? " (read as if invited)" : ""}${flags.has("fixed-ids") ? " (fixed ids)" : ""}, ${new Date().toISOString()}, load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores`,
  );
  if (asServed) {
    for (const demo of await servedDemoReleases({ slugs, asInvited })) {
      report(
        demo,
        demo.release.audit.itemLp === true,
        highs,
        asInvited ? "as served, invited" : "as served",
      );
    }
    return;
  }
  for (const itemLp of stages) {
    for (const demo of buildDemoReleases(highs, { itemLp, slugs, asInvited })) {
      report(demo, itemLp, highs);
    }
  }
}

function report(
  demo: DemoRelease,
  itemLp: boolean,
  highs: Awaited<ReturnType<typeof highsLoader>>,
  served?: string,
) {
  const { release, sensitive } = demo;
  const audit = release.audit;
  console.log(
    `\n${demo.slug}, ${served ? `${served}, ` : ""}${itemLp ? "LP stage on" : "default release (bound tightening, LP stage off)"}: ${audit.organisationOnly ? "organisation as a whole only, " : ""}${number(audit.itemsHidden)} of ${number(audit.itemCells)} answer distributions hidden${audit.itemLpWithheld ? `, ${audit.itemLpWithheld} question(s) withheld` : ""}; built in ${seconds(demo.buildCpuMs)} of CPU`,
  );
  if (dump)
    writeFileSync(
      `${dump}/${demo.slug}-${served ? served.replace(/\W+/g, "-") : itemLp ? "lp" : "default"}.json`,
      JSON.stringify(release, null, 1),
    );
  if (!attack) return;
  const tightening = attackItems(release, sensitive);
  const stats = emptyLpStats();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const findings = attackItems(release, sensitive, highs, { stats });
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const byTightening = new Set(tightening.map(key));
  const lpOnly = findings.filter((finding) => !byTightening.has(key(finding)));
  const kinds = new Map<string, number>();
  for (const finding of findings) kinds.set(finding.kind, (kinds.get(finding.kind) ?? 0) + 1);
  console.log(
    `  derivations: ${findings.length} (on sensitive questions ${findings.filter((f) => sensitive.has(f.item)).length})${[...kinds].map(([kind, count]) => `, ${kind} ${count}`).join("")}; by bound tightening alone ${tightening.length}, so ${lpOnly.length} need the LP`,
  );
  console.log(
    `  LP attack: ${number(stats.checks)} checks; ${number(stats.wholeLps)} LPs over whole components, ${number(stats.restrictedLps)} over neighbourhoods; left open by a centre point ${number(stats.openedByCentre)}, by a neighbourhood LP ${number(stats.openedRestricted)}, closed by the whole LP ${number(stats.closed)}`,
  );
  console.log(
    `  time: ${seconds((used.user + used.system) / 1000)} of CPU, ${seconds(wallMs)} wall (tightening and LP)`,
  );
  if (lpOnly.length === 0) return;
  console.log(
    `  derivations only the LP finds${lpOnly.length > examples ? `, first ${examples}` : ""}:`,
  );
  for (const finding of lpOnly.slice(0, examples)) {
    console.log(`    ${describe(finding, release, demo)}`);
  }
}

function describe(finding: ItemFinding, release: Release, demo: DemoRelease): string {
  const group = release.groups.find((candidate) => candidate.id === finding.groupId);
  if (!group) return finding.groupId;
  const unit = demo.unitNames.get(group.unitId) ?? group.unitId;
  const filters = group.filters.map(
    (filter) => `${filter.dimension}=${filter.value ?? "(no answer)"}`,
  );
  const size = "value" in group.n ? `n = ${group.n.value}` : `hidden (${group.n.hidden})`;
  const what = {
    all: "all answered",
    none: "none answered",
    nearlyAll: "all or all but one answered",
    nearlyNone: "at most one answered",
    exact: "the hidden count of",
    size: "its hidden size pinned by the tables",
  }[finding.kind];
  return `${unit}${group.part === "direct" ? " (directly)" : ""}${filters.length ? `, ${filters.join(", ")}` : ""} [${size}]: ${finding.item}${sensitive(finding, demo)} — ${what} ${JSON.stringify(finding.option)}`;
}

const sensitive = (finding: ItemFinding, demo: DemoRelease) =>
  demo.sensitive.has(finding.item) ? " (sensitive)" : "";

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
