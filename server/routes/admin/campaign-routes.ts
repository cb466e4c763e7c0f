import { type Context, Hono } from "hono";
import { type AdminAuth, type AdminEnv, requireRole } from "../../auth/admin-auth";
import { campaignForReader } from "../../auth/scope";
import { archiveCampaign } from "../../campaigns/archive-campaign";
import { toCampaignView } from "../../campaigns/campaign-view";
import { closeCampaign } from "../../campaigns/close-campaign";
import { createCampaign } from "../../campaigns/create-campaign";
import { editCampaign } from "../../campaigns/edit-campaign";
import { getAnswerCount } from "../../campaigns/get-answer-count";
import { getParticipation } from "../../campaigns/get-participation";
import { listCampaigns } from "../../campaigns/list-campaigns";
import { manageableCampaign } from "../../campaigns/manageable-campaign";
import { openCampaign } from "../../campaigns/open-campaign";
import type { TransitionRequest } from "../../campaigns/transition-campaign";
import { answerCountSchema } from "../../contract/answer-count-schema";
import {
  type CampaignAnswer,
  type CampaignListAnswer,
  type CodesAnswer,
  codesRequestSchema,
  slugSchema,
} from "../../contract/campaign-schemas";
import {
  campaignCodesRequestSchema,
  type InvitationsAnswer,
  invitationsAnswerSchema,
  type SendingStarted,
  sendInvitationsRequestSchema,
} from "../../contract/invitation-schemas";
import { participationSchema } from "../../contract/participation-schema";
import type { Db } from "../../db/open-database";
import { ConflictError, NotFoundError } from "../../errors";
import { readInput } from "../../http/parse-input";
import { readJsonBody } from "../../http/read-json-body";
import { generateCampaignCodes } from "../../invitations/generate-campaign-codes";
import { generateCodes } from "../../invitations/generate-codes";
import { PREVIEW_LINK } from "../../invitations/invitation-mail";
import type { Mailer } from "../../invitations/mailer";
import {
  previewInvitations,
  type Sending,
  sendInvitations,
  storedSendingView,
} from "../../invitations/send-invitations";
import type { BulkWriter } from "../../jobs/bulk-writer";
import type { HeavyJobs } from "../../jobs/heavy-jobs";
import type { ReleaseScheduler } from "../../results/release-scheduler";

function parseSlug(raw: string): string {
  const slug = slugSchema.safeParse(raw);
  if (!slug.success) throw new NotFoundError("There is no such campaign.");
  return slug.data;
}

const managers = requireRole("admin", "coordinator");

