import { readFileSync } from "node:fs";
import { Worker } from "node:worker_threads";
import nodemailer from "nodemailer";
import type { SmtpConfig } from "../config";

/** One message to one recipient. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

/** Sends mail; `send` rejects when the server refuses the message (counted as failed, never logged). */
export interface Mailer {
  /** Messages in flight at once; sending never asks for more. */
  concurrency: number;
  /** Messages started per second at most. */
  ratePerSecond: number;
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** Parallel SMTP connections: enough to send 5,000 mails in well under a minute, few enough to be polite. */
export const DEFAULT_MAIL_CONCURRENCY = 4;

/** The SMTP password, read from its file once at start so it never sits in the environment. */
function readPassword(smtp: SmtpConfig): string | undefined {
  return smtp.passwordFile
    ? readFileSync(smtp.passwordFile, "utf8").replace(/\r?\n$/, "")
    : undefined;
}

/** A pooled nodemailer transport for the settings; `password` already read from its file. */
export function smtpTransport(smtp: SmtpConfig, password: string | undefined, concurrency: number) {
  return nodemailer.createTransport({
    pool: true,
    maxConnections: concurrency,
    maxMessages: Number.POSITIVE_INFINITY,
    host: smtp.host,
    port: smtp.port,
    secure: smtp.tls === "implicit",
    requireTLS: smtp.tls === "starttls",
    ignoreTLS: smtp.tls === "none",
    auth: smtp.user ? { user: smtp.user, pass: password ?? "" } : undefined,
    // No logger: nodemailer's logs would name recipients.
    logger: false,
  });
}

/**
 * A pooled SMTP mailer on the calling thread, from the settings in server/config.ts (tests and
 * commands; the server uses workerMailer).
 */
export function createMailer(smtp: SmtpConfig, concurrency = DEFAULT_MAIL_CONCURRENCY): Mailer {
  const transport = smtpTransport(smtp, readPassword(smtp), concurrency);
  return {
    concurrency,
    ratePerSecond: smtp.ratePerSecond,
    async send(mail) {
      await transport.sendMail({ from: smtp.from, ...mail });
    },
    close: () => transport.close(),
  };
}

/** A message to the mail worker (server/invitations/mail-worker.ts) and its answer. */
export type MailRequest = { id: number; mail: OutgoingMail };
export type MailReply = { id: number; ok: boolean };

/**
 * The same mailer with the SMTP work (MIME building, encoding, the SMTP conversation: about a
 * millisecond of CPU per mail) in a worker thread, so a sending of thousands of mails leaves
 * the server's thread to respondents. Addresses cross to the worker in memory only; a refusal
 * comes back as a bare "failed", so the error text (which names the recipient) never leaves it.
 */
export function workerMailer(smtp: SmtpConfig, concurrency = DEFAULT_MAIL_CONCURRENCY): Mailer {
  const password = readPassword(smtp);
  let worker: Worker | undefined;
  const pending = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  let nextId = 1;
  const start = () => {
    const started = new Worker(new URL("./mail-worker-entry.mjs", import.meta.url), {
      workerData: { smtp, password, concurrency },
    });
    started.unref();
    started.on("message", (reply: MailReply) => {
      const request = pending.get(reply.id);
      if (!request) return;
      pending.delete(reply.id);
      if (reply.ok) request.resolve();
      else request.reject(new Error("The mail server did not accept the message."));
    });
    const fail = () => {
      for (const request of pending.values()) request.reject(new Error("The mail worker stopped."));
      pending.clear();
      worker = undefined;
    };
    started.on("error", fail);
    started.on("exit", fail);
    return started;
  };
  return {
    concurrency,
    ratePerSecond: smtp.ratePerSecond,
    send(mail) {
      worker ??= start();
      const id = nextId++;
      const target = worker;
      return new Promise<void>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        target.postMessage({ id, mail } satisfies MailRequest);
      });
    },
    close() {
      const running = worker;
      worker = undefined;
      void running?.terminate();
    },
  };
}
