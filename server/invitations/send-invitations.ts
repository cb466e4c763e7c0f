import { and, eq, inArray } from "drizzle-orm";
import { recordAudit } from "../auth/audit";
import { recordCodeDistributor } from "../auth/separation-of-duties";
import type { SessionUser } from "../auth/sessions";
import { effectiveStatus } from "../campaigns/campaign-status";
import type { CampaignRow } from "../campaigns/campaign-view";
import { manageableCampaign } from "../campaigns/manageable-campaign";
import type { SendingView } from "../contract/invitation-schemas";
import type { Locale } from "../contract/locales";
import type { Db } from "../db/open-database";
import { campaignUnits, invitationCodes, sendingProgress, units } from "../db/schema";
import { withTransaction } from "../db/with-transaction";
import { ConflictError, InvalidInputError } from "../errors";
import type { BulkWriter } from "../jobs/bulk-writer";
import { yieldToEventLoop } from "../jobs/heavy-jobs";
import { parseAddressList, readAddressFile } from "./address-list";
import { deriveCode } from "./derive-code";
import { headcountLimitError, issuedCodesByUnit, unitsOverHeadcount } from "./headcount-ceiling";
import { codeHash, displayCode } from "./invitation-code";
import { composeMail, composeSection, type MailKind } from "./invitation-mail";
import type { Mailer } from "./mailer";
import { type SendingProgressRow, storeSendingProgress } from "./store-codes";

/** Codes written per transaction while sending: few fsyncs, and a short window in which a just-mailed code is not yet valid. */
const FLUSH_EVERY = 50;
const FLUSH_AFTER_MS = 200;
/** Addresses whose codes are derived (two keyed hashes each) before the event loop runs again. */
const DERIVE_SLICE = 250;

interface Delivery {
  address: string;
  code: string;
  /** The code's keyed hash, what the database stores once the mail was accepted. */
  hash: string;
  unitId: string;
}

/** A sending under way: its counts, and a promise that settles when it is done. */
export interface Sending {
  view(): SendingView;
  finished: Promise<void>;
}

function titleOf(campaign: CampaignRow, locale: Locale): string {
  return { nl: campaign.titleNl, fr: campaign.titleFr, en: campaign.titleEn }[locale];
}

/** The campaign's languages in its display order. */
export function campaignLocales(campaign: CampaignRow): Locale[] {
  return campaign.locales.split(",") as Locale[];
}

/** The personal link: the code rides in the fragment, which browsers never send to a server. */
export function personalLink(origin: string, slug: string, code: string): string {
  return `${origin}/s/${slug}#code=${displayCode(code)}`;
}

/**
 * Reads an address list, derives each address's code and decides who gets mail: for
 * invitations, every address whose code does not exist yet (so re-uploading the same file
 * resumes an interrupted sending); for reminders, every address whose code exists and is
 * unused. Then sends in the background, at most `mailer.concurrency` mails at a time and
 * `mailer.ratePerSecond` a second, writing
 * each invitation's code hash once its mail was accepted. Addresses live only in this closure;
 * the database and the audit log get counts and code hashes, never an address.
 */
