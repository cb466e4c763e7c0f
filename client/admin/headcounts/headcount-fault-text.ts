import {
  HEADCOUNT_FAULTS,
  type HeadcountFault,
  type HeadcountFaultEntry,
} from "../../../server/contract/headcount-faults";
import type { HeadcountMessages } from "./headcount-messages";

/** A fault of a refused import in the reader's words; the server's English if its kind is new. */
export function headcountFaultText(entry: HeadcountFaultEntry, t: HeadcountMessages): string {
  const known = HEADCOUNT_FAULTS.find((fault): fault is HeadcountFault => fault === entry.fault);
  return known ? t.faults[known](entry.params) : entry.message;
}
