import highsLoader from "highs";
import { createResponseMatrix } from "../../analysis/build-release";
import { buildSequencedRelease, sequenceRules } from "../../analysis/build-sequenced-release";
import { auditAnswerSequence } from "../../analysis/sequence-answers";
import { attackItems } from "../analysis/auditor/item-attack";
import { demoCampaignAnswers } from "./demo-campaign-answers";

/** What two audits of answer tables make of one release a reader gets with nothing before it. */
export interface OwnFiguresFigures {
  slug: string;
  /** Answer distributions the release hides (the item audit, LP stage included). */
  itemsHidden: number;
  /** The independent item attack (test/analysis/auditor/item-attack.ts), with LP. */
  itemAttack: { findings: number; cpuMs: number };
  /**
   * The sequence audit of answer tables over this one release (its checks "from no release to
   * it"), by kind: what the release at close after any look withholds on top.
   */
  sequenceAnswers: { findings: Record<string, number>; unsettled: number; cpuMs: number };
}

const cpuNow = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/**
 * A demo campaign's release built with every answer and nothing shown before (as a phased
 * campaign's release at close), then read by the independent item attack and by the sequence
 * audit of answer tables alone. The release at close after an organisation-only look is
 * withheld where the second finds something: where the two disagree, so does what a campaign
 * hides with a look and without.
 */
export async function measureOwnFigures(slug: string): Promise<OwnFiguresFigures> {
  const highs = await highsLoader();
  const { input, rows } = demoCampaignAnswers(slug);
  const built = buildSequencedRelease(highs, createResponseMatrix(input, rows), input, []);
  const { sensitiveItems } = sequenceRules(input);
  let start = cpuNow();
  const attack = attackItems(built.release, sensitiveItems, highs);
  const itemAttack = { findings: attack.length, cpuMs: cpuNow() - start };
  start = cpuNow();
  const audit = auditAnswerSequence(highs, [built.release], {
    sensitiveItems,
    truths: [built.truth],
  });
  const findings: Record<string, number> = {};
  for (const finding of audit.findings) findings[finding.kind] = (findings[finding.kind] ?? 0) + 1;
  return {
    slug,
    itemsHidden: built.release.audit.itemsHidden,
    itemAttack,
    sequenceAnswers: {
      findings,
      unsettled: audit.findings.filter((finding) => finding.unsettled).length,
      cpuMs: cpuNow() - start,
    },
  };
}
