import { createContext, useContext } from "react";
import type { SessionUser } from "../../server/contract/staff-schemas";

export type { SessionUser };

export const SessionContext = createContext<SessionUser | null>(null);

/** The signed-in staff member; screens render only inside a session. */
export function useSessionUser(): SessionUser {
  const user = useContext(SessionContext);
  if (!user) throw new Error("useSessionUser outside a session");
  return user;
}