export async function sendInvitations({
  db,
  actor,
  slug,
  kind,
  list,
  secretKey,
  mailer,
  bulkWriter,
  origin,
  now,
}: {
  db: Db;
  actor: SessionUser;
  slug: string;
  kind: MailKind;
  /** The address list: a CSV file's text, or a file's bytes (CSV or XLSX). */
  list: string | Uint8Array;
  secretKey: Uint8Array;
  mailer: Mailer;
  /** Stores the code hashes of accepted mails (a worker thread on a database file). */
  bulkWriter: BulkWriter;
  origin: string;
  now: Date;
}): Promise<Sending> {
  const campaign = manageableCampaign(db, actor, slug);
  if (campaign.accessMode !== "invitation-codes") {
    throw new ConflictError("This campaign uses an open link, not invitations.", "access-mode");
  }
  const status = effectiveStatus(campaign, now);
  if (status !== "open") {
    throw new ConflictError(
      `The campaign is ${status}: invitations go out while it is open.`,
      "status",
    );
  }
  const parsed = typeof list === "string" ? parseAddressList(list) : await readAddressFile(list);
  if (!parsed.ok) {
    throw new InvalidInputError(
      "The address list could not be read.",
      parsed.issues.map((issue) => ({
        question: issue.line > 0 ? `list.line${issue.line}` : "list",
        message: issue.message,
      })),
    );
  }
  const scope = db
    .select({ id: units.id, code: units.code, headcount: units.headcount })
    .from(campaignUnits)
    .innerJoin(units, eq(units.id, campaignUnits.unitId))
    .where(eq(campaignUnits.campaignId, campaign.id))
    .all();
  const unitIdByCode = new Map(scope.map((unit) => [unit.code, unit.id]));
  const unknownUnits = [...new Set(parsed.recipients.map((r) => r.unitCode))].filter(
    (code) => !unitIdByCode.has(code),
  );
  if (unknownUnits.length > 0) {
    throw new InvalidInputError(
      "Some units in the list are not units of this campaign.",
      unknownUnits.slice(0, 50).map((code) => ({ question: "list.unit", message: code })),
    );
  }

  // Derived in slices that yield, so a long list never holds respondents' requests.
  const wanted: Delivery[] = [];
  for (const recipient of parsed.recipients) {
    const code = deriveCode(secretKey, campaign.id, recipient.address);
    wanted.push({
      address: recipient.address,
      code,
      hash: codeHash(secretKey, code),
      unitId: unitIdByCode.get(recipient.unitCode) as string,
    });
    if (wanted.length % DERIVE_SLICE === 0) await yieldToEventLoop();
  }
  // Which codes exist already, and which of them are used: one query per 500 hashes.
  const existing = new Map<string, number>();
  for (let i = 0; i < wanted.length; i += 500) {
    const hashes = wanted.slice(i, i + 500).map((w) => w.hash);
    for (const row of db
      .select({ hash: invitationCodes.hash, used: invitationCodes.used })
      .from(invitationCodes)
      .where(
        and(eq(invitationCodes.campaignId, campaign.id), inArray(invitationCodes.hash, hashes)),
      )
      .all()) {
      existing.set(row.hash, row.used);
    }
  }
  const deliveries: Delivery[] =
    kind === "invitation"
      ? wanted.filter((w) => !existing.has(w.hash))
      : wanted.filter((w) => existing.get(w.hash) === 0);
  if (kind === "invitation") {
    // A unit's codes never outnumber its known staff: the surplus is where made-up answers hide.
    const issued = issuedCodesByUnit(db, campaign.id);
    const asked = new Map<string, number>();
    for (const delivery of deliveries) {
      asked.set(delivery.unitId, (asked.get(delivery.unitId) ?? 0) + 1);
    }
    const over = unitsOverHeadcount(
      scope.map((unit) => ({
        unitCode: unit.code,
        headcount: unit.headcount,
        issued: issued.get(unit.id) ?? 0,
        asked: asked.get(unit.id) ?? 0,
      })),
    );
    if (over.length > 0) throw headcountLimitError(over);
  }

  const counts = {
    listed: wanted.length,
    alreadyInvited: kind === "invitation" ? wanted.length - deliveries.length : 0,
    sent: 0,
    failed: 0,
    done: false,
  };
  // The counts as stored, so they survive a restart (reminders: only how many were read).
  const progress = (done: boolean): SendingProgressRow => ({
    campaignId: campaign.id,
    kind,
    listed: counts.listed,
    alreadyInvited: kind === "invitation" ? counts.alreadyInvited : null,
    sent: kind === "invitation" ? counts.sent : null,
    failed: kind === "invitation" ? counts.failed : null,
    done: done ? 1 : 0,
  });
  const view = (): SendingView =>
    kind === "invitation"
      ? { kind, ...counts }
      : { kind, listed: counts.listed, done: counts.done };

  withTransaction(db, (tx) => {
    // Whoever sends could slip their own addresses into the list: no results for them.
    recordCodeDistributor(tx, campaign.id, actor.id);
    recordAudit(tx, {
      actor,
      action: `${kind}s.start`,
      target: slug,
      detail: { listed: counts.listed },
      organisationId: campaign.organisationId,
      at: now,
    });
    storeSendingProgress(tx, progress(false));
  });

  const locales = campaignLocales(campaign);
  const mailFor = (code: string) =>
    composeMail(
      locales.map((locale) =>
        composeSection(locale, kind, titleOf(campaign, locale), personalLink(origin, slug, code)),
      ),
    );

  let pending: Delivery[] = [];
  let lastFlush = Date.now();
  // Writes go one after another to the bulk writer; the first failure stops the sending.
  let flushed: Promise<void> = Promise.resolve();
  let stopped: Error | undefined;
  const flush = () => {
    if (pending.length === 0) return;
    const rows = pending.map((delivery) => ({
      hash: delivery.hash,
      campaignId: campaign.id,
      unitId: delivery.unitId,
    }));
    pending = [];
    lastFlush = Date.now();
    const snapshot = progress(false);
    flushed = flushed.then(() =>
      bulkWriter.storeInvitationCodes(rows, snapshot).catch((error: Error) => {
        stopped ??= error;
      }),
    );
  };

  let next = 0;
  // Pacing: the n-th mail starts no earlier than n / rate seconds after the first.
  const interval = 1000 / mailer.ratePerSecond;
  let nextStart = performance.now();
  const worker = async () => {
    while (next < deliveries.length && !stopped) {
      const delivery = deliveries[next++] as Delivery;
      const wait = nextStart - performance.now();
      nextStart = Math.max(nextStart, performance.now()) + interval;
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      try {
        await mailer.send({ to: delivery.address, ...mailFor(delivery.code) });
        counts.sent++;
        if (kind === "invitation") {
          pending.push(delivery);
          if (pending.length >= FLUSH_EVERY || Date.now() - lastFlush >= FLUSH_AFTER_MS) flush();
        }
      } catch {
        // Refused or unreachable: counted, never logged (the error names the recipient).
        counts.failed++;
      }
    }
  };

  const finished = Promise.all(
    Array.from({ length: Math.max(1, Math.min(mailer.concurrency, deliveries.length)) }, worker),
  )
    .then(async () => {
      flush();
      await flushed;
      if (stopped) throw stopped;
      withTransaction(db, (tx) => {
        storeSendingProgress(tx, progress(true));
        recordAudit(tx, {
          actor,
          action: `${kind}s.finish`,
          target: slug,
          detail:
            kind === "invitation"
              ? {
                  listed: counts.listed,
                  alreadyInvited: counts.alreadyInvited,
                  sent: counts.sent,
                  failed: counts.failed,
                }
              : { listed: counts.listed },
          organisationId: campaign.organisationId,
        });
      });
    })
    .finally(() => {
      // Done, or stopped by a database error: either way the addresses go now.
      counts.done = true;
      deliveries.length = 0;
      pending = [];
    });
  return { view, finished };
}

/** The mail in each campaign language with a placeholder link, for the coordinator to read. */
export function previewInvitations(campaign: CampaignRow, link: string) {
  return campaignLocales(campaign).map((locale) => ({
    locale,
    invitation: composeSection(locale, "invitation", titleOf(campaign, locale), link),
    reminder: composeSection(locale, "reminder", titleOf(campaign, locale), link),
  }));
}

/**
 * A campaign's latest sending as stored: what the coordinator sees after a restart. A sending
 * the restart cut short shows as done (nothing runs any more) with the counts it reached;
 * uploading the same list resumes it.
 */
export function storedSendingView(db: Db, campaignId: string): SendingView | null {
  const row = db
    .select()
    .from(sendingProgress)
    .where(eq(sendingProgress.campaignId, campaignId))
    .get();
  if (!row) return null;
  return row.kind === "invitation"
    ? {
        kind: "invitation",
        listed: row.listed,
        alreadyInvited: row.alreadyInvited ?? 0,
        sent: row.sent ?? 0,
        failed: row.failed ?? 0,
        done: true,
      }
    : { kind: "reminder", listed: row.listed, done: true };
}
