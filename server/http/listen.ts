import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";

/** Headers must arrive within this time, so slow clients (slowloris) cannot hold sockets. */
export const HEADERS_TIMEOUT_MS = 10_000;
/** A whole request, body included, must arrive within this time; a submission is a few KiB. */
export const REQUEST_TIMEOUT_MS = 30_000;
/** Largest request head accepted (Node answers 431 beyond it). */
export const MAX_HEADER_BYTES = 16 * 1024;

interface Listening {
  close: (callback?: (error?: Error) => void) => void;
  address: () => AddressInfo | string | null;
}

/** Serves an app on Node's HTTP server with bounded header size and request times. */
export function listen(
  app: { fetch: (request: Request) => Response | Promise<Response> },
  {
    port,
    hostname,
    headersTimeoutMs = HEADERS_TIMEOUT_MS,
    requestTimeoutMs = REQUEST_TIMEOUT_MS,
  }: { port: number; hostname: string; headersTimeoutMs?: number; requestTimeoutMs?: number },
  onListening?: (info: AddressInfo) => void,
): Listening {
  return serve(
    {
      fetch: app.fetch,
      port,
      hostname,
      serverOptions: {
        headersTimeout: headersTimeoutMs,
        requestTimeout: requestTimeoutMs,
        maxHeaderSize: MAX_HEADER_BYTES,
        // How often Node checks the two timeouts above; its default (30 s) would let a slow
        // client hold a socket far longer than the timeouts say.
        connectionsCheckingInterval: Math.min(1000, headersTimeoutMs),
      },
    },
    onListening,
  );
}