/** Campaigns: list and read in scope; create, edit, open, close, archive, codes for managers. */
export function campaignRoutes({
  db,
  now,
  auth,
  secretKey,
  releases,
  maxCodesPerCampaign,
  heavyJobs,
  bulkWriter,
  mailer,
  linkOrigin,
}: {
  db: Db;
  now: () => Date;
  auth: AdminAuth;
  secretKey: Uint8Array;
  /** Sends invitations; absent when SMTP is not configured (codes are then downloaded). */
  mailer?: Mailer;
  /** The origin personal links point to (the public origin). */
  linkOrigin: string;
  /** Rebuilds a campaign's audited release at once when it closes or its k changes. */
  releases?: ReleaseScheduler;
  maxCodesPerCampaign: number;
  /** Code generation runs here, one job at a time, in chunks that let respondents through. */
  heavyJobs: HeavyJobs;
  /** Where code making and storing runs (a worker thread on a database file). */
  bulkWriter: BulkWriter;
}) {
  // One sending per campaign at a time, kept in memory only (with its addresses, until done).
  const sendings = new Map<string, Sending>();
  const preparing = new Set<string>();
  const rebuildRelease = (campaignId: string) => void releases?.rebuild(campaignId);
  /** A campaign read by the signed-in user, now. */
  const read = (c: Context<AdminEnv>) => ({
    db,
    user: c.get("session").user,
    slug: parseSlug(c.req.param("slug") ?? ""),
    now: now(),
  });
  const transitions = {
    open: openCampaign,
    close: (request: TransitionRequest) =>
      closeCampaign({ ...request, afterClose: rebuildRelease }),
    archive: archiveCampaign,
  };
  const app = new Hono<AdminEnv>()
    .use("*", auth.protect)
    .get("/", (c) =>
      c.json({
        campaigns: listCampaigns(db, c.get("session").user, now()),
      } satisfies CampaignListAnswer),
    )
    .post("/", managers, async (c) => {
      const input = await readJsonBody(c);
      const campaign = createCampaign({ db, actor: c.get("session").user, input, now: now() });
      return c.json({ campaign } satisfies CampaignAnswer, 201);
    })
    .get("/:slug", (c) => {
      const row = campaignForReader(db, c.get("session").user, parseSlug(c.req.param("slug")));
      return c.json({ campaign: toCampaignView(db, row, now()) } satisfies CampaignAnswer);
    })
    .patch("/:slug", async (c) => {
      const slug = parseSlug(c.req.param("slug"));
      const patch = await readJsonBody(c);
      const campaign = editCampaign({
        db,
        actor: c.get("session").user,
        slug,
        patch,
        now: now(),
        afterKChanged: rebuildRelease,
      });
      return c.json({ campaign } satisfies CampaignAnswer);
    })
    .post("/:slug/codes", async (c) => {
      const slug = parseSlug(c.req.param("slug"));
      const input = await readInput(c, codesRequestSchema);
      const codes = await generateCodes({
        db,
        actor: c.get("session").user,
        slug,
        unitId: input.unitId,
        count: input.count,
        now: now(),
        maxCodesPerCampaign,
        heavyJobs,
        bulkWriter,
      });
      // Shown once: the response must not be kept by any cache.
      c.header("Cache-Control", "no-store");
      return c.json({ unitId: input.unitId, codes } satisfies CodesAnswer, 201);
    })
    .post("/:slug/codes/campaign", managers, async (c) => {
      const slug = parseSlug(c.req.param("slug"));
      const input = await readInput(c, campaignCodesRequestSchema);
      const file = await generateCampaignCodes({
        db,
        actor: c.get("session").user,
        slug,
        size: input.size,
        format: input.format,
        locale: input.locale,
        origin: linkOrigin,
        now: now(),
        maxCodesPerCampaign,
        heavyJobs,
        bulkWriter,
      });
      // Shown once: the file must not be kept by any cache.
      c.header("Cache-Control", "no-store");
      c.header("Content-Type", file.contentType);
      c.header("Content-Disposition", `attachment; filename="${file.filename}"`);
      return c.body(typeof file.body === "string" ? file.body : new Uint8Array(file.body), 201);
    })
    .get("/:slug/invitations", managers, (c) => {
      const campaign = manageableCampaign(
        db,
        c.get("session").user,
        parseSlug(c.req.param("slug")),
      );
      return c.json(
        invitationsAnswerSchema.parse({
          mailConfigured: mailer !== undefined,
          preview: previewInvitations(campaign, PREVIEW_LINK),
          sending: sendings.get(campaign.slug)?.view() ?? storedSendingView(db, campaign.id),
        } satisfies InvitationsAnswer),
      );
    })
    .post("/:slug/invitations", managers, async (c) => {
      const slug = parseSlug(c.req.param("slug"));
      const input = await readInput(c, sendInvitationsRequestSchema);
      if (!mailer) {
        throw new ConflictError(
          "Mail is not configured on this server: download codes per unit instead.",
          "mail-not-configured",
        );
      }
      if (sendings.get(slug)?.view().done === false || preparing.has(slug)) {
        throw new ConflictError("A sending for this campaign is still under way.", "sending");
      }
      // Held while the list is read and its codes derived, so a second upload waits its turn.
      preparing.add(slug);
      const sending = await sendInvitations({
        db,
        actor: c.get("session").user,
        slug,
        kind: input.kind,
        list: "list" in input ? input.list : new Uint8Array(Buffer.from(input.xlsx, "base64")),
        secretKey,
        mailer,
        bulkWriter,
        origin: linkOrigin,
        now: now(),
      }).finally(() => preparing.delete(slug));
      sendings.set(slug, sending);
      sending.finished.catch((error: unknown) => {
        // A database failure mid-sending; the error carries no address (mail errors are caught per mail).
        console.error(`Sending for ${slug} stopped:`, (error as Error).message);
      });
      return c.json({ sending: sending.view() } satisfies SendingStarted, 202);
    })
    // Live counts leave through their output schema, like results: unknown fields are stripped.
    .get("/:slug/answer-count", (c) => c.json(answerCountSchema.parse(getAnswerCount(read(c)))))
    .get("/:slug/participation", (c) =>
      c.json(participationSchema.parse(getParticipation(read(c)))),
    );
  for (const [name, transition] of Object.entries(transitions)) {
    app.post(`/:slug/${name}`, (c) => {
      const campaign = transition({
        db,
        actor: c.get("session").user,
        slug: parseSlug(c.req.param("slug")),
        now: now(),
      });
      return c.json({ campaign } satisfies CampaignAnswer);
    });
  }
  return app;
}
