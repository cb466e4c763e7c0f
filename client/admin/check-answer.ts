import { adminAnswerSchema } from "../../server/contract/admin-answers";
import type { Method } from "./admin-api";

/**
 * Development builds only (admin-api.ts loads this module behind import.meta.env.DEV): checks
 * an answer of the admin API against the contract's schema, so that a server change the
 * screens' types do not know about shows at once, not as a blank field in production.
 */
export function checkAnswer(method: Method, path: string, answer: unknown): void {
  const schema = adminAnswerSchema(method, path);
  if (!schema) throw new Error(`No contract schema for ${method} /api/admin${path}`);
  const checked = schema.safeParse(answer);
  if (!checked.success) {
    throw new Error(
      `${method} /api/admin${path} answered outside the contract: ${checked.error.message}`,
    );
  }
}
