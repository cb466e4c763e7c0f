import { readFileSync } from "node:fs";
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

/**
 * A pooled SMTP mailer from the settings in server/config.ts. The password is read from its file
 * here, once, so it never sits in the environment.
 */
export function createMailer(smtp: SmtpConfig, concurrency = DEFAULT_MAIL_CONCURRENCY): Mailer {
  const password = smtp.passwordFile
    ? readFileSync(smtp.passwordFile, "utf8").replace(/\r?\n$/, "")
    : undefined;
  const transport = nodemailer.createTransport({
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
  return {
    concurrency,
    ratePerSecond: smtp.ratePerSecond,
    async send(mail) {
      await transport.sendMail({ from: smtp.from, ...mail });
    },
    close: () => transport.close(),
  };
}
